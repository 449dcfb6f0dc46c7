package io.brushguard.detect.subsidy;

import io.brushguard.flow.Fact;

/**
 * A platform staff account is tied to a shop's merchant: it binds one of the merchant's payment
 * accounts, or registered on the merchant's device. Sent to the shop. Most staff are honest: a tie
 * alone proves nothing; it names who to look at when the shop's subsidies go wrong.
 *
 * @param shop the shop
 * @param staff the staff account
 * @param via how: {@code payer <id>} or {@code device <id>}
 */
public record StaffTie(String shop, String staff, String via) implements Fact {}
