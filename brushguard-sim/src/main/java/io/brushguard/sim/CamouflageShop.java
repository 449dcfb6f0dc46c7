package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * Trap: honest shops that brushers buy from as camouflage. Brushing accounts mix real purchases
 * from ordinary shops into their history to look like real buyers. Those shops did nothing wrong: a
 * detector that flags shops for sharing buyers with brushed shops must not flag them.
 *
 * <p>Must be planted after the tactics, whose hired accounts it sends shopping. Randomised: 2-4
 * shops in different categories; three in ten brushers place 1-2 ordinary-looking orders there.
 *
 * <p>Labelled {@code camouflage_shop} (genuine): the shops and the camouflage orders.
 */
final class CamouflageShop implements Planting {
  private static final byte TAG = Tag.of(Trap.CAMOUFLAGE_SHOP);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int count = Rand.between(rnd, 2, 4);
    int[] shops = new int[count];
    Plan.Instance instance = sim.plan.instance(Trap.CAMOUFLAGE_SHOP);
    for (int k = 0; k < count; k++) {
      shops[k] = sim.market.reserve(rnd, 0.02, 0.5, TAG);
      instance.shop(sim.market.shopId(shops[k]));
    }
    long orders = 0;
    for (int brusher : sim.brushers) {
      if (!Rand.chance(rnd, 0.3)) {
        continue;
      }
      int n = Rand.between(rnd, 1, 2);
      for (int k = 0; k < n; k++) {
        int shop = shops[rnd.nextInt(count)];
        long t = Diurnal.timeOfDay(rnd, sim.dayStart(sim.day(rnd, 0, sim.spec.days() - 3)));
        sim.at(t, now -> order(sim, brusher, shop, now));
      }
      orders += n;
    }
    instance.param("orders", orders);
    return orders * 9;
  }

  private static void order(Sim sim, int brusher, int shop, long now) {
    Purchase p =
        Brushing.ordinaryLooking(sim, brusher, shop, sim.market.itemOf(shop, sim.rnd), now);
    p.tag = TAG;
    sim.shopping.place(p);
  }
}
