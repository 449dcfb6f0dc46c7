package io.brushguard.credit;

import io.brushguard.flow.Fact;

/**
 * A shop's books as a consumer should have seen them: what it sold and how it was rated, with and
 * without what was judged fake. The {@code shop} line of the output contract; in a stream each one
 * replaces the shop's previous one.
 *
 * @param shop the shop
 * @param orders distinct orders seen
 * @param fakeOrders of those, judged fake
 * @param sales units sold, all orders
 * @param correctedSales units sold by the orders not judged fake
 * @param reviews distinct reviews seen
 * @param fakeReviews of those, judged fake
 * @param ratingSum sum of all ratings
 * @param correctedRatingSum sum of the ratings of reviews not judged fake
 * @param ts the event time of this standing
 */
public record ShopStanding(
    String shop,
    long orders,
    long fakeOrders,
    long sales,
    long correctedSales,
    long reviews,
    long fakeReviews,
    long ratingSum,
    long correctedRatingSum,
    long ts)
    implements Fact {

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
