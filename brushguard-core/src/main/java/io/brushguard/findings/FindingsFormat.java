package io.brushguard.findings;

import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Reason;
import io.brushguard.decide.RingLine;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.ring.RingFound;
import io.brushguard.event.Like;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Writes findings and the summary line in the output contract ({@code spec/findings.md}). */
public final class FindingsFormat {
  private FindingsFormat() {}

  /** One {@code finding} line, without the newline. */
  public static String finding(Finding f) {
    return Json.write(
        160,
        g -> {
          try {
            g.writeStartObject();
            g.writeStringField("type", "finding");
            g.writeStringField("entity", f.entity().wire());
            int split = f.entity() == EntityKind.LIKE ? f.id().indexOf(Like.SEPARATOR) : -1;
            if (split < 0) {
              g.writeStringField("id", f.id());
            } else { // a like: <account>:<review>, and the two ids apart (they may hold ':')
              g.writeStringField("id", f.id().replace(Like.SEPARATOR, ':'));
              g.writeStringField("account", f.id().substring(0, split));
              g.writeStringField("review", f.id().substring(split + 1));
            }
            g.writeFieldName("score");
            g.writeNumber(Json.score(f.score()));
            g.writeStringField("action", f.action().wire());
            if (f.intercept() != null) {
              g.writeStringField("intercept", f.intercept().wire());
            }
            g.writeArrayFieldStart("reasons");
            for (Reason r : f.reasons()) {
              g.writeStartObject();
              g.writeStringField("code", r.code());
              if (r.detail() != null) {
                g.writeStringField("detail", r.detail());
              }
              if (r.ring() != null) {
                g.writeStringField("ring", r.ring());
              }
              if (r.origins() > 0) { // what a model is trained on (brushguard train)
                g.writeObjectFieldStart("evidence");
                g.writeFieldName("strength");
                g.writeNumber(Json.score(r.strength()));
                g.writeNumberField("origins", r.origins());
                g.writeEndObject();
              }
              g.writeEndObject();
            }
            g.writeEndArray();
            if (f.ts() > 0) {
              g.writeStringField("ts", Instant.ofEpochMilli(f.ts()).toString());
            }
            g.writeEndObject();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** One {@code ring} line, without the newline: a group acting together, by ring id. */
  public static String ring(RingLine line) {
    RingFound r = line.found();
    return Json.write(
        200 + 12 * r.accounts().size(),
        g -> {
          try {
            g.writeStartObject();
            g.writeStringField("type", "ring");
            g.writeStringField("ring", r.ring());
            g.writeArrayFieldStart("accounts");
            for (String a : r.accounts()) {
              g.writeString(a);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("shops");
            for (String s : r.shops()) {
              g.writeString(s);
            }
            g.writeEndArray();
            g.writeNumberField("orders", r.orders());
            g.writeNumberField("reviews", r.reviews());
            g.writeNumberField("likes", r.likes());
            g.writeStringField("first_ts", Instant.ofEpochMilli(r.firstTs()).toString());
            g.writeStringField("last_ts", Instant.ofEpochMilli(r.lastTs()).toString());
            g.writeArrayFieldStart("tactics");
            for (String t : line.tactics()) {
              g.writeString(t);
            }
            g.writeEndArray();
            g.writeFieldName("score");
            g.writeNumber(Json.score(line.score()));
            g.writeObjectFieldStart("evidence");
            g.writeNumberField("shared_devices", r.sharedDevices());
            g.writeNumberField("shared_ips", r.sharedIps());
            g.writeFieldName("density");
            g.writeNumber(Json.score(r.density()));
            g.writeEndObject();
            g.writeStringField("ts", Instant.ofEpochMilli(line.ts()).toString());
            g.writeEndObject();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The {@code summary} line that ends a batch run. */
  public static String summary(Summary s) {
    return Json.write(
        200,
        g -> {
          try {
            g.writeStartObject();
            g.writeStringField("type", "summary");
            g.writeNumberField("events", s.events());
            g.writeNumberField("rejected", s.rejected());
            g.writeNumberField("late", s.late());
            g.writeFieldName("seconds");
            g.writeNumber(Json.score(Math.round(s.seconds() * 1000) / 1000.0));
            g.writeNumberField("findings", s.findings());
            g.writeNumberField("rings", s.rings());
            g.writeNumberField("detector_errors", s.detectorErrors());
            g.writeEndObject();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * One {@code shop} line, without the newline: the shop's books with and without what was judged
   * fake. Ratings have two decimals, {@code null} without reviews.
   */
  public static String shop(ShopStanding s) {
    return Json.write(
        300,
        g -> {
          try {
            g.writeStartObject();
            g.writeStringField("type", "shop");
            g.writeStringField("shop", s.shop());
            g.writeNumberField("credit", s.credit());
            g.writeStringField("grade", s.grade());
            g.writeNumberField("orders", s.orders());
            g.writeNumberField("fake_orders", s.fakeOrders());
            g.writeNumberField("sales", s.sales());
            g.writeNumberField("corrected_sales", s.correctedSales());
            g.writeNumberField("reviews", s.reviews());
            g.writeNumberField("fake_reviews", s.fakeReviews());
            rating(g, "rating", s.rating());
            rating(g, "corrected_rating", s.correctedRating());
            g.writeNumberField("spot_checks_failed", s.spotChecksFailed());
            g.writeNumberField("reports_upheld", s.reportsUpheld());
            g.writeArrayFieldStart("penalties");
            for (String p : s.penalties()) {
              g.writeString(p);
            }
            g.writeEndArray();
            if (!s.evidence().isEmpty()) {
              g.writeStringField("evidence", s.evidence());
            }
            g.writeStringField("ts", Instant.ofEpochMilli(s.ts()).toString());
            g.writeEndObject();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static void rating(com.fasterxml.jackson.core.JsonGenerator g, String name, double rating)
      throws IOException {
    g.writeFieldName(name);
    if (Double.isNaN(rating)) {
      g.writeNull();
    } else {
      g.writeNumber(Json.score(Math.round(rating * 100) / 100.0));
    }
  }
}
