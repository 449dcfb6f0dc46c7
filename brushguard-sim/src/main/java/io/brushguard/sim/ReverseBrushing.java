package io.brushguard.sim;

import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * Reverse brushing (反向刷单): a competitor pays for blatant fake orders and praise FOR a rival shop,
 * so that the platform's brushing rules punish the rival; then reports the rival for brushing. The
 * orders land at the victim, but the money comes from the competitor: it pays the hired accounts
 * from its own (or its owner's) payment account. Penalise the payer, not the victim.
 *
 * <p>Deliberately crude, because being caught is the point: hired accounts go straight to the item,
 * several place two or three orders within the hour, reviews from one template follow within hours
 * of delivery.
 *
 * <p>Randomised (ranges at 1M events, {@link Sim#sized}): 8-30 hired accounts, 1-3 orders each over
 * one or two days, commission 5-15 yuan.
 *
 * <p>Labelled: the orders, reviews, the competitor's payments and the hired accounts as fraud
 * ({@code reverse_brushing}), the competitor's shop as fraud, the victim shop as a genuine victim.
 */
final class ReverseBrushing implements Planting {
  private static final byte TAG = Tag.of(Tactic.REVERSE_BRUSHING);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int victim = sim.market.reserve(rnd, 0.05, 0.6, Tag.VICTIM);
    int competitor = sim.market.reserveIn(rnd, sim.market.category[victim], TAG);
    String payer = sim.market.payer(competitor);
    int hired = sim.sized(rnd, 8, 30);
    int day = sim.day(rnd, 2, sim.spec.days() - 6);
    long commission = Rand.between(rnd, 500, 1500);
    Texts.Template template = Texts.praiseTemplate(rnd, false);
    sim.plan
        .instance(Tactic.REVERSE_BRUSHING)
        .shop(sim.market.shopId(competitor))
        .shop(sim.market.shopId(victim))
        .param("competitor", sim.market.shopId(competitor))
        .param("victim", sim.market.shopId(victim))
        .param("hired", hired)
        .param("day", day);
    int[] accounts = Brushing.recruit(sim, rnd, hired, Tactic.REVERSE_BRUSHING);
    long last = 0;
    long orders = 0;
    for (int a : accounts) {
      long t = Diurnal.timeOfDay(rnd, sim.dayStart(day + rnd.nextInt(2)));
      int n = Rand.between(rnd, 1, 3);
      int item = sim.market.itemOf(victim, rnd);
      for (int k = 0; k < n; k++) {
        long at = t + k * Rand.between(rnd, 3 * Sim.MINUTE, 20 * Sim.MINUTE);
        sim.at(at, now -> order(sim, a, victim, item, template, now));
        last = Math.max(last, at);
      }
      orders += n;
      long fee = n * (sim.market.itemPrice[item] + commission);
      sim.at(
          t + Rand.between(rnd, Sim.HOUR, Sim.DAY),
          now ->
              sim.pay(
                  payer,
                  sim.accounts.payer(a),
                  fee,
                  now,
                  Payment.Kind.TRANSFER,
                  null,
                  Brushing.memo(sim.rnd, "辛苦费", null, "结算", "任务款"),
                  TAG));
    }
    int reporter = accounts[0];
    sim.at(
        last + Rand.between(rnd, 2 * Sim.DAY, 4 * Sim.DAY),
        now ->
            sim.shopping.report(
                reporter,
                Report.TargetKind.SHOP,
                sim.market.shopId(victim),
                now,
                "brushing",
                true));
    return orders * 9 + hired;
  }

  private static void order(
      Sim sim, int account, int victim, int item, Texts.Template template, long now) {
    SplittableRandom rnd = sim.rnd;
    Purchase p = Brushing.straightToItem(sim, account, victim, item, now, Rand.chance(rnd, 0.5));
    p.tag = TAG;
    p.mayCancel = false;
    p.afterDelivery =
        (q, delivered) -> {
          long at = delivered + Rand.between(rnd, 30 * Sim.MINUTE, 6 * Sim.HOUR);
          sim.reportable(
              sim.shopping.review(q, at, 5, Texts.fromTemplate(rnd, template), null, TAG), at);
        };
    sim.shopping.place(p);
  }
}
