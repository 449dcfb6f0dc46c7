package io.brushguard.sim;

import io.brushguard.event.Payment;
import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.SplittableRandom;

/**
 * Scripted tasks: a broker takes orders from shops and hands brushers a script per task. Search
 * this long-tail keyword, find the shop, browse the item for five to seven minutes, buy it (the
 * 2024 Ji'an case in the seed report describes exactly this). A brusher works through dozens of
 * tasks a day for shops in unrelated categories; every evening the broker pays the principal back
 * plus a commission per task, and the shops pay the broker.
 *
 * <p>Randomised (ranges at 1M events, {@link Sim#sized}): 2-8 brushers, 3-8 client shops in
 * different categories (each with its own keyword), a 2-8 day campaign worked on about 70% of days,
 * 8-40 tasks a day (at least 8) spaced from 3 minutes to an instance's maximum of 10-30 minutes,
 * sometimes a glance at a decoy shop first, reviews on half the orders, commission 3-8 yuan a task.
 * The script's browsing time is the instance's own: a centre of 60-600 s (the reported gang used
 * 5-7 minutes) with a uniform jitter of ±2-20%, split in one or two views; other gangs script other
 * timings, and a detector has to find the regularity, not one band.
 *
 * <p>Labelled {@code scripted_tasks}: the orders, reviews, the broker's payouts and the shops'
 * payments to the broker, the brushers and the broker, the shops.
 */
final class ScriptedTasks implements Planting {
  private static final byte TAG = Tag.of(Tactic.SCRIPTED_TASKS);

