package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Trap: a livestream promotion (直播带货). A shop streams for a couple of hours in the evening; the
 * audience arrives and leaves over the stream, and every time the host puts up a link ("上链接"), a
 * share of whoever is watching orders within a minute or two. So orders come in sharp lockstep
 * bursts, like a ring's waves, but from hundreds of unrelated genuine buyers on their own devices,
 * each of whom spent minutes on the shop's page.
 *
 * <p>Randomised: shop, day, start 19:00-21:00, 1.5-3 hours, a new link every 8-20 minutes, an
 * audience of 250 or 40-80 times the shop's daily orders watching about 20 minutes each, 10-20% of
 * viewers buying per link.
 *
 * <p>Labelled {@code livestream} (genuine): the shop and the stream's orders.
 */
final class Livestream implements Planting {
  private static final byte TAG = Tag.of(Trap.LIVESTREAM);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.02, 0.4, TAG);
    int day = sim.day(rnd, 2, sim.spec.days() - 4);
    long start = sim.dayStart(day) + Rand.between(rnd, 19 * Sim.HOUR, 21 * Sim.HOUR);
    long length = Rand.between(rnd, 90 * Sim.MINUTE, 180 * Sim.MINUTE);
    long[] links = linkDrops(rnd, start, length);
    int audience =
        (int)
            Math.max(
                250, Math.min(20_000, Brushing.dailyOrders(sim, shop) * Rand.between(rnd, 40, 80)));
    double buyRate = 0.1 + 0.1 * rnd.nextDouble();
    String campaign = "live" + sim.market.shopId(shop);
    sim.plan
        .instance(Trap.LIVESTREAM)
        .shop(sim.market.shopId(shop))
        .param("day", day)
        .param("minutes", length / Sim.MINUTE)
        .param("links", links.length)
        .param("audience", audience);
    for (int k = 0; k < audience; k++) {
      long joined = start + Rand.between(rnd, 0L, length - 5 * Sim.MINUTE);
      sim.at(joined, now -> viewer(sim, shop, links, buyRate, campaign, start + length, now));
    }
    return (long) (audience * (1 + 18 * buyRate));
  }

  private static long[] linkDrops(SplittableRandom rnd, long start, long length) {
    long[] drops = new long[64];
    int n = 0;
    long t = start + Rand.between(rnd, 5 * Sim.MINUTE, 15 * Sim.MINUTE);
    while (t < start + length && n < drops.length) {
      drops[n++] = t;
      t += Rand.between(rnd, 8 * Sim.MINUTE, 20 * Sim.MINUTE);
    }
    return java.util.Arrays.copyOf(drops, n);
  }

  /** One viewer: watches for a while, and may order after any link put up meanwhile. */
  private static void viewer(
      Sim sim, int shop, long[] links, double buyRate, String campaign, long end, long now) {
    SplittableRandom rnd = sim.rnd;
    int buyer = FlashSale.registered(sim, now);
    if (buyer < 0) {
      return;
    }
    long watched =
        Math.min(
            end - now, Math.max(2 * Sim.MINUTE, (long) Rand.logNormal(rnd, 20 * Sim.MINUTE, 0.8)));
    Visit v = sim.shopping.visit(buyer, now);
    v.view(shop, sim.market.firstItem[shop], watched);
    for (long link : links) {
      if (link >= now && link < now + watched && Rand.chance(rnd, buyRate)) {
        int item =
            sim.market.firstItem[shop] + (int) ((link / Sim.MINUTE) % sim.market.itemCount[shop]);
        Visit order = sim.shopping.visit(buyer, link + Rand.between(rnd, 15_000L, 150_000L));
        Purchase p = order.purchase(shop, item);
        p.campaign = campaign;
        p.subsidy = 0;
        p.tag = TAG;
        sim.shopping.place(p);
      }
    }
  }
}
