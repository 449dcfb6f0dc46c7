package io.brushguard.detect.cashback;

import io.brushguard.flow.Fact;

/**
 * A staff account binds a payment account (a {@code link} event), sent to the payment account: a
 * merchant's payment account a staff member also binds ties the staff member to the shop.
 *
 * @param payer the payment account
 * @param account the platform account
 * @param staff whether the account is registered as platform staff
 */
public record PayerOf(String payer, String account, boolean staff) implements Fact {}
