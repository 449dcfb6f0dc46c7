package io.brushguard.detect.scripted;

import io.brushguard.flow.Fact;

/**
 * A payment account found to pay several buyers judged to run scripted tasks: a task broker.
 *
 * @param payer the broker's payment account
 * @param buyers how many such buyers it paid
 */
public record BrokerFound(String payer, int buyers) implements Fact {}
