package io.brushguard.detect.scripted;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Link;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import io.brushguard.event.Search;
import io.brushguard.event.View;
import io.brushguard.flow.Fact;
import io.brushguard.flow.StageFlow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Hand-made streams through the four stages: who is caught, who is spared, and the broker. */
class ScriptedSessionsTest {
  private static final long MIN = 60_000L;
  private static final long HOUR = 60 * MIN;
  private static final long DAY = 24 * HOUR;
  private static final long T0 = 1_740_787_200_000L; // 2025-03-01T00:00Z
  private static final ScriptedSessions.Config CONFIG = ScriptedSessions.Config.DEFAULT;

  private final List<Event> events = new ArrayList<>();
  private int orders;
  private int sessions;

  /** One session: a search, a view of the shop for {@code dwellMs}, an order; returns the order. */
  private String task(String account, String shop, long t, long dwellMs) {
    String session = "ss" + sessions++;
    String order = "o" + orders++;
    String query = "query for " + shop + " long tail words";
    events.add(new Search(account, query, t, session, null, null));
    events.add(new View(account, shop, t + 5_000, "i-" + shop, dwellMs, session, query));
    events.add(
        new Order(
            order,
            account,
            shop,
            "i-" + shop,
            1000,
            t + 10_000 + dwellMs,
            1,
            null,
            null,
            null,
            null,
            "pay-" + account,
            0,
            null,
            session));
    return order;
  }

  /** {@code n} genuine buyers with a few orders a day each, log-normal dwell of spread 0.9. */
  private void population(Random rnd, int n, int perDay, int days) {
    for (int a = 0; a < n; a++) {
      for (int d = 0; d < days; d++) {
        for (int k = 0; k < perDay; k++) {
          long t = T0 + d * 24 * HOUR + 8 * HOUR + (long) (rnd.nextDouble() * 14 * HOUR);
          task("g" + a, "s" + rnd.nextInt(50), t, logNormal(rnd, 35_000, 0.9));
        }
      }
    }
  }

  private static long logNormal(Random rnd, double median, double sigma) {
    return Math.max(1_000L, (long) (median * Math.exp(sigma * rnd.nextGaussian())));
  }

  /** A brusher's day: tasks every 10-25 minutes, dwell the script's centre within ±jitter. */
  private List<String> brusherDay(
      Random rnd, String account, long day, int tasks, long centre, double jitter) {
    List<String> out = new ArrayList<>();
    long t = day + 9 * HOUR;
    String[] shops = {"shopA", "shopB", "shopC", "shopD"};
    for (int k = 0; k < tasks; k++) {
      long dwell = Math.round(centre * (1 + jitter * (2 * rnd.nextDouble() - 1)));
      out.add(task(account, shops[k % shops.length], t, dwell));
      t += dwell + (10 + rnd.nextInt(16)) * MIN;
    }
    return out;
  }

  private List<Fact> run() {
    events.sort(Comparator.comparingLong(Event::ts));
    return new StageFlow(ScriptedSessions.stages(CONFIG)).feedAll(events).finish().facts;
  }

  private static Set<String> flagged(List<Fact> out, EntityKind kind) {
    return out.stream()
        .filter(f -> f instanceof Signal s && s.entity() == kind && s.strength() > 0)
        .map(f -> ((Signal) f).id())
        .collect(Collectors.toSet());
  }

  @Test
  void scriptedAccount_regularBrowsingAcrossShops_isFlaggedWithItsTaskOrders() {
    Random rnd = new Random(1);
    population(rnd, 80, 3, 3);
    List<String> tasks = brusherDay(rnd, "brusher", T0 + DAY, 14, 360_000, 0.15);
    String ownShopping = task("brusher", "s7", T0 + DAY + 22 * HOUR, 25_000);
    events.add(review("r-task", "brusher", tasks.get(3), T0 + 3 * DAY));
    events.add(review("r-own", "brusher", ownShopping, T0 + 3 * DAY + HOUR));

    List<Fact> out = run();

    assertThat(flagged(out, EntityKind.ACCOUNT)).containsExactly("brusher");
    assertThat(flagged(out, EntityKind.ORDER))
        .as(
            "every task but the first (the account's ticket in: its sessions are followed once it"
                + " has ordered), and not the brusher's own shopping with its ordinary dwell")
        .containsExactlyInAnyOrderElementsOf(tasks.subList(1, tasks.size()))
        .doesNotContain(ownShopping);
    Signal account =
        out.stream()
            .filter(f -> f instanceof Signal s && s.entity() == EntityKind.ACCOUNT)
            .map(Signal.class::cast)
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(account.code()).isEqualTo(ScriptedSessions.CODE);
    assertThat(account.strength()).isBetween(0.6, 0.85);
    assertThat(account.detail()).contains("tasks");
    assertThat(out).contains(new ScriptedBuyer("brusher", "pay-brusher"));
    assertThat(flagged(out, EntityKind.REVIEW))
        .as("the five stars the script asked for, not the review of his own shopping")
        .containsExactly("r-task");
  }

  private static Review review(String id, String account, String order, long t) {
    return new Review(id, account, "shopA", 5, t, order, null, "好", null, null, null);
  }

  @Test
  void anotherGangsTiming_shortAndTight_isCaughtAsWell() {
    Random rnd = new Random(2);
    population(rnd, 80, 3, 3);
    List<String> tasks = brusherDay(rnd, "fast", T0 + DAY, 10, 75_000, 0.03);

    assertThat(flagged(run(), EntityKind.ORDER)).containsAll(tasks.subList(1, tasks.size()));
  }

