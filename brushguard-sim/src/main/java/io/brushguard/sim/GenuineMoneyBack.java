package io.brushguard.sim;

import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Traps: genuine money that goes back to a buyer after an order, which cashback must not flag.
 *
 * <ul>
 *   <li>{@code goodwill_red_packet}: a buyer unhappy with the order leaves one or two stars, or
 *       complains about the shop, and the merchant sends a red packet from the shop's payment
 *       account, 20 minutes to a day later: 5-30 yuan, now and then the whole price (keep the
 *       item); the opposite of buying praise;
 *   <li>{@code price_protection}: the price falls within days of the order and the shop pays back
 *       the difference (5-25% of the price), a payment of kind {@code other} that names the order,
 *       before or after the buyer's review;
 *   <li>{@code shipping_insurance}: a buyer returns the item and the platform's insurer pays the
 *       return postage (5-15 yuan, kind {@code other}, naming the order); one insurer pays buyers
 *       of every shop;
 *   <li>{@code friends_transfer}: a circle of 3-5 friends: one buys something for another, who pays
 *       the price back a day or a few later; they split bills by transfer; now and then the whole
 *       circle buys at one shop (team kit, office supplies) and one of them reimburses the others.
 * </ul>
 *
 * <p>Randomised: 3-10 buyers (or circles) an instance, shops anywhere in the ranking, any day.
 *
 * <p>Labelled with the trap's name (genuine): the buyers' accounts, their orders and the payments.
 */
final class GenuineMoneyBack implements Planting {
  static final String INSURER_PAYER = "pay-insurer";
  private final Trap trap;
  private final byte tag;

