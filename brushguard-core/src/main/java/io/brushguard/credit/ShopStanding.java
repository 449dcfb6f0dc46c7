package io.brushguard.credit;

import io.brushguard.flow.Fact;
import java.util.List;

/**
 * A shop's standing: its merchant credit, and its books as a consumer should have seen them (what
 * it sold and how it was rated, with and without what was judged fake). The {@code shop} line of
 * the output contract; in a stream each one replaces the shop's previous one.
 *
 * @param shop the shop
 * @param credit merchant credit, 0..100 ({@link Credit})
 * @param grade A to E
 * @param orders distinct orders seen
 * @param fakeOrders of those, judged fake
 * @param sales units sold, all orders
 * @param correctedSales units sold by the orders not judged fake
 * @param reviews distinct reviews seen
 * @param fakeReviews of those, judged fake
 * @param ratingSum sum of all ratings
 * @param correctedRatingSum sum of the ratings of reviews not judged fake
 * @param spotChecksFailed third-party spot checks failed
 * @param reportsUpheld consumer reports the detections uphold
 * @param penalties the penalties proposed for a person to confirm (empty when none)
 * @param evidence what is held against the shop, in words (empty when nothing)
 * @param ts the event time of this standing
 */
public record ShopStanding(
    String shop,
    int credit,
    String grade,
    long orders,
    long fakeOrders,
    long sales,
    long correctedSales,
    long reviews,
    long fakeReviews,
    long ratingSum,
    long correctedRatingSum,
    long spotChecksFailed,
    long reportsUpheld,
    List<String> penalties,
    String evidence,
    long ts)
    implements Fact {

  public ShopStanding {
    penalties = List.copyOf(penalties);
  }

  /** Mean rating of all reviews, or NaN without reviews. */
  public double rating() {
    return reviews == 0 ? Double.NaN : (double) ratingSum / reviews;
  }

  /** Mean rating of the reviews not judged fake, or NaN when none is left. */
  public double correctedRating() {
    long genuine = reviews - fakeReviews;
    return genuine == 0 ? Double.NaN : (double) correctedRatingSum / genuine;
  }
}
