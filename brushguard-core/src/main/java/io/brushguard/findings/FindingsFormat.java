package io.brushguard.findings;

import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Reason;

/** Writes findings and the summary line in the output contract ({@code spec/findings.md}). */
public final class FindingsFormat {
  private FindingsFormat() {}

  /** One {@code finding} line, without the newline. */
  public static String finding(Finding f) {
    StringBuilder out = new StringBuilder(160);
    out.append("{\"type\":\"finding\",\"entity\":\"")
        .append(f.entity().wire())
        .append("\",\"id\":");
    Json.string(out, f.id()).append(",\"score\":");
    Json.score(out, f.score()).append(",\"action\":\"").append(f.action().wire()).append('"');
    out.append(",\"reasons\":[");
    for (int i = 0; i < f.reasons().size(); i++) {
      Reason r = f.reasons().get(i);
      out.append(i == 0 ? "{" : ",{").append("\"code\":");
      Json.string(out, r.code());
      if (r.detail() != null) {
        Json.string(out.append(",\"detail\":"), r.detail());
      }
      if (r.ring() != null) {
        Json.string(out.append(",\"ring\":"), r.ring());
      }
      out.append('}');
    }
    out.append(']');
    if (f.ts() > 0) {
      Json.instant(out.append(",\"ts\":"), f.ts());
    }
    return out.append('}').toString();
  }

  /** The {@code summary} line that ends a batch run. */
  public static String summary(Summary s) {
    StringBuilder out = new StringBuilder(200);
    out.append("{\"type\":\"summary\",\"events\":").append(s.events());
    out.append(",\"rejected\":").append(s.rejected());
    out.append(",\"late\":").append(s.late());
    out.append(",\"seconds\":");
    Json.score(out, Math.round(s.seconds() * 1000) / 1000.0);
    out.append(",\"findings\":").append(s.findings());
    out.append(",\"rings\":").append(s.rings());
    out.append(",\"detector_errors\":").append(s.detectorErrors());
    return out.append('}').toString();
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
