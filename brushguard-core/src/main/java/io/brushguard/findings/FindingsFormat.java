package io.brushguard.findings;

import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Reason;
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
            g.writeStringField("id", f.id());
            g.writeFieldName("score");
            g.writeNumber(Json.score(f.score()));
            g.writeStringField("action", f.action().wire());
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
    StringBuilder out = new StringBuilder(200);
    Json.string(out.append("{\"type\":\"shop\",\"shop\":"), s.shop());
    out.append(",\"orders\":").append(s.orders());
    out.append(",\"fake_orders\":").append(s.fakeOrders());
    out.append(",\"sales\":").append(s.sales());
    out.append(",\"corrected_sales\":").append(s.correctedSales());
    out.append(",\"reviews\":").append(s.reviews());
    out.append(",\"fake_reviews\":").append(s.fakeReviews());
    rating(out.append(",\"rating\":"), s.rating());
    rating(out.append(",\"corrected_rating\":"), s.correctedRating());
    Json.instant(out.append(",\"ts\":"), s.ts());
    return out.append('}').toString();
  }

  private static void rating(StringBuilder out, double rating) {
    if (Double.isNaN(rating)) {
      out.append("null");
    } else {
      Json.score(out, Math.round(rating * 100) / 100.0);
    }
  }
}
