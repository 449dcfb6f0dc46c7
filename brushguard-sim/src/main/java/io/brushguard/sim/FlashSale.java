package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Trap: a flash sale (秒杀). A shop sells one item at a deep discount for an hour or so at 10:00 or
 * 20:00, and crowds of genuine buyers arrive at once: orders jump far above the shop's baseline,
 * but, unlike a bought surge, searches and views jump with them, buyers are many and distinct, and
 * most arrive in the first minutes.
 *
 * <p>Randomised: shop among the popular, the day, 30-120 minutes, a crowd of 40 or 10-20 times the
 * shop's daily orders, 55-75% conversion, 30-60% off.
 *
 * <p>Labelled {@code flash_sale} (genuine): the shop and the sale's orders.
 */
final class FlashSale implements Planting {
  private static final byte TAG = Tag.of(Trap.FLASH_SALE);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.01, 0.3, TAG);
    int item = sim.market.firstItem[shop];
    int day = sim.day(rnd, 2, sim.spec.days() - 4);
    long start = sim.dayStart(day) + (rnd.nextBoolean() ? 10 : 20) * Sim.HOUR;
    long length = Rand.between(rnd, 30 * Sim.MINUTE, 120 * Sim.MINUTE);
    int crowd =
        (int)
            Math.max(
                40, Math.min(5000, Brushing.dailyOrders(sim, shop) * Rand.between(rnd, 10, 20)));
    double conversion = 0.55 + 0.2 * rnd.nextDouble();
    long price = sim.market.itemPrice[item] * Rand.between(rnd, 40, 70) / 100 / 100 * 100 + 90;
    String campaign = "flash" + sim.market.shopId(shop);
    sim.plan
        .instance(Trap.FLASH_SALE)
        .shop(sim.market.shopId(shop))
        .param("day", day)
        .param("minutes", length / Sim.MINUTE)
        .param("crowd", crowd)
        .param("price_fen", price);
    for (int k = 0; k < crowd; k++) {
      // Front-loaded: the crowd is waiting when the sale opens.
      long t =
          start - 2 * Sim.MINUTE + (long) Math.min(length, Rand.exponential(rnd, length / 4.0));
      sim.at(t, now -> shopper(sim, shop, item, price, campaign, conversion, now));
    }
    return (long) (crowd * (2.6 + conversion * 6));
  }

  private static void shopper(
      Sim sim, int shop, int item, long price, String campaign, double conversion, long now) {
    SplittableRandom rnd = sim.rnd;
    int buyer = registered(sim, now);
    if (buyer < 0) {
      return;
    }
    Visit v = sim.shopping.visit(buyer, now);
    if (Rand.chance(rnd, 0.7)) {
      v.search(
          Rand.pick(rnd, sim.market.categoryOf(shop).heads())
              + (Rand.chance(rnd, 0.5) ? " 秒杀" : ""));
    }
    v.view(shop, item, Rand.between(rnd, 5_000L, 60_000L));
    if (Rand.chance(rnd, conversion)) {
      Purchase p = v.purchase(shop, item);
      p.quantity = 1;
      p.amount = price;
      p.subsidy = 0;
      p.campaign = campaign;
      p.tag = TAG;
      sim.shopping.place(p);
    }
  }

  static int registered(Sim sim, long t) {
    for (int attempt = 0; attempt < 4; attempt++) {
      int a = sim.accounts.sample(sim.rnd);
      if (sim.accounts.registered[a] <= t) {
        return a;
      }
    }
    return -1;
  }
}