  GenuineMoneyBack(Trap trap) {
    if (trap != Trap.GOODWILL_RED_PACKET
        && trap != Trap.PRICE_PROTECTION
        && trap != Trap.SHIPPING_INSURANCE
        && trap != Trap.FRIENDS_TRANSFER) {
      throw new IllegalArgumentException("not a money-back trap: " + trap);
    }
    this.trap = trap;
    this.tag = Tag.of(trap);
  }

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int n = Math.max(1, Math.min(Rand.between(rnd, 3, 10), sim.accounts.preexisting / 300));
    long events = 0;
    for (int k = 0; k < n; k++) {
      long day = sim.dayStart(sim.day(rnd, 0, sim.spec.days() - 6));
      if (trap == Trap.FRIENDS_TRANSFER) {
        int[] circle = new int[Rand.between(rnd, 3, 5)];
        long at = Diurnal.timeOfDay(rnd, day);
        for (int i = 0; i < circle.length; i++) {
          circle[i] = sim.accounts.claimForTrap(rnd, -1, tag);
          at = Math.max(at, sim.accounts.registered[circle[i]]);
        }
        sim.at(at, now -> friends(sim, circle, now));
        events += 40;
      } else {
        int account = sim.accounts.claimForTrap(rnd, -1, tag);
        int shop = sim.market.unreservedShop(rnd, 0.0, 1.0);
        long at = Math.max(Diurnal.timeOfDay(rnd, day), sim.accounts.registered[account]);
        sim.at(at, now -> buy(sim, account, shop, now));
        events += 14;
      }
    }
    sim.plan.instance(trap).param("buyers", n);
    return events;
  }

  private Purchase purchase(Sim sim, int account, int shop, long now) {
    SplittableRandom rnd = sim.rnd;
    Visit v = sim.shopping.visit(account, now);
    v.search(Texts.query(rnd, sim.market.categoryOf(shop)));
    int item = sim.market.itemOf(shop, rnd);
    v.view(shop, item, sim.shopping.browseDwell());
    Purchase p = v.purchase(shop, item);
    p.tag = tag;
    p.mayCancel = false;
    return p;
  }

  private void buy(Sim sim, int account, int shop, long now) {
    SplittableRandom rnd = sim.rnd;
    Purchase p = purchase(sim, account, shop, now);
    String shopPayer = sim.market.payer(shop);
    if (trap == Trap.GOODWILL_RED_PACKET) {
      p.afterDelivery =
          (q, delivered) -> {
            long said = delivered + Rand.between(rnd, 2 * Sim.HOUR, 3 * Sim.DAY);
            if (Rand.chance(rnd, 0.7)) {
              int rating = Rand.between(rnd, 1, 2);
              sim.shopping.review(
                  q, said, rating, Texts.genuineReview(rnd, q.category(), rating), null, tag);
            } else {
              sim.shopping.report(
                  q.account,
                  Report.TargetKind.SHOP,
                  sim.market.shopId(q.shop),
                  said,
                  "other",
                  false);
            }
            long amount =
                Rand.chance(rnd, 0.2) ? q.amount - q.subsidy : Rand.between(rnd, 500, 3_000);
            sim.pay(
                shopPayer,
                q.payer,
                amount,
                said + Rand.between(rnd, 20 * Sim.MINUTE, Sim.DAY),
                Payment.Kind.RED_PACKET,
                null,
                Brushing.memo(rnd, "抱歉", "补偿", "给您添麻烦了", null),
                tag);
          };
    } else if (trap == Trap.PRICE_PROTECTION) {
      sim.shopping.place(p);
      long back = Math.max(100, (p.amount - p.subsidy) * Rand.between(rnd, 5, 25) / 100);
      sim.pay(
          shopPayer,
          p.payer,
          back,
          now + Rand.between(rnd, Sim.DAY, 6 * Sim.DAY),
          Payment.Kind.OTHER,
          p.order,
          "价保",
          tag);
      return;
    } else {
      p.afterDelivery =
          (q, delivered) -> {
            long returned = delivered + Rand.between(rnd, Sim.DAY, 4 * Sim.DAY);
            Parcel.returned(sim, q, returned);
            sim.pay(
                INSURER_PAYER,
                q.payer,
                Rand.between(rnd, 500, 1_500),
                returned + Rand.between(rnd, Sim.DAY, 3 * Sim.DAY),
                Payment.Kind.OTHER,
                q.order,
                "退货运费险",
                tag);
          };
    }
    sim.shopping.place(p);
  }

  private void friends(Sim sim, int[] circle, long now) {
    SplittableRandom rnd = sim.rnd;
    boolean together = Rand.chance(rnd, 0.3);
    int shop = sim.market.unreservedShop(rnd, 0.0, 1.0);
    int payer = circle[0];
    for (int i = 0; i < circle.length; i++) {
      int buyer = circle[i];
      long t = now + Rand.between(rnd, 0, together ? Sim.HOUR : 3 * Sim.DAY);
      int at = together ? shop : sim.market.unreservedShop(rnd, 0.0, 1.0);
      Purchase p = purchase(sim, buyer, at, Math.max(t, now));
      sim.shopping.place(p);
      int from = together ? payer : circle[(i + 1) % circle.length];
      if (from != buyer && (together || Rand.chance(rnd, 0.6))) {
        sim.pay(
            sim.accounts.payer(from),
            p.payer,
            p.amount - p.subsidy + (together ? 0 : Rand.between(rnd, -200, 200)),
            p.t + Rand.between(rnd, Sim.HOUR, 6 * Sim.DAY),
            Payment.Kind.TRANSFER,
            null,
            Brushing.memo(rnd, together ? "报销" : "帮我买的", "谢啦", null),
            tag);
      }
      for (int k = Rand.between(rnd, 0, 2); k > 0; k--) {
        int other = circle[rnd.nextInt(circle.length)];
        if (other != buyer) {
          sim.pay(
              sim.accounts.payer(other),
              p.payer,
              Rand.between(rnd, 2_000, 30_000),
              now + Rand.between(rnd, 0, 6 * Sim.DAY),
              Payment.Kind.TRANSFER,
              null,
              Brushing.memo(rnd, "AA", "饭钱", "电影票", null),
              tag);
        }
      }
    }
  }
}
