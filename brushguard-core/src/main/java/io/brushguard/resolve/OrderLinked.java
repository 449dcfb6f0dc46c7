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
 */
public record OrderLinked(
    String order, String shop, String buyer, long amount, long orderedAt, Part part, String ref)
    implements Fact {

  /** What joined an order. */
  public enum Part {
    PAYMENT,
    WAYBILL,
    REVIEW
  }
}
