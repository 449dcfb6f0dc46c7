package io.brushguard.detect.logistics;

import io.brushguard.flow.Fact;

/**
 * An order was reviewed before any scan of a parcel for it: sent to its shop, which knows whether
 * the item's orders normally ship.
 *
 * @param order the order
 * @param shop its shop
 * @param item its item
 * @param buyer its buyer
 */
public record Unshipped(String order, String shop, String item, String buyer) implements Fact {}
