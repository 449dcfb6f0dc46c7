package io.brushguard.detect.subsidy;

import io.brushguard.flow.Fact;

/**
 * The platform paid a shop the subsidy of one of its orders. Sent to the shop.
 *
 * @param shop the shop whose payment account received it
 * @param order the order
 * @param payment the payment id
 */
public record SubsidyPaid(String shop, String order, String payment) implements Fact {}
