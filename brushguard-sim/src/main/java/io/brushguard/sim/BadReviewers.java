package io.brushguard.sim;

import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * Professional bad reviewers (职业差评师): a small crew of throwaway accounts, registered days before
 * they strike, buy cheap items from many shops, post near-identical one-star complaints
 * ("质量太差了，和描述完全不符...") right after delivery, report the shop, and extort compensation; some shops
 * pay to make it go away.
 *
 * <p>Randomised: 3-6 accounts registered 1-7 days before the first order, sometimes on one device,
 * 4-10 shops each, the complaint template, reports on half the complaints, compensation of 10-50
 * yuan paid on 30%.
 *
 * <p>Labelled {@code bad_reviewers}: the accounts, their orders and complaints, the compensation
 * payments. The shops are their victims and stay unlabelled (genuine).
 */
final class BadReviewers implements Planting {
  private static final byte TAG = Tag.of(Tactic.BAD_REVIEWERS);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int crew = Rand.between(rnd, 3, 6);
    int firstDay = sim.day(rnd, 3, sim.spec.days() - 6);
    Texts.Template template = Texts.complaintTemplate(rnd);
    boolean oneDevice = Rand.chance(rnd, 0.5);
    int device = sim.accounts.sharedToken();
    int city = sim.accounts.randomCity(rnd);
    Plan.Instance instance =
        sim.plan
            .instance(Tactic.BAD_REVIEWERS)
            .param("accounts", crew)
            .param("first_day", firstDay)
            .param("one_device", oneDevice ? 1 : 0);
    long orders = 0;
    for (int k = 0; k < crew; k++) {
      long registered = sim.dayStart(firstDay) - Rand.between(rnd, Sim.DAY, 7 * Sim.DAY);
      int a = sim.accounts.register(Math.max(sim.start, registered), city, 0, TAG);
      if (oneDevice) {
        sim.accounts.device[a] = device;
      }
      sim.scheduleRegistration(a);
      int targets = Rand.between(rnd, 4, 10);
      for (int j = 0; j < targets; j++) {
        int shop = sim.market.shopIn(sim.market.randomCategory(rnd), rnd);
        long t =
            Diurnal.timeOfDay(
                rnd, sim.dayStart(Math.min(sim.spec.days() - 4, firstDay + rnd.nextInt(3))));
        sim.at(
            Math.max(t, sim.accounts.registered[a] + Sim.HOUR),
            now -> order(sim, a, shop, template, now));
      }
      orders += targets;
    }
    instance.param("orders", orders);
    return crew * 2L + orders * 10;
  }

  private static void order(Sim sim, int account, int shop, Texts.Template template, long now) {
    SplittableRandom rnd = sim.rnd;
    int cheapest = sim.market.firstItem[shop];
    for (int i = cheapest; i < sim.market.firstItem[shop] + sim.market.itemCount[shop]; i++) {
      if (sim.market.itemPrice[i] < sim.market.itemPrice[cheapest]) {
        cheapest = i;
      }
    }
    Purchase p = Brushing.ordinaryLooking(sim, account, shop, cheapest, now);
    p.tag = TAG;
    p.mayCancel = false;
    p.quantity = 1;
    p.amount = sim.market.itemPrice[cheapest];
    p.afterDelivery =
        (q, delivered) -> {
          long at = delivered + Rand.between(rnd, Sim.HOUR, 8 * Sim.HOUR);
          String review = sim.shopping.review(q, at, 1, Texts.complaint(rnd, template), null, TAG);
          if (Rand.chance(rnd, 0.5)) {
            long reported = at + Rand.between(rnd, 30 * Sim.MINUTE, 6 * Sim.HOUR);
            sim.shopping.report(
                account,
                Report.TargetKind.SHOP,
                sim.market.shopId(shop),
                reported,
                Rand.pick(rnd, new String[] {"other", "fake_review"}),
                true);
            if (Rand.chance(rnd, 0.3)) {
              sim.pay(
                  sim.market.payer(shop),
                  q.payer,
                  Rand.between(rnd, 1000L, 5000L),
                  reported + Rand.between(rnd, Sim.DAY, 2 * Sim.DAY),
                  Payment.Kind.TRANSFER,
                  null,
                  Brushing.memo(rnd, "补偿", "赔偿", null),
                  TAG);
            }
          }
          sim.reportable(review, at);
        };
    sim.shopping.place(p);
  }
}
