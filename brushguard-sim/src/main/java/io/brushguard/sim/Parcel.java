package io.brushguard.sim;

import io.brushguard.event.Logistics;
import io.brushguard.event.Payment;
import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * One parcel's journey, one scan per step: a {@link Step} that writes its scan and schedules the
 * next, so an in-flight parcel costs one small object rather than its future events.
 *
 * <p>A real parcel is created at the shop's city after handling (next morning for night orders),
 * picked up and weighed (the item's weight plus packaging), sorted at the hub nearest the route's
 * midpoint, trucked at 45-70 km/h, and delivered in daytime at the buyer's city, so transit time
 * grows with distance. An empty parcel ({@link Shopping.Shipping#EMPTY}) weighs 5-20 g whatever the
 * item, is not picked up (some brokers upload a pick-up scan all the same), and is "delivered"
 * within hours, wherever the tactic says.
 *
 * <p>About one scan in 25 reaches the platform up to two minutes after it happened (carriers upload
 * in batches): the deliberate, bounded disorder of the stream.
 */
final class Parcel implements Step {
  private static final double LATE_SCANS = 0.04;

  private final Sim sim;
  private final SplittableRandom rnd;
  private final Purchase p;
  private final String waybill;
  private final int from;
  private int stage;
  private long emptyGrams;

  private Parcel(Sim sim, Purchase p, String waybill) {
    this.sim = sim;
    this.rnd = sim.rnd;
    this.p = p;
    this.waybill = waybill;
    this.from = sim.market.city[p.shop];
  }

  /** Starts the parcel of a placed purchase. */
  static void ship(Sim sim, Purchase p) {
    SplittableRandom rnd = sim.rnd;
    if (sim.market.virtual.get(p.item)) { // no parcel at all: "delivered" by message
      sim.at(
          p.t + Rand.between(rnd, Sim.MINUTE, 30 * Sim.MINUTE),
          t -> p.afterDelivery.delivered(p, t));
      return;
    }
    String waybill = p.waybill != null ? p.waybill : sim.nextWaybill(sim.market.carrier[p.shop]);
    Parcel parcel = new Parcel(sim, p, waybill);
    long created =
        p.shipping == Shopping.Shipping.EMPTY
            ? p.t + Rand.between(rnd, 20 * Sim.MINUTE, 3 * Sim.HOUR)
            : p.shipping == Shopping.Shipping.EXPRESS
                ? daytime(sim, p.t + Rand.between(rnd, 5 * Sim.MINUTE, 40 * Sim.MINUTE), 8, 21)
                : daytime(sim, p.t + Rand.between(rnd, 2 * Sim.HOUR, 30 * Sim.HOUR), 8, 22);
    sim.at(created, parcel);
  }

  /** The buyer sends the item back: a returned scan, then the shop's refund. */
  static void returned(Sim sim, Purchase p, long t) {
    SplittableRandom rnd = sim.rnd;
    String carrier = sim.market.carrierOf(p.shop);
    if (!sim.market.virtual.get(p.item)) { // virtual goods: nothing to send back, a refund only
      sim.emit(
          new Logistics(
              sim.nextWaybill(sim.market.carrier[p.shop]),
              p.order,
              Logistics.Status.RETURNED,
              t,
              carrier,
              Cities.name(sim.accounts.city[p.account]),
              Logistics.UNKNOWN));
    }
    sim.pay(
        sim.market.payer(p.shop),
        p.payer,
        p.amount - p.subsidy,
        t + Rand.between(rnd, Sim.DAY, 3 * Sim.DAY),
        Payment.Kind.REFUND,
        p.order,
        "退货退款",
        Tag.NONE);
  }

  @Override
  public void run(long now) {
    if (p.shipping == Shopping.Shipping.EMPTY) {
      empty(now);
    } else if (p.shipping == Shopping.Shipping.EXPRESS) {
      express(now);
    } else {
      normal(now);
    }
  }

  private void normal(long now) {
    int to = p.deliverTo;
    switch (stage++) {
      case 0 -> {
        scan(now, Logistics.Status.CREATED, from, declaredWeight());
        sim.at(daytime(sim, now + Rand.between(rnd, Sim.HOUR, 8 * Sim.HOUR), 7, 21), this);
      }
      case 1 -> {
        long declared = declaredWeight();
        scan(
            now,
            Logistics.Status.PICKED_UP,
            from,
            declared + declared * Rand.between(rnd, -3, 3) / 100);
        sim.at(now + Rand.between(rnd, 2 * Sim.HOUR, 6 * Sim.HOUR), this);
      }
      case 2 -> {
        scan(now, Logistics.Status.IN_TRANSIT, Cities.hub(from, to), Logistics.UNKNOWN);
        double km = Cities.km(from, to);
        long travel = (long) (km / (45 + 25 * rnd.nextDouble()) * Sim.HOUR) + Sim.HOUR;
        if (km <= 400) {
          stage = 4;
        }
        sim.at(now + travel, this);
      }
      case 3 -> {
        scan(now, Logistics.Status.IN_TRANSIT, to, Logistics.UNKNOWN);
        sim.at(daytime(sim, now + Rand.between(rnd, 2 * Sim.HOUR, 10 * Sim.HOUR), 8, 21), this);
      }
      default -> {
        long at = daytime(sim, now, 8, 21);
        if (at > now) {
          stage--; // arrived at night: out on the morning round
          sim.at(at, this);
          return;
        }
        scan(now, Logistics.Status.DELIVERED, to, Logistics.UNKNOWN);
        p.afterDelivery.delivered(p, now);
      }
    }
  }

  private void empty(long now) {
    switch (stage++) {
      case 0 -> {
        emptyGrams = Rand.between(rnd, 5, 20);
        scan(now, Logistics.Status.CREATED, from, emptyGrams);
        if (p.fakePickup) {
          sim.at(now + Rand.between(rnd, 5 * Sim.MINUTE, 40 * Sim.MINUTE), this);
        } else {
          afterCreated(now);
        }
      }
      case 1 -> {
        scan(now, Logistics.Status.PICKED_UP, from, emptyGrams);
        afterCreated(now);
      }
      case 2 -> {
        scan(now, Logistics.Status.IN_TRANSIT, Cities.hub(from, p.deliverTo), Logistics.UNKNOWN);
        sim.at(now + Rand.between(rnd, 30 * Sim.MINUTE, 3 * Sim.HOUR), this);
      }
      default -> {
        scan(now, Logistics.Status.DELIVERED, p.deliverTo, Logistics.UNKNOWN);
        p.afterDelivery.delivered(p, now);
      }
    }
  }

  /** An empty parcel after its first scan(s): sometimes a hub scan, then "delivered". */
  private void afterCreated(long now) {
    if (Rand.chance(rnd, 0.3)) {
      stage = 2;
      sim.at(now + Rand.between(rnd, 20 * Sim.MINUTE, 90 * Sim.MINUTE), this);
    } else {
      stage = 3;
      sim.at(now + Rand.between(rnd, Sim.HOUR, 5 * Sim.HOUR), this);
    }
  }

  /** A courier rides it across the city: picked up within the half hour, there within two. */
  private void express(long now) {
    switch (stage++) {
      case 0 -> {
        scan(now, Logistics.Status.CREATED, from, declaredWeight());
        sim.at(now + Rand.between(rnd, 5 * Sim.MINUTE, 30 * Sim.MINUTE), this);
      }
      case 1 -> {
        scan(now, Logistics.Status.PICKED_UP, from, declaredWeight());
        sim.at(now + Rand.between(rnd, 25 * Sim.MINUTE, 2 * Sim.HOUR), this);
      }
      default -> {
        scan(now, Logistics.Status.DELIVERED, p.deliverTo, Logistics.UNKNOWN);
        p.afterDelivery.delivered(p, now);
      }
    }
  }

  private long declaredWeight() {
    long goods = (long) sim.market.itemWeight[p.item] * p.quantity;
    return goods
        + (sim.market.envelope.get(p.item) ? Rand.between(rnd, 3, 12) : Rand.between(rnd, 30, 250));
  }

  private void scan(long now, Logistics.Status status, int city, long weight) {
    long ts = Rand.chance(rnd, LATE_SCANS) ? now - Rand.between(rnd, 5_000L, 120_000L) : now;
    sim.emit(
        new Logistics(
            waybill, p.order, status, ts, sim.market.carrierOf(p.shop), Cities.name(city), weight));
  }

  /** {@code t}, or the next morning's round when {@code t} falls outside [fromHour, toHour). */
  static long daytime(Sim sim, long t, int fromHour, int toHour) {
    long since = t - sim.start;
    long dayStart = sim.start + Math.floorDiv(since, Sim.DAY) * Sim.DAY;
    long hour = (t - dayStart) / Sim.HOUR;
    if (hour >= fromHour && hour < toHour) {
      return t;
    }
    long morning = hour < fromHour ? dayStart : dayStart + Sim.DAY;
    return morning + fromHour * Sim.HOUR + Rand.between(sim.rnd, 0L, 2 * Sim.HOUR);
  }
}
