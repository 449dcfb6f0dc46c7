package io.brushguard.sim;

import io.brushguard.sim.Shopping.Campaign;
import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Traps: generous subsidies and staff accounts that subsidy abuse must not flag.
 *
 * <ul>
 *   <li>{@code subsidy_for_all}: during a campaign the platform subsidises one item of a popular
 *       shop at 40-70% for everyone (百亿补贴): 30-80 buyers each buy it, and one in five stocks up
 *       with 4-6 orders (one unit per order, one order a visit) over the campaign's days;
 *   <li>{@code honest_staff}: 3-8 platform staff accounts; three in ten registered on a merchant's
 *       device (a support visit, a staff member whose family runs the shop), and that shop gets
 *       subsidised campaign orders as usual.
 * </ul>
 *
 * <p>Labelled with the trap's name (genuine): the buyers, their orders and the subsidy payments;
 * the staff accounts.
 */
final class GenuineSubsidies implements Planting {
  private final Trap trap;
  private final byte tag;

  GenuineSubsidies(Trap trap) {
    if (trap != Trap.SUBSIDY_FOR_ALL && trap != Trap.HONEST_STAFF) {
      throw new IllegalArgumentException("not a subsidy trap: " + trap);
    }
    this.trap = trap;
    this.tag = Tag.of(trap);
  }

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    if (trap == Trap.HONEST_STAFF) {
      int staff = Rand.between(rnd, 3, 8);
      for (int k = 0; k < staff; k++) {
        String device =
            Rand.chance(rnd, 0.3)
                ? sim.merchantDevice(sim.market.unreservedShop(rnd, 0.0, 0.3))
                : sim.tokens.device(sim.accounts.sharedToken());
        sim.registerStaff(sim.start - Rand.between(rnd, 30L, 900L) * Sim.DAY, device, tag);
      }
      sim.plan.instance(trap).param("staff", staff);
      return staff * 2L;
    }
    Campaign campaign = campaign(sim, rnd);
    int shop = sim.market.unreservedShop(rnd, 0.0, 0.2);
    int item = sim.market.itemOf(shop, rnd);
    double rate = 0.4 + 0.3 * rnd.nextDouble();
    int buyers = Math.min(Rand.between(rnd, 30, 80), sim.accounts.preexisting / 100);
    long orders = 0;
    for (int b = 0; b < buyers; b++) {
      int account = sim.accounts.claimForTrap(rnd, -1, tag);
      int n = Rand.chance(rnd, 0.2) ? Rand.between(rnd, 4, 6) : 1;
      long at =
          Math.max(
              Rand.between(
                  rnd, campaign.from(), campaign.from() + (campaign.to() - campaign.from()) / 3),
              sim.accounts.registered[account]);
      // one order a visit (the offer's limit per order), on different days of the campaign
      long t = at;
      for (int k = 0; k < n && t < campaign.to(); k++) {
        sim.at(t, now -> buy(sim, account, shop, item, campaign, rate, now));
        t += Rand.between(rnd, 2 * Sim.HOUR, 12 * Sim.HOUR); // hours apart, not a burst
      }
      orders += n;
    }
    sim.plan
        .instance(trap)
        .param("buyers", buyers)
        .param("subsidy_rate", Math.round(rate * 100) / 100.0);
    return orders * 8;
  }

  private void buy(Sim sim, int account, int shop, int item, Campaign c, double rate, long now) {
    SplittableRandom rnd = sim.rnd;
    Visit v = sim.shopping.visit(account, now);
    v.search(Texts.query(rnd, sim.market.categoryOf(shop)));
    v.view(shop, item, sim.shopping.browseDwell());
    Purchase p = v.purchase(shop, item);
    p.quantity = 1;
    p.amount = sim.market.itemPrice[item];
    p.tag = tag;
    p.subsidyTag = tag;
    p.mayCancel = false;
    p.campaign = c.id();
    p.subsidy = Math.round(p.amount * rate);
    sim.shopping.place(p);
  }

  /** An existing campaign, or a new three-day one. */
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
}
