package io.brushguard.detect.surge;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Order;
import io.brushguard.event.View;
import io.brushguard.flow.Fact;
import io.brushguard.flow.RecordingContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The detector driven by hand over made-up shops: organic weeks, then a surge of some kind. */
class SalesSurgeDetectorTest {
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  /** 2025-03-03 00:00 at UTC+8, a Monday. */
  private static final long T0 = 1_740_931_200_000L;

  private final SalesSurgeDetector detector =
      new SalesSurgeDetector(SalesSurgeDetector.Config.DEFAULT);
  private final SalesSurgeDetector.ShopState state = detector.newState();
  private final RecordingContext context = new RecordingContext();
  private final List<Event> events = new ArrayList<>();
  private final SplittableRandom rnd = new SplittableRandom(42);
  private int serial;

  private static double dayShape(long t) {
    int h = (int) (((t - T0) / HOUR) % 24);
    return h < 7 ? 0.2 : h >= 19 ? 1.8 : 1.1;
  }

  /** Organic life: buyers who search, look at the item for half a minute, then order. */
  private void organic(long from, long to, double perDay, double unviewedShare) {
    for (long t = from; t < to; t += HOUR) {
      int k = poisson(perDay / 24 * dayShape(t));
      for (int j = 0; j < k; j++) {
        long at = t + rnd.nextLong(HOUR);
        String buyer = "u" + serial++;
        if (rnd.nextDouble() < unviewedShare) {
          order(buyer, at + 60_000); // from the cart, say
        } else {
          view(buyer, at, 20_000 + rnd.nextLong(60_000), "tea");
          order(buyer, at + 90_000);
        }
      }
    }
  }

  private String order(String buyer, long ts) {
    String id = "o" + serial++;
    events.add(Order.of(id, buyer, "s1", "i1", 1990, ts));
    return id;
  }

  private void view(String buyer, long ts, long dwell, String query) {
    events.add(new View(buyer, "s1", ts, "i1", dwell, "ss" + buyer, query));
  }

  private int poisson(double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    while ((p *= rnd.nextDouble()) > l) {
      k++;
    }
    return k;
  }

  /** Feeds the events in time order, wake-ups between them as a runtime does; the signals. */
  private List<Signal> run() {
    events.sort(Comparator.comparingLong(Event::ts));
    List<Signal> out = new ArrayList<>();
    for (Event e : events) {
      wakeUntil(e.ts() - 1, out);
      context.at("s1", e.ts());
      detector.onEvent(state, e, context);
      collect(out);
    }
    return out;
  }

  private void wakeUntil(long time, List<Signal> out) {
    while (!context.wakes.isEmpty() && context.wakes.first() <= time) {
      long wake = context.wakes.pollFirst();
      context.at("s1", wake);
      detector.onWake(state, wake, context);
      collect(out);
    }
  }

  private void collect(List<Signal> out) {
    for (Fact f : context.take()) {
      out.add((Signal) f);
    }
  }

  private static Set<String> ids(List<Signal> signals, EntityKind kind) {
    return signals.stream()
        .filter(s -> s.entity() == kind && s.strength() > 0)
        .map(Signal::id)
        .collect(Collectors.toSet());
  }

