package io.brushguard.detect.ratings;

import io.brushguard.flow.Fact;

/**
 * An account judged a professional bad reviewer by {@link BadReviewers}, sent to each payment
 * account it binds, where {@link Compensations} meets the shops' payments to it.
 *
 * @param payer a payment account the account binds
 * @param account the bad reviewer
 * @param strength its signal's strength
 */
public record Complainer(String payer, String account, double strength) implements Fact {}
