package io.brushguard.detect.cashback;

import io.brushguard.flow.Fact;

/**
 * What a buyer said about a shop: a review (with its rating and order) or a complaint (a report
 * against the shop or one of its orders), sent to the buyer's payment account.
 *
 * @param payer the buyer's payment account
 * @param shop the shop, or null when a report names only an order
 * @param order the order reviewed or reported, or null
 * @param review the review id, or null for a complaint
 * @param rating 1..5 for a review, 0 for a complaint
 * @param ts when it was said
 */
public record Said(String payer, String shop, String order, String review, int rating, long ts)
    implements Fact {

  /** A complaint or a review of three stars or fewer: money after it is goodwill, not praise. */
  public boolean unhappy() {
    return rating <= 3;
  }
}
