package io.brushguard.detect.logistics;

import io.brushguard.flow.Fact;

/**
 * A parcel was scanned delivered: its order joined to its scans, sent to the stages that judge it
 * against its waybill, its shop's other parcels and its carrier's route.
 *
 * @param order the order
 * @param shop the order's shop
 * @param item the order's item
 * @param quantity units ordered
 * @param buyer the order's buyer
 * @param address the order's address token, or null
 * @param waybill the parcel's waybill
 * @param carrier the carrier, or {@code "?"} when no scan named one
 * @param from where the parcel was created (first scan's location), or {@code "?"}
 * @param to where it was delivered, or {@code "?"}
 * @param createdAt time of the parcel's first scan
 * @param deliveredAt time of its delivered scan
 * @param pickedUp whether a pick-up scan came between them
 * @param weightG the parcel's weight (the carrier's at pick-up, else the declared one), or -1
 */
public record Shipment(
    String order,
    String shop,
    String item,
    int quantity,
    String buyer,
    String address,
    String waybill,
    String carrier,
    String from,
    String to,
    long createdAt,
    long deliveredAt,
    boolean pickedUp,
    long weightG)
    implements Fact {

  /** Hours and minutes from creation to delivery. */
  long transitMillis() {
    return deliveredAt - createdAt;
  }
}
