package io.brushguard.detect.scripted;

import io.brushguard.flow.Fact;

/**
 * An order judged to be a scripted task, with its buyer: the review that follows it is part of the
 * task.
 *
 * @param account the buyer
 * @param order the order
 */
public record ScriptedOrder(String account, String order) implements Fact {}
