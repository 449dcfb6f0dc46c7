package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * Concentration, the Shopee definition of order brushing: one buyer places several orders at one
 * shop within an hour, so that orders divided by distinct buyers reaches 3 or more in some one-hour
 * window. Small shops do it to climb the rankings; the hours before dawn, when few genuine orders
 * dilute the ratio, are favourites.
 *
 * <p>Randomised: a shop among the less popular, 1-3 episodes on different days (seven in ten in the
 * small hours, the others at any hour), 1-3 buyers an episode, each placing 3-9 orders over 5-55
 * minutes, each order a visit of its own; a third of the orders get a short five-star review.
 *
 * <p>Labelled {@code concentration}: the orders, their reviews, the buyers, the shop.
 */
final class ConcentrationBurst implements Planting {
  private static final byte TAG = Tag.of(Tactic.CONCENTRATION);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.5, 1.0, TAG);
    int episodes = Rand.between(rnd, 1, 3);
    Plan.Instance instance =
        sim.plan
            .instance(Tactic.CONCENTRATION)
            .shop(sim.market.shopId(shop))
            .param("episodes", episodes);
    long orders = 0;
    for (int e = 0; e < episodes; e++) {
      long day = sim.dayStart(sim.day(rnd, 1, sim.spec.days() - 3));
      long start =
          Rand.chance(rnd, 0.7)
              ? day + Rand.between(rnd, Sim.HOUR, 6 * Sim.HOUR)
              : Diurnal.timeOfDay(rnd, day);
      int buyers = Rand.between(rnd, 1, 3);
      for (int buyer : Brushing.recruit(sim, rnd, buyers, Tactic.CONCENTRATION)) {
        int count = Rand.between(rnd, 3, 9);
        long span = Rand.between(rnd, 5 * Sim.MINUTE, 55 * Sim.MINUTE);
        long t = start + Rand.between(rnd, 0L, 5 * Sim.MINUTE);
        for (int k = 0; k < count; k++) {
          long at = t + span * k / count + Rand.between(rnd, 0L, 60_000L);
          boolean first = k == 0;
          sim.at(at, now -> order(sim, buyer, shop, now, first));
        }
        orders += count;
      }
    }
    instance.param("orders", orders);
    return orders * 9;
  }

  private static void order(Sim sim, int buyer, int shop, long now, boolean first) {
    SplittableRandom rnd = sim.rnd;
    Purchase p =
        Brushing.straightToItem(
            sim, buyer, shop, sim.market.itemOf(shop, rnd), now, first || Rand.chance(rnd, 0.3));
    p.tag = TAG;
    p.mayCancel = false;
    p.afterDelivery =
        (q, delivered) -> {
          if (Rand.chance(rnd, 0.33)) {
            long at = delivered + Rand.between(rnd, Sim.HOUR, Sim.DAY);
            sim.shopping.review(
                q, at, 5, Rand.pick(rnd, new String[] {"好", "不错", "好评", "挺好的", "满意"}), null, TAG);
          }
        };
    sim.shopping.place(p);
  }
}
