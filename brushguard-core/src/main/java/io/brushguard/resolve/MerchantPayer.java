package io.brushguard.resolve;

import io.brushguard.flow.Fact;

/**
 * A payment account that belongs to a shop's merchant: money from it to a buyer comes from the
 * shop.
 *
 * @param shop the shop
 * @param merchant the merchant's platform account
 * @param payer the payment account linked to it
 */
public record MerchantPayer(String shop, String merchant, String payer) implements Fact {}
