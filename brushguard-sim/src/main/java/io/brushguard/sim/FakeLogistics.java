package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Shipping;
import java.util.SplittableRandom;

/**
 * Fake logistics (空包): brushed orders need a parcel to be "delivered" before they can be reviewed,
 * so the shop buys empty-parcel waybills. The parcels weigh 5-20 g whatever was ordered, are never
 * picked up, are "delivered" within hours however far away the buyer is, often in another city than
 * the buyer's, and one waybill number serves several orders.
 *
 * <p>Randomised (ranges at 1M events, {@link Sim#sized}): 6-30 hired buyers (at most one per order,
 * each placing one at least), 15-80 orders over 2-6 days, 2-4 orders per waybill, delivery at the
 * shop's own city or a random one, five-star one-liners on 60% of the orders; in a quarter of the
 * campaigns the broker also uploads a pick-up scan (at the empty parcel's weight), which a detector
 * that learns from picked-up parcels then learns from too.
 *
 * <p>Labelled {@code fake_logistics}: the orders, their reviews, the buyers, the shop.
 */
final class FakeLogistics implements Planting {
  private static final byte TAG = Tag.of(Tactic.FAKE_LOGISTICS);
  private static final String[] ONE_LINERS = {
    "很好", "不错不错", "好评", "收到了，很满意", "质量好", "挺好的，推荐", "满意", "good"
  };

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.3, 1.0, TAG);
    int orders = sim.sized(rnd, 15, 80);
    int buyers = Math.min(sim.sized(rnd, 6, 30), orders); // each hired buyer places an order
    int firstDay = sim.day(rnd, 0, sim.spec.days() - 6);
    int days = Rand.between(rnd, 2, 6);
    int perWaybill = Rand.between(rnd, 2, 4);
    String[] waybills = new String[Math.max(1, orders / perWaybill)];
    for (int k = 0; k < waybills.length; k++) {
      waybills[k] = sim.nextWaybill(sim.market.carrier[shop]);
    }
    boolean shopCity = rnd.nextBoolean();
    boolean fakePickup = Rand.chance(rnd, 0.25);
    sim.plan
        .instance(Tactic.FAKE_LOGISTICS)
        .shop(sim.market.shopId(shop))
        .param("buyers", buyers)
        .param("orders", orders)
        .param("waybills", waybills.length)
        .param("delivered_at", shopCity ? "shop_city" : "random_city")
        .param("pickup_scan", fakePickup);
    int[] hired = Brushing.recruit(sim, rnd, buyers, Tactic.FAKE_LOGISTICS);
    for (int k = 0; k < orders; k++) {
      int buyer = k < buyers ? hired[k] : hired[rnd.nextInt(buyers)];
      String waybill = waybills[k % waybills.length];
      long t = Diurnal.timeOfDay(rnd, sim.dayStart(firstDay + rnd.nextInt(days)));
      int deliverTo = shopCity ? sim.market.city[shop] : rnd.nextInt(Cities.COUNT);
      sim.at(t, now -> order(sim, buyer, shop, waybill, deliverTo, fakePickup, now));
    }
    return orders * 6L;
  }

  private static void order(
      Sim sim, int buyer, int shop, String waybill, int deliverTo, boolean fakePickup, long now) {
    SplittableRandom rnd = sim.rnd;
    Purchase p =
        Brushing.straightToItem(
            sim, buyer, shop, sim.market.itemOf(shop, rnd), now, Rand.chance(rnd, 0.4));
    p.tag = TAG;
    p.mayCancel = false;
    p.shipping = Shipping.EMPTY;
    p.waybill = waybill;
    p.fakePickup = fakePickup;
    p.deliverTo = deliverTo;
    p.afterDelivery =
        (q, delivered) -> {
          if (Rand.chance(rnd, 0.6)) {
            sim.shopping.review(
                q,
                delivered + Rand.between(rnd, Sim.HOUR, 12 * Sim.HOUR),
                5,
                Rand.pick(rnd, ONE_LINERS),
                null,
                TAG);
          }
        };
    sim.shopping.place(p);
  }
}
