package io.brushguard.detect.concentration;

import io.brushguard.flow.Fact;

/**
 * An order was refunded soon after it was placed: a cancellation, not a sale. Sent to the order's
 * shop, where it stops counting as a repeat of the buyer's.
 *
 * @param order the cancelled order
 * @param shop its shop
 * @param buyer its buyer
 * @param ts when the refund was paid
 */
public record Cancelled(String order, String shop, String buyer, long ts) implements Fact {}
