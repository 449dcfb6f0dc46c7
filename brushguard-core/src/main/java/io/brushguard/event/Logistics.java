package io.brushguard.event;

import static io.brushguard.event.Ids.require;
import static io.brushguard.event.Ids.required;

/** A parcel scan. {@code weightG} is {@value #UNKNOWN} when absent. */
public record Logistics(
    String waybill,
    String order,
    Status status,
    long ts,
    String carrier,
    String location,
    long weightG)
    implements Event {
  public static final long UNKNOWN = -1;

  /** The scan's status. */
  public enum Status {
    CREATED,
    PICKED_UP,
    IN_TRANSIT,
    DELIVERED,
    RETURNED
  }

  public Logistics {
    require("waybill", waybill);
    require("order", order);
    required("status", status);
    if (weightG < UNKNOWN) {
      throw new InvalidEventException("weight_g", "must not be negative, was " + weightG);
    }
  }

  @Override
  public EventType type() {
    return EventType.LOGISTICS;
  }
}