  private Sim sim;
  private int[] shops;
  private int[] items;
  private String[] keywords;
  private String brokerPayer;
  private long commission;
  private long dwellCentre;
  private double jitter;
  private long maxSpacing;

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    this.sim = sim;
    int broker = sim.accounts.recruit(rnd, TAG);
    brokerPayer = sim.accounts.payer(broker);
    int clients = Rand.between(rnd, 3, 8);
    shops = new int[clients];
    items = new int[clients];
    keywords = new String[clients];
    Plan.Instance instance = sim.plan.instance(Tactic.SCRIPTED_TASKS);
    int categories = Catalog.CATEGORIES.size();
    int firstCategory = rnd.nextInt(categories);
    for (int k = 0; k < clients; k++) {
      int category = (firstCategory + k * 5) % categories; // unrelated categories
      shops[k] = sim.market.reserveIn(rnd, category, TAG);
      items[k] = sim.market.itemOf(shops[k], rnd);
      keywords[k] = Texts.longTailQuery(rnd, sim.market.categoryOf(shops[k]));
      instance.shop(sim.market.shopId(shops[k]));
    }
    int brushers = sim.sized(rnd, 2, 8);
    int firstDay = sim.day(rnd, 0, sim.spec.days() - 8);
    int days = sim.sized(rnd, 2, 8);
    int perDay = Rand.between(rnd, 8, 40);
    commission = Rand.between(rnd, 300, 800);
    dwellCentre = Rand.between(rnd, 60_000L, 600_000L);
    jitter = 0.02 + 0.18 * rnd.nextDouble();
    maxSpacing = Rand.between(rnd, 10 * Sim.MINUTE, 30 * Sim.MINUTE);
    instance
        .param("brushers", brushers)
        .param("first_day", firstDay)
        .param("days", days)
        .param("tasks_per_day", perDay)
        .param("commission_fen", commission)
        .param("dwell_centre_ms", dwellCentre)
        .param("dwell_jitter_pct", Math.round(jitter * 100))
        .param("keyword", keywords[0]);
    long tasks = 0;
    for (int brusher : Brushing.recruit(sim, rnd, brushers, Tactic.SCRIPTED_TASKS)) {
      int lastDay = Math.min(sim.spec.days() - 3, firstDay + days);
      int mustWork = firstDay + rnd.nextInt(Math.max(1, lastDay - firstDay));
      for (int d = firstDay; d < lastDay; d++) {
        // about 70% of days, and every recruited brusher works at least one (else he is none)
        if (Rand.chance(rnd, 0.7) || d == mustWork) {
          int n = Math.max(8, perDay + Rand.between(rnd, -4, 4));
          Workday day = new Workday(brusher, n, sim.dayStart(d));
          sim.at(sim.dayStart(d) + Rand.between(rnd, 9 * Sim.HOUR, 11 * Sim.HOUR), day);
          tasks += n;
        }
      }
    }
    for (int k = 0; k < clients; k++) {
      int shop = shops[k];
      for (int d = firstDay; d < Math.min(sim.spec.days(), firstDay + days + 1); d++) {
        long t = sim.dayStart(d) + Rand.between(rnd, 10 * Sim.HOUR, 22 * Sim.HOUR);
        long amount =
            (tasks / Math.max(1, days) / clients + 1)
                * (sim.market.itemPrice[items[k]] + commission + 200);
        sim.at(
            t,
            now ->
                sim.pay(
                    sim.market.payer(shop),
                    brokerPayer,
                    amount,
                    now,
                    Payment.Kind.TRANSFER,
                    null,
                    Brushing.memo(sim.rnd, "推广费", "服务费", null),
                    TAG));
      }
    }
    return tasks * 10 + (long) clients * days;
  }

  /** One brusher's working day: tasks one after another, paid in the evening. */
  private final class Workday implements Step {
    private final int brusher;
    private final long dayStart;
    private int left;
    private long principal;
    private int done;

    Workday(int brusher, int tasks, long dayStart) {
      this.brusher = brusher;
      this.left = tasks;
      this.dayStart = dayStart;
    }

    @Override
    public void run(long now) {
      SplittableRandom rnd = sim.rnd;
      if (left == 0 || now > dayStart + 23 * Sim.HOUR + 30 * Sim.MINUTE) {
        payout(now + Rand.between(rnd, 10 * Sim.MINUTE, 2 * Sim.HOUR));
        return;
      }
      left--;
      long finished = task(now);
      sim.at(finished + Rand.between(rnd, 3 * Sim.MINUTE, maxSpacing), this);
    }

    /** Search the keyword, maybe glance at a decoy, browse the item the scripted time, buy. */
    private long task(long now) {
      SplittableRandom rnd = sim.rnd;
      int k = rnd.nextInt(shops.length);
      Visit v = sim.shopping.visit(brusher, now);
      v.search(keywords[k]);
      int decoy = sim.market.shopIn(sim.market.category[shops[k]], rnd);
      if (decoy != shops[k] && Rand.chance(rnd, 0.5)) {
        v.view(decoy, sim.market.itemOf(decoy, rnd), Rand.between(rnd, 8_000L, 40_000L));
      }
      long dwell = Math.round(dwellCentre * (1 + jitter * (2 * rnd.nextDouble() - 1)));
      if (Rand.chance(rnd, 0.4)) {
        long first = dwell / 2 + Math.round(dwell * 0.1 * (2 * rnd.nextDouble() - 1));
        v.view(shops[k], items[k], first);
        v.view(shops[k], items[k], dwell - first);
      } else {
        v.view(shops[k], items[k], dwell);
      }
      Purchase p = v.purchase(shops[k], items[k]);
      p.tag = TAG;
      p.mayCancel = false;
      p.quantity = 1;
      p.amount = sim.market.itemPrice[items[k]];
      p.afterDelivery =
          (q, delivered) -> {
            if (Rand.chance(sim.rnd, 0.5)) {
              long at = delivered + Rand.between(sim.rnd, Sim.HOUR, Sim.DAY);
              sim.shopping.review(
                  q, at, 5, Texts.genuineReview(sim.rnd, q.category(), 5), null, TAG);
            }
          };
      sim.shopping.place(p);
      principal += p.amount - p.subsidy;
      done++;
      return v.t;
    }

    private void payout(long t) {
      if (done == 0) {
        return;
      }
      sim.pay(
          brokerPayer,
          sim.accounts.payer(brusher),
          principal + done * commission,
          t,
          Payment.Kind.TRANSFER,
          null,
          Brushing.memo(sim.rnd, "佣金", "任务结算", null, "今日结算"),
          TAG);
    }
  }
}
