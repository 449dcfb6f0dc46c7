package io.brushguard.detect.cashback;

import io.brushguard.flow.Fact;
import java.util.List;

/**
 * Money from an account tied to one shop to a buyer who just paid for orders at another shop, about
 * their price: what a competitor pays hired buyers in reverse brushing (反向刷单), or a merchant
 * reimbursing a friend. Told by {@link CashbackDetector}, which holds the buyer's recent orders;
 * sent to the paying account, where {@code detect.reverse} counts the buyers it pays per shop.
 *
 * @param payer the paying account
 * @param payerShop the shop whose merchant binds the paying account, or else the one shop whose
 *     order payments it receives
 * @param merchant the merchant's platform account that binds it, or null when known by receipts
 * @param shop the other shop, whose orders the money covers
 * @param buyer the buyer's platform account
 * @param buyerPayer the buyer's payment account
 * @param orders the buyer's orders at {@code shop} that the money covers, oldest first (at most
 *     {@link CashbackDetector#MAX_ORDERS})
 * @param ordersAmount what the buyer paid for them, net of subsidies, in minor units
 * @param payment the payment id
 * @param amount the payment's amount
 * @param ts when it was paid
 */
public record RivalPayout(
    String payer,
    String payerShop,
    String merchant,
    String shop,
    String buyer,
    String buyerPayer,
    List<String> orders,
    long ordersAmount,
    String payment,
    long amount,
    long ts)
    implements Fact {

  public RivalPayout {
    orders = List.copyOf(orders);
  }
}
