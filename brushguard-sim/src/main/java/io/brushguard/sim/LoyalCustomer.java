package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Trap: loyal customers. Some buyers reorder the same thing from the same shop every few days (milk
 * powder, cat litter, tea), straight from their order history with no search; now and then twice
 * within the hour because they forgot something. One buyer, one shop, many orders: but spread over
 * days, never the Shopee ratio of three within an hour.
 *
 * <p>Randomised: 10-30 customers, each with a shop in a restock category and a period of 2-6 days;
 * a second order within the hour on 10% of visits.
 *
 * <p>Labelled {@code loyal_customer} (genuine): the customers' accounts and their orders.
 */
final class LoyalCustomer implements Planting {
  private static final byte TAG = Tag.of(Trap.LOYAL_CUSTOMER);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int customers = Math.min(Rand.between(rnd, 10, 30), sim.accounts.preexisting / 100);
    int[] restock = restockCategories();
    long orders = 0;
    for (int k = 0; k < customers; k++) {
      int a = sim.accounts.claimForTrap(rnd, -1, TAG);
      int shop = sim.market.shopIn(restock[rnd.nextInt(restock.length)], rnd);
      int item = sim.market.itemOf(shop, rnd);
      long period = Rand.between(rnd, 2 * Sim.DAY, 6 * Sim.DAY);
      long first = sim.start + Rand.between(rnd, 0L, period);
      sim.at(Math.max(first, sim.accounts.registered[a]), new Reorders(sim, a, shop, item, period));
      orders += sim.spec.days() * Sim.DAY / period;
    }
    sim.plan.instance(Trap.LOYAL_CUSTOMER).param("customers", customers);
    return orders * 11;
  }

  private static int[] restockCategories() {
    return java.util.stream.IntStream.range(0, Catalog.CATEGORIES.size())
        .filter(c -> Catalog.CATEGORIES.get(c).restock())
        .toArray();
  }

  /** A customer's reorder habit: an order, then the next one a period later. */
  private static final class Reorders implements Step {
    private final Sim sim;
    private final int account;
    private final int shop;
    private final int item;
    private final long period;

    Reorders(Sim sim, int account, int shop, int item, long period) {
      this.sim = sim;
      this.account = account;
      this.shop = shop;
      this.item = item;
      this.period = period;
    }

    @Override
    public void run(long now) {
      SplittableRandom rnd = sim.rnd;
      long t = Diurnal.timeOfDay(rnd, now - Math.floorMod(now - sim.start, Sim.DAY));
      Visit v = sim.shopping.visit(account, Math.max(now, t));
      v.view(shop, item, Rand.between(rnd, 5_000L, 30_000L));
      Purchase p = v.purchase(shop, item);
      p.tag = TAG;
      sim.shopping.place(p);
      if (Rand.chance(rnd, 0.1)) {
        Visit again =
            sim.shopping.visit(account, v.t + Rand.between(rnd, 5 * Sim.MINUTE, 50 * Sim.MINUTE));
        int other = sim.market.itemOf(shop, rnd);
        again.view(shop, other, Rand.between(rnd, 5_000L, 30_000L));
        Purchase second = again.purchase(shop, other);
        second.tag = TAG;
        sim.shopping.place(second);
      }
      long jitter = Rand.between(rnd, -period / 5, period / 5);
      sim.at(now - Math.floorMod(now - sim.start, Sim.DAY) + period + jitter, this);
    }
  }
}