  @Test
  void boughtSurge_flagsItsOrdersAndBuyers_notTheShopsOwnBuyers_shopBelowReview() {
    organic(T0, T0 + 14 * DAY, 6, 0);
    Set<String> bought = new java.util.HashSet<>();
    Set<String> hired = new java.util.HashSet<>();
    long start = T0 + 9 * DAY + 8 * HOUR;
    for (int k = 0; k < 60; k++) { // ten times the shop's day, spread over a day
      String buyer = "h" + (k % 40);
      hired.add(buyer);
      bought.add(order(buyer, start + rnd.nextLong(DAY)));
    }
    List<Signal> signals = run();
    wakeUntil(T0 + 15 * DAY, signals);

    Set<String> orders = ids(signals, EntityKind.ORDER);
    assertThat(orders).as("the bought orders").containsAll(bought);
    assertThat(orders).as("nothing else").isSubsetOf(bought);
    assertThat(ids(signals, EntityKind.ACCOUNT)).isEqualTo(hired);
    assertThat(signals)
        .filteredOn(s -> s.entity() == EntityKind.ORDER)
        .allSatisfy(s -> assertThat(s.strength()).isEqualTo(SalesSurgeDetector.UNVIEWED_STRENGTH));
    assertThat(signals)
        .filteredOn(s -> s.entity() == EntityKind.SHOP)
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.strength()).isLessThan(0.3))
        .last()
        .satisfies(s -> assertThat(s.detail()).contains("60 orders straight to the item"));
  }

  @Test
  void returningCustomers_reorderingFromTheCartDuringASurge_areLeftOut() {
    organic(T0, T0 + 14 * DAY, 6, 0);
    Set<String> regulars = new java.util.HashSet<>();
    for (int k = 0; k < 5; k++) {
      order("r" + k, T0 + 2 * DAY + k * HOUR); // customers since day 2
    }
    long start = T0 + 9 * DAY + 8 * HOUR;
    for (int k = 0; k < 60; k++) {
      order("h" + k, start + rnd.nextLong(DAY));
    }
    for (int k = 0; k < 5; k++) {
      regulars.add(order("r" + k, start + 6 * HOUR + k * HOUR)); // from the cart, in the surge
    }
    List<Signal> signals = run();
    assertThat(ids(signals, EntityKind.ORDER)).hasSize(60).doesNotContainAnyElementsOf(regulars);
    assertThat(ids(signals, EntityKind.ACCOUNT)).noneMatch(a -> a.startsWith("r"));
  }

  @Test
  void flashSale_crowdThatViewsBeforeOrdering_passes() {
    organic(T0, T0 + 14 * DAY, 6, 0.05);
    long sale = T0 + 9 * DAY + 20 * HOUR;
    for (int k = 0; k < 400; k++) { // seventy times the shop's day within the hour
      long at = sale + (long) (-Math.log(1 - rnd.nextDouble()) * 10 * 60_000);
      String buyer = "f" + k;
      view(buyer, at, 5_000 + rnd.nextLong(40_000), rnd.nextBoolean() ? "tea 秒杀" : null);
      order(buyer, at + 50_000);
    }
    assertThat(run()).isEmpty();
  }

  @Test
  void campaign_thatRaisesOrdersButKeepsTheShopsMix_passes() {
    // 30% of this shop's orders come without a view (cart, reorders); a campaign triples its
    // orders for two days with the same mix
    organic(T0, T0 + 9 * DAY, 8, 0.3);
    organic(T0 + 9 * DAY, T0 + 11 * DAY, 30, 0.3);
    organic(T0 + 11 * DAY, T0 + 14 * DAY, 8, 0.3);
    assertThat(run()).isEmpty();
  }

  @Test
  void glances_insideABoughtSurgeAreFlaggedToo() {
    organic(T0, T0 + 14 * DAY, 6, 0);
    Set<String> glances = new java.util.HashSet<>();
    long start = T0 + 10 * DAY + 9 * HOUR;
    for (int k = 0; k < 50; k++) {
      String buyer = "h" + k;
      long at = start + rnd.nextLong(12 * HOUR);
      if (k % 2 == 0) {
        view(buyer, at, 4_000, null);
        glances.add(order(buyer, at + 6_000));
      } else {
        order(buyer, at);
      }
    }
    List<Signal> signals = run();
    assertThat(ids(signals, EntityKind.ORDER)).containsAll(glances).hasSize(50);
    assertThat(signals)
        .filteredOn(s -> glances.contains(s.id()))
        .allSatisfy(s -> assertThat(s.strength()).isEqualTo(SalesSurgeDetector.GLANCE_STRENGTH));
  }

  @Test
  void glancesAlone_neverStartASurge() {
    // a crowd that only glances (impatient flash-sale buyers) is not unviewed: no alarm
    organic(T0, T0 + 14 * DAY, 6, 0);
    long start = T0 + 10 * DAY + 9 * HOUR;
    for (int k = 0; k < 60; k++) {
      long at = start + rnd.nextLong(6 * HOUR);
      view("g" + k, at, 3_000, null);
      order("g" + k, at + 5_000);
    }
    assertThat(run()).isEmpty();
  }

  @Test
  void newShop_withoutHistory_doesNotAlarmOnAHandfulOfOrders() {
    for (int k = 0; k < 8; k++) {
      order("n" + k, T0 + k * 10 * 60_000);
    }
    for (int k = 0; k < 20; k++) {
      order("b" + k, T0 + DAY + k * 1_000); // a burst within seconds, on its second day
    }
    assertThat(run()).isEmpty();
  }

  @Test
  void viewsOlderThanTheLookback_doNotCount() {
    organic(T0, T0 + 14 * DAY, 6, 0);
    long start = T0 + 10 * DAY + 9 * HOUR;
    Set<String> stale = new java.util.HashSet<>();
    for (int k = 0; k < 40; k++) {
      long at = start + rnd.nextLong(12 * HOUR);
      view("w" + k, at - 7 * HOUR, 60_000, "tea"); // looked a day's part ago, beyond 6 h
      stale.add(order("w" + k, at));
    }
    assertThat(ids(run(), EntityKind.ORDER)).isEqualTo(stale);
  }

  @Test
  void stateIsDroppedAfterTheRetention() {
    organic(T0, T0 + 2 * DAY, 6, 0);
    run();
    assertThat(detector.isEmpty(state)).isFalse();
    long wake = 0;
    while (!context.wakes.isEmpty()) {
      wake = context.wakes.pollFirst();
      context.at("s1", wake);
      detector.onWake(state, wake, context);
    }
    assertThat(wake).isGreaterThanOrEqualTo(T0 + 2 * DAY + 29 * DAY);
    assertThat(detector.isEmpty(state)).isTrue();
  }
}
