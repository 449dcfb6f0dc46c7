package io.brushguard.resolve;

import io.brushguard.flow.Fact;

/**
 * Something joined an order: its payment, a parcel's waybill or its review, with the order's shop
 * and buyer, so that a stage keyed by the payment, the waybill or the review knows whose it is.
 *
 * @param order the order
 * @param shop the order's shop
 * @param buyer the order's buyer
 * @param amount the order's amount (minor units)
 * @param orderedAt when the order was placed
 * @param part what joined
 * @param ref the payment, waybill or review id
 * @param receiver for the order's own payment (kind {@code order}), the account that received it:
 *     the shop's; null for other parts and payments
 */
public record OrderLinked(
    String order,
    String shop,
    String buyer,
    long amount,
    long orderedAt,
    Part part,
    String ref,
    String receiver)
    implements Fact {

  /** A part with no receiver: a waybill, a review, or a payment other than the order's own. */
  public OrderLinked(
      String order, String shop, String buyer, long amount, long orderedAt, Part part, String ref) {
    this(order, shop, buyer, amount, orderedAt, part, ref, null);
  }

  /** What joined an order. */
  public enum Part {
    PAYMENT,
    WAYBILL,
    REVIEW
  }
}
