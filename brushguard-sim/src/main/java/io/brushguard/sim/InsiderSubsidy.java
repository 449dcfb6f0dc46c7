package io.brushguard.sim;

import io.brushguard.sim.Shopping.Campaign;
import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * Insider subsidy fraud (内外勾结): a platform employee who knows the subsidy rules colludes with
 * merchants. During a coupon campaign, a few accounts controlled by an accomplice place bursts of
 * orders at the colluding shops with subsidies far above the usual coupon, and the platform pays
 * the subsidies to the shops (the 2021 Haidian case in the seed report took 1.5 million yuan this
 * way).
 *
 * <p>The trace: the staff account binds a colluding merchant's payment account (a {@code link}
 * event inside the window) and sometimes signs up on the merchant's device; the buyers share one or
 * two devices; the subsidies are 60-90% of the price where genuine coupons are 5-15%.
 *
 * <p>Randomised: 1-2 shops, 2-5 buyers on 1-2 devices, 2-4 bursts in the campaign, 4-12 orders per
 * buyer per burst over 1-3 hours, the subsidy rate.
 *
 * <p>Labelled {@code insider_subsidy}: the orders, the platform's subsidy payments for them, the
 * buyers and the staff account, the shops.
 */
final class InsiderSubsidy implements Planting {
  private static final byte TAG = Tag.of(Tactic.INSIDER_SUBSIDY);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    Campaign campaign = campaign(sim, rnd);
    int shopCount = Rand.between(rnd, 1, 2);
    int[] shops = new int[shopCount];
    Plan.Instance instance = sim.plan.instance(Tactic.INSIDER_SUBSIDY);
    for (int k = 0; k < shopCount; k++) {
      shops[k] = sim.market.reserve(rnd, 0.2, 1.0, TAG);
      instance.shop(sim.market.shopId(shops[k]));
    }
    boolean sharesDevice = Rand.chance(rnd, 0.3);
    String staffDevice =
        sharesDevice ? sim.merchantDevice(shops[0]) : sim.tokens.device(sim.accounts.sharedToken());
    String staff =
        sim.registerStaff(sim.start - Rand.between(rnd, 60L, 900L) * Sim.DAY, staffDevice, TAG);
    sim.link(
        staff,
        sim.market.payer(shops[0]),
        campaign.from() - Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY));
    int buyers = Rand.between(rnd, 2, 5);
    int[] devices = {sim.accounts.sharedToken(), sim.accounts.sharedToken()};
    int[] hired = Brushing.recruit(sim, rnd, buyers, Tactic.INSIDER_SUBSIDY);
    for (int b : hired) {
      sim.accounts.device[b] = devices[rnd.nextInt(Rand.between(rnd, 1, 2))];
    }
    int bursts = Rand.between(rnd, 2, 4);
    double rate = 0.6 + 0.3 * rnd.nextDouble();
    instance
        .param("campaign", campaign.id())
        .param("staff", staff)
        .param("staff_on_merchant_device", sharesDevice ? 1 : 0)
        .param("buyers", buyers)
        .param("bursts", bursts)
        .param("subsidy_rate", Math.round(rate * 100) / 100.0);
    long orders = 0;
    for (int k = 0; k < bursts; k++) {
      long burst = Rand.between(rnd, campaign.from(), campaign.to() - 3 * Sim.HOUR);
      for (int b : hired) {
        int n = Rand.between(rnd, 4, 12);
        long span = Rand.between(rnd, Sim.HOUR, 3 * Sim.HOUR);
        for (int j = 0; j < n; j++) {
          int shop = shops[rnd.nextInt(shopCount)];
          long t = burst + span * j / n + Rand.between(rnd, 0L, 5 * Sim.MINUTE);
          sim.at(t, now -> order(sim, b, shop, campaign, rate, now));
        }
        orders += n;
      }
    }
    return orders * 9;
  }

  /** The platform campaign to abuse: an existing one, or a new three-day coupon festival. */
  private static Campaign campaign(Sim sim, SplittableRandom rnd) {
    if (!sim.shopping.campaigns.isEmpty()) {
      return sim.shopping.campaigns.get(rnd.nextInt(sim.shopping.campaigns.size()));
    }
    int day = sim.day(rnd, 3, sim.spec.days() - 5);
    Campaign c =
        new Campaign(
            "camp" + (sim.shopping.campaigns.size() + 1), sim.dayStart(day), sim.dayStart(day + 3));
    sim.shopping.campaigns.add(c);
    return c;
  }

  private static void order(
      Sim sim, int buyer, int shop, Campaign campaign, double rate, long now) {
    SplittableRandom rnd = sim.rnd;
    int item = sim.market.firstItem[shop] + rnd.nextInt(sim.market.itemCount[shop]);
    Purchase p = Brushing.straightToItem(sim, buyer, shop, item, now, Rand.chance(rnd, 0.3));
    p.tag = TAG;
    p.subsidyTag = TAG;
    p.mayCancel = false;
    p.campaign = campaign.id();
    p.subsidy = (long) (p.amount * (rate + 0.05 * rnd.nextDouble()));
    p.afterDelivery = (q, delivered) -> {};
    sim.shopping.place(p);
  }
}
