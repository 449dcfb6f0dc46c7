package io.brushguard.detect.cashback;

import io.brushguard.event.Payment;
import io.brushguard.flow.Fact;

/**
 * A red packet, transfer or other off-order payment, sent to the receiving account, with what is
 * known of the paying account: the shop whose merchant binds it, if any.
 *
 * @param payment the payment id
 * @param from the paying account
 * @param to the receiving account
 * @param amount in minor units
 * @param kind red packet, transfer or other
 * @param order the order the payment names, or null (off the platform's books)
 * @param ts when it was paid
 * @param shop the shop whose merchant binds {@code from}, or null
 * @param merchant that merchant's platform account, or null
 * @param receivesFor the one shop whose order payments {@code from} receives (its own account), or
 *     null when it receives none or those of several shops (an escrow)
 */
public record Payout(
    String payment,
    String from,
    String to,
    long amount,
    Payment.Kind kind,
    String order,
    long ts,
    String shop,
    String merchant,
    String receivesFor)
    implements Fact {}
