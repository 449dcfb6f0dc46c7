package io.brushguard.detect.cashback;

import io.brushguard.flow.Fact;

/**
 * Money back to a buyer after an order: who paid, to whom, for which order and review, and the
 * chain of links that ties the paying account to the shop. Sent to the paying account (the broker
 * stage counts the buyers it pays per shop) and kept for the graph detectors (reverse brushing: the
 * one who paid is the one to penalise).
 *
 * @param payer the paying account
 * @param shop the shop whose order is paid back
 * @param buyer the buyer's platform account
 * @param buyerPayer the buyer's payment account
 * @param order the order
 * @param review the buyer's review of it, or null
 * @param rating that review's rating, 0 when none
 * @param payment the payment id
 * @param amount the payment's amount
 * @param ts when it was paid
 * @param tie how the payer is tied to the shop: {@link #RECEIVED}, {@link #BOUND} or null (none
 *     known; a broker if it pays many buyers of the same shop)
 * @param merchant the merchant account binding the payer, or null
 */
public record Rebate(
    String payer,
    String shop,
    String buyer,
    String buyerPayer,
    String order,
    String review,
    int rating,
    String payment,
    long amount,
    long ts,
    String tie,
    String merchant)
    implements Fact {

  /** The payer received the order's money: the shop's own account. */
  public static final String RECEIVED = "received-the-order-payment";

  /** The shop's merchant account binds the payer (its own or an accomplice's). */
  public static final String BOUND = "bound-by-merchant";

  /** The chain of links, in words. */
  public String chain() {
    if (RECEIVED.equals(tie)) {
      return "payer " + payer + " received order " + order + "'s payment for shop " + shop;
    }
    if (BOUND.equals(tie)) {
      return "payer " + payer + " bound by merchant " + merchant + " of shop " + shop;
    }
    return "payer " + payer + " pays buyers of shop " + shop;
  }
}
