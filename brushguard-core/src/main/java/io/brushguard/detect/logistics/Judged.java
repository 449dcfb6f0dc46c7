package io.brushguard.detect.logistics;

import io.brushguard.flow.Fact;

/**
 * An order's parcel was judged fake (strength at review level or above) or no longer is (strength
 * below it): sent to its shop's and its buyer's tallies.
 *
 * @param order the order
 * @param shop its shop
 * @param buyer its buyer
 * @param fake whether it now counts as fake-shipped
 */
public record Judged(String order, String shop, String buyer, boolean fake) implements Fact {}
