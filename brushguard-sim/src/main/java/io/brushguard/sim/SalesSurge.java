package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * A sales surge bought outright: a shop's orders jump to many times its own baseline for hours or
 * days, but searches and views do not rise with them. Hired accounts go straight to the item (or
 * order through a link, with no page view at all), spread over the surge by the day's rhythm so
 * that no one buyer or hour stands out.
 *
 * <p>Randomised widely, so that a detector is measured on the method rather than one shape: a shop
 * with a baseline (neither top nor bottom of the market), a surge of 4-20 times its expected orders
 * over 6 hours to 3 days (at least 20 orders in all) after the first week, 50-95% of the orders
 * with no page view at all and the rest after a glance of 2-12 s, 40-100% as many hired accounts as
 * orders, short reviews on 30%.
 *
 * <p>Labelled {@code sales_surge}: the orders, their reviews, the accounts, the shop.
 */
final class SalesSurge implements Planting {
  private static final byte TAG = Tag.of(Tactic.SALES_SURGE);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.05, 0.5, TAG);
    double baseline = Brushing.dailyOrders(sim, shop);
    double factor = 4 + 16 * rnd.nextDouble();
    long duration = Rand.between(rnd, 6 * Sim.HOUR, 3 * Sim.DAY);
    int total = (int) Math.max(20, Math.min(6000, baseline * factor * duration / Sim.DAY));
    double noView = 0.5 + 0.45 * rnd.nextDouble();
    int firstDay = sim.day(rnd, Math.min(7, sim.spec.days() - 5), sim.spec.days() - 4);
    long start = sim.dayStart(firstDay) + Rand.between(rnd, 0L, Sim.DAY - 1);
    int accounts = Math.max(5, (int) (total * (0.4 + 0.6 * rnd.nextDouble())));
    sim.plan
        .instance(Tactic.SALES_SURGE)
        .shop(sim.market.shopId(shop))
        .param("baseline_per_day", Math.round(baseline * 10) / 10.0)
        .param("factor", Math.round(factor * 10) / 10.0)
        .param("orders", total)
        .param("hours", Math.round(duration / (double) Sim.HOUR * 10) / 10.0)
        .param("start_day", firstDay)
        .param("no_view_share", Math.round(noView * 100) / 100.0)
        .param("accounts", accounts);
    int[] hired = Brushing.recruit(sim, rnd, accounts, Tactic.SALES_SURGE);
    for (int k = 0; k < total; k++) {
      int a = hired[k % accounts];
      long t = during(sim, rnd, start, duration);
      boolean glance = !Rand.chance(rnd, noView);
      sim.at(t, now -> order(sim, a, shop, glance, now));
    }
    return (long) total * 8;
  }

  /** A time in [start, start + duration), drawn by the day's activity curve (rejection). */
  private static long during(Sim sim, SplittableRandom rnd, long start, long duration) {
    for (int attempt = 0; attempt < 100; attempt++) {
      long t = start + rnd.nextLong(duration);
      if (rnd.nextDouble() * 2.2 < sim.diurnal.weight(t)) {
        return t;
      }
    }
    return start + rnd.nextLong(duration);
  }

  private static void order(Sim sim, int account, int shop, boolean glance, long now) {
    SplittableRandom rnd = sim.rnd;
    Purchase p =
        Brushing.straightToItem(sim, account, shop, sim.market.itemOf(shop, rnd), now, glance);
    p.tag = TAG;
    p.mayCancel = false;
    p.afterDelivery =
        (q, delivered) -> {
          if (Rand.chance(rnd, 0.3)) {
            sim.shopping.review(
                q,
                delivered + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY),
                5,
                Rand.pick(rnd, new String[] {"好", "不错", "满意", "好评", "还行", "可以"}),
                null,
                TAG);
          }
        };
    sim.shopping.place(p);
  }
}
