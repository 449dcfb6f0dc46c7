package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Traps: genuine orders whose parcels look like parts of an empty one. Each is one cue of fake
 * logistics alone, and sent to review by a detector that judges by constants.
 *
 * <ul>
 *   <li>{@code virtual_goods}: an item sold without a parcel (a top-up, an e-card, a ticket):
 *       "delivered" by message minutes after the order, reviewed like anything else, never scanned;
 *   <li>{@code same_city_express}: buyers in the shop's own city who pay for a courier (闪送):
 *       created within the hour, picked up within the half hour, delivered within two hours;
 *   <li>{@code light_parcels}: an item that travels in an envelope (documents, a SIM card,
 *       stickers) weighing 4-25 g like an empty parcel, but picked up and carried like any other.
 * </ul>
 *
 * <p>Randomised: per instance one shop (any popularity, genuine buyers shop there too) and 8-40
 * orders of one item by as many buyers over 2-10 days. The item's other buyers get the same
 * treatment for virtual goods and envelopes (it is the item's nature), not for express.
 *
 * <p>Labelled with the trap's name (genuine): the buyers' accounts and these orders.
 */
final class ParcelLookalikes implements Planting {
  private final Trap trap;
  private final byte tag;

  ParcelLookalikes(Trap trap) {
    if (trap != Trap.VIRTUAL_GOODS
        && trap != Trap.SAME_CITY_EXPRESS
        && trap != Trap.LIGHT_PARCELS) {
      throw new IllegalArgumentException("not a parcel trap: " + trap);
    }
    this.trap = trap;
    this.tag = Tag.of(trap);
  }

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.unreservedShop(rnd, 0.0, 1.0);
    int item = sim.market.itemOf(shop, rnd);
    if (trap == Trap.VIRTUAL_GOODS) {
      sim.market.virtual.set(item);
    } else if (trap == Trap.LIGHT_PARCELS) {
      sim.market.envelope.set(item);
      sim.market.itemWeight[item] = Rand.between(rnd, 1, 12);
    }
    int orders = Math.min(Rand.between(rnd, 8, 40), sim.accounts.preexisting / 100);
    int firstDay = sim.day(rnd, 0, Math.max(1, sim.spec.days() - 10));
    int days = Rand.between(rnd, 2, 10);
    int home = trap == Trap.SAME_CITY_EXPRESS ? sim.market.city[shop] : -1;
    for (int k = 0; k < orders; k++) {
      int account = sim.accounts.claimForTrap(rnd, home, tag);
      long day = sim.dayStart(Math.min(sim.spec.days() - 1, firstDay + rnd.nextInt(days)));
      long at = Math.max(Diurnal.timeOfDay(rnd, day), sim.accounts.registered[account]);
      sim.at(at, now -> order(sim, account, shop, item, now));
    }
    sim.plan
        .instance(trap)
        .shop(sim.market.shopId(shop))
        .param("orders", orders)
        .param("item", sim.market.itemId(item));
    return orders * 8L;
  }

  private void order(Sim sim, int account, int shop, int item, long now) {
    SplittableRandom rnd = sim.rnd;
    Visit v = sim.shopping.visit(account, now);
    v.search(Texts.query(rnd, sim.market.categoryOf(shop)));
    v.view(shop, item, sim.shopping.browseDwell());
    Purchase p = v.purchase(shop, item);
    p.tag = tag;
    if (trap == Trap.SAME_CITY_EXPRESS) {
      p.shipping = Shopping.Shipping.EXPRESS;
      p.deliverTo = sim.market.city[shop];
    }
    sim.shopping.place(p);
  }
}
