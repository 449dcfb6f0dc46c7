package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Traps: genuine buyers who place several orders at one shop within the hour, enough for the Shopee
 * ratio when the shop is quiet. Concentration on the count alone sends them to review.
 *
 * <ul>
 *   <li>{@code gift_orders}: one visit, a search and a look at the item, then 3-6 orders of it,
 *       each to a different recipient's address (the platform takes one address per order), a
 *       minute or two apart; sometimes a second item for some recipients;
 *   <li>{@code split_basket}: one visit, 3-5 different items of the shop, each looked at and
 *       ordered on its own, minutes apart (coupons per order, or the cart split by warehouse);
 *   <li>{@code reorder_after_mistake}: an order, cancelled within minutes (wrong size, colour or
 *       address) and placed again, usually from the same visit, sometimes after coming back; a
 *       third of them make a second mistake.
 * </ul>
 *
 * <p>Randomised: 4-12 buyers an instance at shops outside the most popular 30% (where a few orders
 * reach the ratio), at any time of day the diurnal curve gives.
 *
 * <p>Labelled with the trap's name (genuine): the buyers' accounts and these orders.
 */
final class MultiOrderBuyers implements Planting {
  private final Trap trap;
  private final byte tag;

  MultiOrderBuyers(Trap trap) {
    if (trap != Trap.GIFT_ORDERS
        && trap != Trap.SPLIT_BASKET
        && trap != Trap.REORDER_AFTER_MISTAKE) {
      throw new IllegalArgumentException("not a multi-order trap: " + trap);
    }
    this.trap = trap;
    this.tag = Tag.of(trap);
  }

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int buyers = Math.min(Rand.between(rnd, 4, 12), sim.accounts.preexisting / 200);
    long orders = 0;
    for (int k = 0; k < buyers; k++) {
      int account = sim.accounts.claimForTrap(rnd, -1, tag);
      int shop = sim.market.unreservedShop(rnd, 0.3, 1.0);
      long day = sim.dayStart(sim.day(rnd, 0, sim.spec.days()));
      long at = Math.max(Diurnal.timeOfDay(rnd, day), sim.accounts.registered[account]);
      sim.at(at, now -> shop(sim, account, shop, now));
      orders += 5;
    }
    sim.plan.instance(trap).param("buyers", buyers);
    return orders * 8;
  }

  private void shop(Sim sim, int account, int shop, long now) {
    SplittableRandom rnd = sim.rnd;
    Visit v = sim.shopping.visit(account, now);
    v.search(Texts.query(rnd, sim.market.categoryOf(shop)));
    if (trap == Trap.GIFT_ORDERS) {
      int item = sim.market.itemOf(shop, rnd);
      v.view(shop, item, sim.shopping.browseDwell());
      int recipients = Rand.between(rnd, 3, 6);
      for (int r = 0; r < recipients; r++) {
        int chosen = Rand.chance(rnd, 0.2) ? sim.market.itemOf(shop, rnd) : item;
        Purchase p = v.purchase(shop, chosen);
        p.address = sim.accounts.recipientAddress();
        place(sim, p);
        v.pause(Rand.between(rnd, 30_000L, 150_000L));
      }
    } else if (trap == Trap.SPLIT_BASKET) {
      int parts = Rand.between(rnd, 3, 5);
      for (int k = 0; k < parts; k++) {
        int item = sim.market.itemOf(shop, rnd);
        v.view(shop, item, sim.shopping.browseDwell());
        place(sim, v.purchase(shop, item));
        v.pause(Rand.between(rnd, 20_000L, 240_000L));
      }
    } else {
      int item = sim.market.itemOf(shop, rnd);
      v.view(shop, item, sim.shopping.browseDwell());
      int mistakes = Rand.chance(rnd, 1 / 3.0) ? 2 : 1;
      for (int m = 0; m <= mistakes; m++) {
        Purchase p = v.purchase(shop, m == 0 ? item : sim.market.itemOf(shop, rnd));
        p.cancel = m < mistakes;
        place(sim, p);
        if (m < mistakes) {
          long back = Rand.between(rnd, 2 * Sim.MINUTE, 15 * Sim.MINUTE);
          if (Rand.chance(rnd, 0.3)) {
            v = sim.shopping.visit(account, v.t + back); // came back later: a new session
          } else {
            v.pause(back);
          }
          v.view(shop, item, Rand.between(rnd, 5_000L, 40_000L));
        }
      }
    }
  }

  private void place(Sim sim, Purchase p) {
    p.tag = tag;
    sim.shopping.place(p);
  }
}
