package io.brushguard.detect.logistics;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Joins an order to its parcel's scans and, at the first delivered scan, announces the {@link
 * Shipment} (and, when nobody picked the parcel up, a {@link Cue.Kind#NO_PICKUP} cue). An order
 * reviewed before any scan of its parcel is announced as {@link Unshipped}.
 *
 * <p>Key: the {@link IdTable#bucket bucket} of the order id, which every scan names; the orders of
 * a bucket in an {@link IdTable} on the id's 64-bit hash. Per order, scans arrive in event-time
 * order (the runtime's bounded reordering puts a carrier's batch upload back in place). The first
 * waybill scanned for the order is its parcel (compared by its 64-bit hash); scans of another
 * waybill for the same order (a return, a re-shipment) are ignored, as are {@code returned} and
 * {@code in_transit} scans (the first scan read, normally {@code created}, gives the origin and the
 * start of transit). Scans for an order never seen are held until they expire and never announced;
 * once a parcel is announced its order is forgotten, so a second delivered scan is held like the
 * scans of an unknown order.
 *
 * <p>Expiry: an order is forgotten {@link #HOLD_MILLIS} after its last order or scan event, exactly
 * (an input later than that finds it unknown); one wake-up per bucket removes such orders at most
 * {@link #SWEEP_MILLIS} late.
 *
 * <p>Space: per order until its parcel is delivered, or {@link #HOLD_MILLIS} (plus at most {@link
 * #SWEEP_MILLIS}) after its last input (an order that never ships, such as virtual goods, or scans
 * of an unknown order): the order's ids (shared strings) and the parcel's first scan, about 100
 * bytes with its slot in the bucket. Delivered orders keep nothing; a bucket with no order is
 * dropped.
 */
final class Parcels implements Stage<Bucket<Parcels.Parcel>> {
  static final String NAME = "parcels";

  /** How long an order waits for its parcel, and scans for their order. */
  static final long HOLD_MILLIS = 14 * 86_400_000L;

  /** How often a bucket forgets the orders whose hold has ended (each is ignored from then on). */
  static final long SWEEP_MILLIS = 86_400_000L;

  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.LOGISTICS, EventType.REVIEW)
          .produces(Shipment.class, Cue.class, Unshipped.class);

  /** One order and its parcel's scans so far. */
  static final class Parcel extends Bucket.Entry {
    String shop;
    String item;
    String buyer;
    String address;
    int quantity;
    String waybill;
    long waybillHash;
    String carrier;
    String from;
    String to;
    long firstAt = NONE;
    long deliveredAt = NONE;
    long declaredG = Logistics.UNKNOWN;
    long weighedG = Logistics.UNKNOWN;
    boolean pickedUp;
    boolean reviewed;
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
    String order = orderOf(event);
    return order == null ? null : IdTable.bucket(order, IdTable.ORDER_BUCKETS);
  }

  private static String orderOf(Event event) {
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

  /**
   * A review acts only on an order waiting for its parcel, which a bucket without state has not.
   */
  @Override
  public boolean startsState(Event event) {
    return !(event instanceof Review);
  }

  @Override
  public Bucket<Parcel> newState() {
    return new Bucket<>();
  }

  @Override
  public void onEvent(Bucket<Parcel> b, Event event, Context context) {
    String order = orderOf(event);
    long hash = HashedTable.hash(order);
    Parcel s = b.get(hash, context.now(), HOLD_MILLIS);
    if (event instanceof Review) {
      // a review of an order still waiting for its parcel; a review of any other order (delivered,
      // or unknown) changes nothing
      if (s != null && s.shop != null && s.waybill == null && !s.reviewed) {
        s.reviewed = true;
        context.emit(new Unshipped(order, s.shop, s.item, s.buyer));
      }
      return;
    }
    if (s == null) {
      s = new Parcel();
      b.ids.add(hash, s);
    }
    b.touch(s, context, HOLD_MILLIS);
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
      announce(order, s, context);
      b.ids.remove(hash); // delivered: a later input finds the order unknown
    }
  }

  private static void scan(Parcel s, Logistics l) {
    if (s.waybill == null) {
      s.waybill = l.waybill();
      s.waybillHash = HashedTable.hash(l.waybill());
      s.from = orUnknown(l.location()); // here, while the scan's strings are in the cache
      s.firstAt = l.ts();
    } else if (s.waybillHash != HashedTable.hash(l.waybill())) {
      return;
    }
    if (s.carrier == null && l.carrier() != null) {
      s.carrier = orUnknown(l.carrier());
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
          s.to = orUnknown(l.location());
        }
      }
      default -> {}
    }
    if (s.declaredG < 0 && l.weightG() >= 0) {
      s.declaredG = l.weightG();
    }
  }

  private static void announce(String order, Parcel s, Context context) {
    Shipment shipment =
        new Shipment(
            order,
            s.shop,
            s.item,
            s.quantity,
            s.buyer,
            s.address,
            s.waybill,
            s.carrier == null ? "?" : s.carrier,
            s.from,
            s.to,
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
  }

  static String orUnknown(String s) {
    return s == null || s.isEmpty() ? "?" : s;
  }

  static String minutes(long millis) {
    long m = millis / 60_000L;
    return m >= 120 ? (m / 60) + " h " + (m % 60) + " min" : m + " min";
  }

  @Override
  public void onWake(Bucket<Parcel> b, long time, Context context) {
    b.onWake(time, context, HOLD_MILLIS, SWEEP_MILLIS);
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(Bucket<Parcel> b) {
    return b.isEmpty();
  }
}
