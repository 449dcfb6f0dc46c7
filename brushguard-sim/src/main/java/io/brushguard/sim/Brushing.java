package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/** Moves many tactics share: hiring accounts, a purposeful order, a shop's normal sales. */
final class Brushing {
  private Brushing() {}

  /**
   * Recruits {@code n} aged accounts for a tactic. They join the pool of brushers, who camouflage
   * themselves with honest purchases ({@link CamouflageShop}).
   */
  static int[] recruit(Sim sim, SplittableRandom rnd, int n, Tactic tactic) {
    int[] hired = new int[n];
    for (int k = 0; k < n; k++) {
      hired[k] = sim.accounts.recruit(rnd, Tag.of(tactic));
      sim.brushers.add(hired[k]);
    }
    return hired;
  }

  /**
   * An order after a visit that goes straight to the item: no search, a glance of a few seconds at
   * most. What a worker clicking through a task list does.
   */
  static Purchase straightToItem(Sim sim, int account, int shop, int item, long t, boolean glance) {
    Visit v = sim.shopping.visit(account, t);
    if (glance) {
      v.view(shop, item, Rand.between(sim.rnd, 2_000L, 12_000L));
    }
    return v.purchase(shop, item);
  }

  /**
   * A visit that looks ordinary: a search in the shop's category, a normal look, then the order.
   */
  static Purchase ordinaryLooking(Sim sim, int account, int shop, int item, long t) {
    Visit v = sim.shopping.visit(account, t);
    v.search(Texts.query(sim.rnd, sim.market.categoryOf(shop)));
    v.view(shop, item, sim.shopping.browseDwell());
    return v.purchase(shop, item);
  }

  /** The organic orders a shop can expect per day, from its share of traffic. */
  static double dailyOrders(Sim sim, int shop) {
    return sim.organicSessions
        * Shopping.CONVERSION
        * sim.market.trafficShare(shop)
        / sim.spec.days();
  }

  /** One of the options, where null stands for "no memo". */
  static String memo(SplittableRandom rnd, String... options) {
    return options[rnd.nextInt(options.length)];
  }
}
