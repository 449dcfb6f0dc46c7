package io.brushguard.detect.velocity;

import io.brushguard.flow.Fact;

/**
 * An account's order was part of a flagged lockstep wave, burst or linked crowd at a shop: told to
 * {@link Followup}, which then judges the account's reviews at that shop and its likes.
 *
 * @param account the buyer
 * @param shop the shop the order went to
 * @param orderedAt the order's time
 * @param strength the strength the order was flagged with
 */
public record Wave(String account, String shop, long orderedAt, double strength) implements Fact {}
