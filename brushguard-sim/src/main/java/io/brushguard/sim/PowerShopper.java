package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Trap: power shoppers and deal hunters. A few genuine buyers shop all day long for days on end:
 * dozens of searches a day with long, specific queries (the exact model, the size, "包邮"), straight
 * to small shops in whatever category the deal is in, buying in most sessions. The volume, the
 * long-tail queries and the spread over unrelated categories look like a brusher's task list; what
 * does not is the timing: people read a page for as long as it takes (log-normal dwell around their
 * own habit) and come back when they feel like it (gaps from a Poisson process along the waking
 * day).
 *
 * <p>Randomised: 4-12 shoppers, each for 3-10 consecutive days with 8-40 sessions a day; each has a
 * personal median dwell of 20-180 s and a log-spread of 0.6-1.1 (organic buyers: 35 s and 0.9),
 * buys in 50-80% of sessions, half the time at a shop drawn uniformly in the category (small ones
 * included).
 *
 * <p>Labelled {@code power_shopper} (genuine): the shoppers' accounts and the orders of these
 * sessions.
 */
final class PowerShopper implements Planting {
  private static final byte TAG = Tag.of(Trap.POWER_SHOPPER);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shoppers = Math.min(Rand.between(rnd, 4, 12), Math.max(1, sim.accounts.preexisting / 200));
    long events = 0;
    for (int k = 0; k < shoppers; k++) {
      int a = sim.accounts.claimForTrap(rnd, -1, TAG);
      int days = Rand.between(rnd, 3, Math.min(10, sim.spec.days() - 1));
      int firstDay = sim.day(rnd, 0, sim.spec.days() - days);
      int perDay = Rand.between(rnd, 8, 40);
      long median = Rand.between(rnd, 20_000L, 180_000L);
      double spread = 0.6 + 0.5 * rnd.nextDouble();
      double buys = 0.5 + 0.3 * rnd.nextDouble();
      for (int d = firstDay; d < firstDay + days; d++) {
        long day = sim.dayStart(d);
        long t = day + Rand.between(rnd, 7 * Sim.HOUR, 10 * Sim.HOUR);
        sim.at(
            Math.max(t, sim.accounts.registered[a]),
            new Spree(sim, a, day + 23 * Sim.HOUR, 14.0 * Sim.HOUR / perDay, median, spread, buys));
        events += perDay * 5L;
      }
    }
    sim.plan.instance(Trap.POWER_SHOPPER).param("shoppers", shoppers);
    return events;
  }

  /** One shopper's day: sessions at Poisson times until late evening. */
  private static final class Spree implements Step {
    private final Sim sim;
    private final int account;
    private final long dayEnd;
    private final double meanGap;
    private final long median;
    private final double spread;
    private final double buys;

    Spree(
        Sim sim,
        int account,
        long dayEnd,
        double meanGap,
        long median,
        double spread,
        double buys) {
      this.sim = sim;
      this.account = account;
      this.dayEnd = dayEnd;
      this.meanGap = meanGap;
      this.median = median;
      this.spread = spread;
      this.buys = buys;
    }

    @Override
    public void run(long now) {
      if (now >= dayEnd) {
        return;
      }
      SplittableRandom rnd = sim.rnd;
      int category = sim.market.randomCategory(rnd);
      Visit v = sim.shopping.visit(account, now);
      v.search(Texts.longTailQuery(rnd, Catalog.CATEGORIES.get(category)));
      int views = 1 + Rand.geometric(rnd, 0.5);
      int shop = -1;
      int item = -1;
      for (int k = 0; k < views; k++) {
        if (shop < 0 || !Rand.chance(rnd, 0.4)) {
          shop =
              Rand.chance(rnd, 0.5)
                  ? sim.market.anyShopIn(category, rnd)
                  : sim.market.shopIn(category, rnd);
        }
        item = sim.market.itemOf(shop, rnd);
        long dwell = (long) Rand.logNormal(rnd, median, spread);
        v.view(shop, item, Math.max(2_000L, Math.min(1_800_000L, dwell)));
      }
      if (Rand.chance(rnd, buys)) {
        Purchase p = v.purchase(shop, item);
        p.tag = TAG;
        sim.shopping.place(p);
      }
      sim.at(v.t + (long) Rand.exponential(rnd, meanGap), this);
    }
  }
}
