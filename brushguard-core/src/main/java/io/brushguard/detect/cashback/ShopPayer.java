package io.brushguard.detect.cashback;

import io.brushguard.flow.Fact;

/**
 * A payment account bound to a shop's merchant account (the shop's own, or an accomplice's the
 * merchant also binds): money from it to a buyer comes from the shop. Sent to the paying account.
 *
 * @param shop the shop
 * @param merchant the merchant's platform account
 * @param payer the payment account
 */
public record ShopPayer(String shop, String merchant, String payer) implements Fact {}
