package io.brushguard.detect.logistics;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Joins an order to its parcel's scans and, at the first delivered scan, announces the {@link
 * Shipment} (and, when nobody picked the parcel up, a {@link Cue.Kind#NO_PICKUP} cue). An order
 * reviewed before any scan of its parcel is announced as {@link Unshipped}.
 *
 * <p>Key: the order id, which every scan names. Scans arrive in event-time order per key (the
 * runtime's bounded reordering puts a carrier's batch upload back in place). The first waybill
 * scanned for the order is its parcel; scans of another waybill for the same order (a return, a
 * re-shipment) are ignored, as are {@code returned} and {@code in_transit} scans (the first scan
 * read, normally {@code created}, gives the origin and the start of transit). Scans for an order
 * never seen are held until they expire and never announced; a second delivered scan is ignored.
 *
 * <p>Space: per order until its parcel is delivered, or {@link #HOLD_MILLIS} after its last input
 * (an order that never ships, such as virtual goods, or scans of an unknown order): the order's ids
 * (shared strings) and the parcel's first scan, about 120 bytes with the map entry. Delivered
 * orders keep nothing.
 */
final class Parcels implements Stage<Parcels.State> {
  static final String NAME = "parcels";

  /** How long an order waits for its parcel, and scans for their order. */
  static final long HOLD_MILLIS = 14 * 86_400_000L;

  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.LOGISTICS, EventType.REVIEW)
          .produces(Shipment.class, Cue.class, Unshipped.class);

  /** One order and its parcel's scans so far. */
  static final class State extends Expiring {
    String shop;
    String item;
    String buyer;
    String address;
    int quantity;
    String waybill;
    String carrier;
    String from;
    String to;
    long firstAt = NONE;
    long deliveredAt = NONE;
    long declaredG = Logistics.UNKNOWN;
    long weighedG = Logistics.UNKNOWN;
    boolean pickedUp;
    boolean reviewed;
    boolean done;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Event event) {
    if (event instanceof Logistics l) {
      // in-transit scans say nothing the detector uses, and are a third of all scans
      return l.status() == Logistics.Status.RETURNED || l.status() == Logistics.Status.IN_TRANSIT
          ? null
          : l.order();
    }
    if (event instanceof Review r) {
      return r.order();
    }
    return event instanceof Order o ? o.order() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context context) {
    if (s.done) {
      return;
    }
    if (event instanceof Review) {
      // a review of an order still waiting for its parcel; a review of any other order (delivered,
      // or unknown) finds a fresh state, touches nothing and leaves no state behind
      if (s.shop != null && s.waybill == null && !s.reviewed) {
        s.reviewed = true;
        context.emit(new Unshipped(context.key(), s.shop, s.item, s.buyer));
      }
      return;
    }
    s.touch(context, HOLD_MILLIS);
    if (event instanceof Order o) {
      if (s.shop == null) {
        s.shop = o.shop();
        s.item = o.item();
        s.buyer = o.account();
        s.address = o.address();
        s.quantity = o.quantity();
      }
    } else {
      scan(s, (Logistics) event);
    }
    if (s.shop != null && s.deliveredAt != NONE) {
      announce(s, context);
    }
  }

  private static void scan(State s, Logistics l) {
    if (s.waybill == null) {
      s.waybill = l.waybill();
      s.from = l.location();
      s.firstAt = l.ts();
    } else if (!s.waybill.equals(l.waybill())) {
      return;
    }
    if (s.carrier == null) {
      s.carrier = l.carrier();
    }
    switch (l.status()) {
      case CREATED -> {
        if (l.weightG() >= 0) {
          s.declaredG = l.weightG();
        }
      }
      case PICKED_UP -> {
        s.pickedUp = true;
        if (l.weightG() >= 0) {
          s.weighedG = l.weightG();
        }
      }
      case DELIVERED -> {
        if (s.deliveredAt == NONE) {
          s.deliveredAt = l.ts();
          s.to = l.location();
        }
      }
      default -> {}
    }
    if (s.declaredG < 0 && l.weightG() >= 0) {
      s.declaredG = l.weightG();
    }
  }

  private static void announce(State s, Context context) {
    String order = context.key();
    Shipment shipment =
        new Shipment(
            order,
            s.shop,
            s.item,
            s.quantity,
            s.buyer,
            s.address,
            s.waybill,
            orUnknown(s.carrier),
            orUnknown(s.from),
            orUnknown(s.to),
            s.firstAt,
            s.deliveredAt,
            s.pickedUp,
            s.weighedG >= 0 ? s.weighedG : s.declaredG);
    context.emit(shipment);
    if (!s.pickedUp) {
      context.emit(
          new Cue(
              order,
              s.shop,
              s.buyer,
              Cue.Kind.NO_PICKUP,
              "waybill "
                  + s.waybill
                  + " delivered with no pick-up scan, "
                  + minutes(shipment.transitMillis())
                  + " after its first scan"));
    }
    s.done = true;
    s.shop = s.item = s.buyer = s.address = s.waybill = s.carrier = s.from = s.to = null;
  }

  static String orUnknown(String s) {
    return s == null || s.isEmpty() ? "?" : s;
  }

  static String minutes(long millis) {
    long m = millis / 60_000L;
    return m >= 120 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
  }

  @Override
  public void onWake(State s, long time, Context context) {
    if (s.expired(time, context, HOLD_MILLIS)) {
      s.done = true;
      s.shop = s.item = s.buyer = s.address = s.waybill = s.carrier = s.from = s.to = null;
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.done || !s.pending();
  }
}
