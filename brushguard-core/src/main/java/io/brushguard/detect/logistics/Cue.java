package io.brushguard.detect.logistics;

import io.brushguard.flow.Fact;

/**
 * One sign that an order's parcel was not a real shipment, sent to the order's judge ({@link
 * FakeLogistics}). A cue of the same kind sent again for the same order revises the earlier one.
 *
 * @param order the order
 * @param shop its shop
 * @param buyer its buyer
 * @param kind what was seen
 * @param detail the evidence in words (waybill, weights, times)
 */
public record Cue(String order, String shop, String buyer, Kind kind, String detail)
    implements Fact {

  /** What a cue says; the weak ones alone never reach review. */
  public enum Kind {
    /** Delivered with no pick-up scan: nobody handled a parcel (weak: some carriers skip it). */
    NO_PICKUP,
    /** Delivered in under half the time of the fastest recent parcels on its route (weak). */
    TOO_FAST,
    /**
     * Under half what the lightest of the item's picked-up parcels weigh: no goods inside (weak).
     */
    TOO_LIGHT,
    /** Reviewed with no parcel scanned, for an item whose orders ship (weak: scans get lost). */
    NO_WAYBILL,
    /** Delivered where none of the address's recent parcels went (weak: people move). */
    ELSEWHERE,
    /**
     * The waybill also carried another order of the same buyer and address (weak: merged parcels).
     */
    WAYBILL_REUSED,
    /**
     * The waybill was also delivered, hours apart, for another order of the same buyer: one number
     * for several parcels (strong).
     */
    WAYBILL_REDELIVERED,
    /**
     * The waybill also carried orders of other buyers to other addresses: no parcel can (strong).
     */
    WAYBILL_SHARED
  }
}