  @Test
  void naturalHeavyShoppers_manyOrdersADay_areSpared() {
    Random rnd = new Random(3);
    population(rnd, 80, 3, 3);
    for (int a = 0; a < 40; a++) {
      // a personal habit (median 15-120 s) and a natural spread, 20-40 orders a day
      long median = 15_000 + rnd.nextInt(105_000);
      double spread = 0.6 + 0.4 * rnd.nextDouble();
      for (int d = 0; d < 2; d++) {
        int n = 20 + rnd.nextInt(21);
        for (int k = 0; k < n; k++) {
          long t = T0 + d * 24 * HOUR + 8 * HOUR + (long) (rnd.nextDouble() * 14 * HOUR);
          task("heavy" + a, "s" + rnd.nextInt(50), t, logNormal(rnd, median, spread));
        }
      }
    }

    List<Fact> out = run();

    assertThat(flagged(out, EntityKind.ACCOUNT)).isEmpty();
    assertThat(flagged(out, EntityKind.ORDER)).isEmpty();
  }

  @Test
  void giftsFromOneLook_severalOrdersOfOneBrowsing_areOneTask_notARegularScript() {
    Random rnd = new Random(5);
    population(rnd, 80, 3, 3);
    for (int g = 0; g < 3; g++) { // three gift rounds in a day, each one look and five orders
      long t = T0 + DAY + (9 + 4 * g) * HOUR;
      String session = "gift" + g;
      String shop = "giftshop" + g;
      events.add(
          new View("giver", shop, t, "i-" + shop, logNormal(rnd, 35_000, 0.9), session, "q"));
      for (int k = 0; k < 5; k++) {
        events.add(
            new Order(
                "gift" + g + "-" + k,
                "giver",
                shop,
                "i-" + shop,
                1000,
                t + 60_000 + k * 90_000L,
                1,
                null,
                null,
                null,
                "addr-" + k,
                "pay-giver",
                0,
                null,
                session));
      }
    }

    List<Fact> out = run();

    assertThat(flagged(out, EntityKind.ACCOUNT)).doesNotContain("giver");
    assertThat(flagged(out, EntityKind.ORDER)).noneMatch(o -> o.startsWith("gift"));
  }

  @Test
  void beforeThePopulationIsKnown_nobodyIsJudged() {
    Random rnd = new Random(4);
    brusherDay(rnd, "early", T0, 14, 360_000, 0.05);

    assertThat(run()).noneMatch(f -> f instanceof Signal);
  }

  @Test
  void broker_payingSeveralScriptedBuyers_hasItsPayoutsIncomeAndAccountSignalled() {
    Random rnd = new Random(5);
    population(rnd, 80, 3, 3);
    events.add(new Link("brokerAccount", "pay-broker", T0 - 400L * 24 * HOUR));
    long day = T0 + DAY;
    events.add(
        payment("fee1", "pay-shopA", "pay-broker", day + 8 * HOUR, Payment.Kind.TRANSFER, "推广费"));
    brusherDay(rnd, "b1", day, 14, 330_000, 0.1);
    brusherDay(rnd, "b2", day, 14, 330_000, 0.1);
    events.add(payment("out1", "pay-broker", "pay-b1", day + 23 * HOUR, Payment.Kind.TRANSFER, ""));
    events.add(payment("out2", "pay-broker", "pay-b2", day + 23 * HOUR, Payment.Kind.TRANSFER, ""));
    // a friend sends one brusher money: one flagged payee is not a broker
    events.add(
        payment("gift", "pay-friend", "pay-b1", day + 20 * HOUR, Payment.Kind.RED_PACKET, "生日"));
    // the brusher's own order payment is no payout
    events.add(payment("ord", "pay-broker", "pay-b2", day + 22 * HOUR, Payment.Kind.ORDER, null));

    List<Fact> out = run();

    assertThat(flagged(out, EntityKind.ACCOUNT))
        .containsExactlyInAnyOrder("b1", "b2", "brokerAccount");
    assertThat(flagged(out, EntityKind.PAYMENT)).containsExactlyInAnyOrder("out1", "out2", "fee1");
  }

  @Test
  void taskLog_keepsAtMostMaxTasks_andForgetsAnAccountAfterTheWindow() {
    Random rnd = new Random(6);
    for (int d = 0; d < 3; d++) {
      brusherDay(rnd, "busy", T0 + d * 24 * HOUR, 30, 200_000, 0.5);
    }
    events.sort(Comparator.comparingLong(Event::ts));
    StageFlow chain = new StageFlow(ScriptedSessions.stages(CONFIG)).feedAll(events);
    List<TaskDone> done =
        chain.facts.stream().filter(f -> f instanceof TaskDone).map(TaskDone.class::cast).toList();
    assertThat(done).allMatch(t -> t.tasks().size() <= CONFIG.maxTasks());
    assertThat(done.stream().mapToInt(t -> t.tasks().size()).max().orElse(0))
        .isEqualTo(CONFIG.maxTasks());
    assertThat(chain.keys(0)).isEqualTo(1);

    chain.finish();

    assertThat(chain.keys(0)).as("nothing left once the window has passed").isZero();
  }

  private static Payment payment(
      String id, String from, String to, long t, Payment.Kind kind, String memo) {
    return new Payment(id, from, to, 50_000, t, kind, null, memo, null);
  }
}
