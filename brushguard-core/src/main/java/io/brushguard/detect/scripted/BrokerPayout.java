package io.brushguard.detect.scripted;

import io.brushguard.flow.Fact;

/**
 * A transfer into the payment account of a buyer judged to run scripted tasks.
 *
 * @param from the paying payment account (a broker, if it pays several such buyers)
 * @param to the buyer's payment account
 * @param payment the payment id
 * @param buyer the buyer's platform account
 */
public record BrokerPayout(String from, String to, String payment, String buyer) implements Fact {}
