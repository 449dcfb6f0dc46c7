package io.brushguard.detect.cashback;

import io.brushguard.flow.Fact;

/**
 * A platform account binds a payment account (a {@code link} event), sent to the payment account:
 * who is behind the money it pays.
 *
 * @param payer the payment account
 * @param account the platform account
 * @param staff whether the account is registered as platform staff
 */
public record PayerOf(String payer, String account, boolean staff) implements Fact {}
