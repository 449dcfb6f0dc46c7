package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * A sales surge bought outright: a shop's daily orders jump to many times its own baseline for a
 * day or two, but searches and views do not rise with them. Hired accounts go straight to the item
 * (or order through a link, with no page view at all), spread over the day so that no one buyer or
 * hour stands out.
 *
 * <p>Randomised: a shop with a baseline (neither top nor bottom of the market), a surge of 6-14
 * times its expected daily orders (at least 20 a day) for 1-2 days after the first week, 40-100% as
 * many hired accounts as orders, short reviews on 30%.
 *
 * <p>Labelled {@code sales_surge}: the orders, their reviews, the accounts, the shop.
 */
final class SalesSurge implements Planting {
  private static final byte TAG = Tag.of(Tactic.SALES_SURGE);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.05, 0.5, TAG);
    double baseline = Brushing.dailyOrders(sim, shop);
    double factor = 6 + 8 * rnd.nextDouble();
    int perDay = (int) Math.max(20, Math.min(2000, baseline * factor));
    int days = Rand.between(rnd, 1, 2);
    int firstDay = sim.day(rnd, Math.min(7, sim.spec.days() - 5), sim.spec.days() - 4);
    int accounts = Math.max(5, (int) (perDay * days * (0.4 + 0.6 * rnd.nextDouble())));
    sim.plan
        .instance(Tactic.SALES_SURGE)
        .shop(sim.market.shopId(shop))
        .param("baseline_per_day", Math.round(baseline * 10) / 10.0)
        .param("orders_per_day", perDay)
        .param("days", days)
        .param("first_day", firstDay)
        .param("accounts", accounts);
    int[] hired = Brushing.recruit(sim, rnd, accounts, Tactic.SALES_SURGE);
    for (int d = 0; d < days; d++) {
      for (int k = 0; k < perDay; k++) {
        int a = hired[(d * perDay + k) % accounts];
        long t = Diurnal.timeOfDay(rnd, sim.dayStart(firstDay + d));
        sim.at(t, now -> order(sim, a, shop, now));
      }
    }
    return (long) perDay * days * 8;
  }

  private static void order(Sim sim, int account, int shop, long now) {
    SplittableRandom rnd = sim.rnd;
    Purchase p =
        Brushing.straightToItem(
            sim, account, shop, sim.market.itemOf(shop, rnd), now, Rand.chance(rnd, 0.15));
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
