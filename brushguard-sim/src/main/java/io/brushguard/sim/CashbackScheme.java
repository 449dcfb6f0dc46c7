package io.brushguard.sim;

import io.brushguard.event.Payment;
import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * "Experience officer" cashback (用户体验官): a shop recruits buyers who make a genuine-looking
 * purchase, write a glowing five-star review with photos, and then get the price back plus a
 * commission as a red packet or a transfer, off the platform's books.
 *
 * <p>The purchase and the review look like any other; what gives it away is the money: a payment
 * from the shop's own payment account, or from an accomplice's, back to the buyer's payment account
 * hours after the review. The accomplice is traceable: either the merchant account also binds the
 * accomplice's payment account (a {@code link} event), or the accomplice signs in on the merchant's
 * device. The shop also slips "five stars for a red packet" cards into parcels, and now and then a
 * genuine buyer reports one.
 *
 * <p>Randomised (ranges at 1M events, {@link Sim#sized}): 8-35 officers with 1-2 tasks each, the
 * refund channel (shop account, linked accomplice, accomplice on the merchant's device), red packet
 * or transfer, a 3-20 yuan commission, memo wording, photos on 60% of reviews.
 *
 * <p>Labelled {@code cashback}: the orders, reviews, cashback payments, the officers and the
 * accomplice, the shop.
 */
final class CashbackScheme implements Planting {
  private static final byte TAG = Tag.of(Tactic.CASHBACK);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.1, 1.0, TAG);
    int officers = sim.sized(rnd, 8, 35);
    String channel =
        Rand.pick(rnd, new String[] {"shop", "linked_accomplice", "accomplice_device"});
    String refundFrom;
    if (channel.equals("shop")) {
      refundFrom = sim.market.payer(shop);
    } else {
      int accomplice = sim.accounts.recruit(rnd, TAG);
      refundFrom = sim.accounts.payer(accomplice);
      if (channel.equals("linked_accomplice")) {
        // The merchant account binds the accomplice's payment account too: the trace.
        long t = sim.start + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY);
        sim.link(sim.market.merchantId(shop), refundFrom, t);
      } else {
        sim.accounts.device[accomplice] = (1 << 28) + shop; // the merchant's phone
        String id = sim.accounts.id(accomplice);
        for (int d = 0; d < 3; d++) {
          long t = Diurnal.timeOfDay(rnd, sim.dayStart(sim.day(rnd, 0, sim.spec.days())));
          sim.emit(
              new io.brushguard.event.Login(
                  id, t, sim.merchantDevice(shop), sim.accounts.ipFor(accomplice, rnd)));
        }
      }
    }
    sim.shopping.invitesCashback.set(shop);
    long commission = Rand.between(rnd, 300, 2000);
    double redPackets = 0.4 + 0.5 * rnd.nextDouble();
    sim.plan
        .instance(Tactic.CASHBACK)
        .shop(sim.market.shopId(shop))
        .param("officers", officers)
        .param("channel", channel)
        .param("commission_fen", commission)
        .param("red_packet_share", Math.round(redPackets * 100) / 100.0);
    long tasks = 0;
    for (int officer : Brushing.recruit(sim, rnd, officers, Tactic.CASHBACK)) {
      int n = Rand.between(rnd, 1, 2);
      for (int k = 0; k < n; k++) {
        long t = Diurnal.timeOfDay(rnd, sim.dayStart(sim.day(rnd, 0, sim.spec.days() - 5)));
        sim.at(t, now -> task(sim, officer, shop, refundFrom, commission, redPackets, now));
      }
      tasks += n;
    }
    return tasks * 12;
  }

  /** One officer's task: browse like anyone, buy, review with photos, get paid back. */
  private static void task(
      Sim sim,
      int officer,
      int shop,
      String refundFrom,
      long commission,
      double redPackets,
      long now) {
    SplittableRandom rnd = sim.rnd;
    Visit v = sim.shopping.visit(officer, now);
    v.search(Texts.query(rnd, sim.market.categoryOf(shop)));
    int other = sim.market.shopIn(sim.market.category[shop], rnd);
    if (other != shop) {
      v.view(other, sim.market.itemOf(other, rnd), sim.shopping.browseDwell());
    }
    int item = sim.market.itemOf(shop, rnd);
    v.view(shop, item, Rand.between(rnd, 40_000L, 150_000L));
    Purchase p = v.purchase(shop, item);
    p.tag = TAG;
    p.mayCancel = false;
    p.afterDelivery =
        (q, delivered) -> {
          long reviewed = delivered + Rand.between(rnd, 3 * Sim.HOUR, 2 * Sim.DAY);
          List<String> photos =
              Rand.chance(rnd, 0.6) ? sim.shopping.uniqueImages(Rand.between(rnd, 1, 3)) : null;
          sim.shopping.review(
              q, reviewed, 5, Texts.genuineReview(rnd, q.category(), 5), photos, TAG);
          long paid = reviewed + Rand.between(rnd, 20 * Sim.MINUTE, 20 * Sim.HOUR);
          boolean redPacket = rnd.nextDouble() < redPackets;
          long amount = q.amount - q.subsidy + commission + Rand.between(rnd, -100, 100);
          sim.pay(
              refundFrom,
              q.payer,
              Math.max(commission, amount),
              paid,
              redPacket ? Payment.Kind.RED_PACKET : Payment.Kind.TRANSFER,
              null,
              Brushing.memo(rnd, null, null, "返现", "感谢好评", "红包", "🧧", "体验官福利"),
              TAG);
        };
    sim.shopping.place(p);
  }
}
