package io.brushguard.detect.scripted;

import io.brushguard.flow.Fact;

/**
 * An account judged to run scripted tasks, with the payment account its orders were paid from:
 * where a broker's payouts go.
 *
 * @param account the buyer
 * @param payer the buyer's payment account
 */
public record ScriptedBuyer(String account, String payer) implements Fact {}
