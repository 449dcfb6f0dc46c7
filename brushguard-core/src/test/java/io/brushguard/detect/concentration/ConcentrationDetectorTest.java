package io.brushguard.detect.concentration;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Order;
import io.brushguard.event.View;
import io.brushguard.flow.RecordingContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The detector driven by hand, the way a runtime drives it: events, then wake-ups in order. */
class ConcentrationDetectorTest {
  private static final long T0 = 1_740_830_400_000L;

  private final ConcentrationDetector detector =
      new ConcentrationDetector(ConcentrationDetector.Config.DEFAULT);
  private final ConcentrationDetector.ShopState state = detector.newState();
  private final RecordingContext context = new RecordingContext();
  private final TreeSet<Long> wakes = context.wakes;

  /** Everything the detector emitted so far, in order. */
  private List<Signal> signals() {
    return context.emitted.stream().map(f -> (Signal) f).toList();
  }

  private void order(String id, String buyer, long ts) {
    detector.onEvent(state, Order.of(id, buyer, "s1", "i1", 100, ts), context.at("s1", ts));
  }

  private void wakeUntil(long time) {
    while (!wakes.isEmpty() && wakes.first() <= time) {
      long now = wakes.pollFirst();
      detector.onWake(state, now, context.at("s1", now));
    }
  }

  private void order(String id, String buyer, long ts, String session) {
    detector.onEvent(
        state,
        new Order(
            id, buyer, "s1", "i1", 100, ts, 1, null, null, null, null, null, 0, null, session),
        context.at("s1", ts));
  }

  /** The latest strength per (entity, id): what the decision would hold. */
  private Map<String, Double> latest() {
    Map<String, Double> out = new TreeMap<>();
    for (Signal s : signals()) {
      out.put(s.entity() + ":" + s.id(), s.strength());
    }
    return out;
  }

  @Test
  void repeatedActs_corroborate_earlierOrdersRaised_shopBelowReview() {
    order("o1", "u1", T0);
    order("o2", "u1", T0 + 12 * 60_000);
    wakeUntil(T0 + 12 * 60_000 + 999);
    order("o3", "u1", T0 + 25 * 60_000);
    wakeUntil(T0 + 25 * 60_000 + 999);

    Map<String, Double> latest = latest();
    assertThat(latest).containsKeys("ORDER:o1", "ORDER:o2", "ORDER:o3", "ACCOUNT:u1", "SHOP:s1");
    assertThat(latest.get("ORDER:o1")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest.get("ORDER:o2")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest.get("ORDER:o3")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest.get("ACCOUNT:u1")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest.get("SHOP:s1")).isLessThan(0.5);
  }

  private void view(String session, long ts, String query, long dwellMs) {
    View v = new View("u1", "s1", ts, "i1", dwellMs, session, query);
    if (detector.keyOf(v) != null) {
      detector.onEvent(state, v, context.at("s1", ts));
    }
  }

  @Test
  void shopperWhoSearchesOrLooksEachTime_isNoRepeatedAct_aGlanceIs() {
    view("ss1", T0 - 30_000, "保温杯 大容量", 15_000);
    order("o1", "u1", T0, "ss1");
    view("ss2", T0 + 11 * 60_000 - 40_000, null, 35_000);
    order("o2", "u1", T0 + 11 * 60_000, "ss2");
    view("ss3", T0 + 22 * 60_000 - 10_000, null, 4_000); // a glance: no engagement
    order("o3", "u1", T0 + 22 * 60_000, "ss3");
    wakeUntil(T0 + 22 * 60_000 + 999);
    assertThat(latest().values()).allSatisfy(v -> assertThat(v).isLessThan(0.3));

    order("o4", "u1", T0 + 33 * 60_000, "ss4"); // no view at all
    order("o5", "u1", T0 + 44 * 60_000, "ss5");
    wakeUntil(T0 + 3 * 3_600_000L);

    assertThat(latest().get("ORDER:o5")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest().get("ORDER:o1")).isGreaterThanOrEqualTo(0.6);
    assertThat(detector.isEmpty(state)).as("tally kept").isFalse();
  }

  @Test
  void engagedViewsAlone_areForgottenAfterTheWindow() {
    view("ss1", T0, "q", 40_000);
    assertThat(detector.isEmpty(state)).isFalse();
    wakeUntil(T0 + ConcentrationDetector.SESSION_RETENTION_WINDOWS * 3_600_000L);
    assertThat(detector.isEmpty(state)).isFalse(); // kept, though the view no longer counts
    wakeUntil(T0 + (ConcentrationDetector.SESSION_RETENTION_WINDOWS + 1) * 3_600_000L);
    assertThat(detector.isEmpty(state)).isTrue();
  }

  @Test
  void oneShoppingAct_staysBelowReview_evenWithManyOrders() {
    // a gift order to five addresses from one session: the count reaches the ratio, nothing else
    for (int k = 0; k < 5; k++) {
      order("o" + k, "u1", T0 + k * 40_000L, "ss1");
    }
    wakeUntil(T0 + 3 * 3_600_000L);

    assertThat(latest()).containsKeys("ORDER:o0", "ORDER:o4", "ACCOUNT:u1");
    assertThat(latest().values()).allSatisfy(v -> assertThat(v).isLessThan(0.3));
  }

  @Test
  void ordersMinutesApartWithoutSession_areOneAct() {
    order("o1", "u1", T0);
    order("o2", "u1", T0 + 60_000);
    order("o3", "u1", T0 + 120_000);
    wakeUntil(T0 + 121_000);

    assertThat(latest()).containsKeys("ORDER:o1", "ORDER:o2", "ORDER:o3", "ACCOUNT:u1", "SHOP:s1");
    assertThat(latest().values()).allSatisfy(v -> assertThat(v).isLessThan(0.5));
  }

  @Test
  void organisedShop_twoBuyersAtTheRatio_corroborateEachOther() {
    for (int k = 0; k < 3; k++) {
      order("a" + k, "u1", T0 + k * 60_000L, "ss1");
    }
    wakeUntil(T0 + 3 * 60_000L);
    assertThat(latest().get("ORDER:a0")).isLessThan(0.3);
    for (int k = 0; k < 3; k++) {
      order("b" + k, "u2", T0 + 5 * 60_000L + k * 60_000L, "ss2");
    }
    wakeUntil(T0 + 3_600_000L);

    Map<String, Double> latest = latest();
    for (String id : new String[] {"a0", "a1", "a2", "b0", "b1", "b2"}) {
      assertThat(latest.get("ORDER:" + id)).as(id).isGreaterThanOrEqualTo(0.6);
    }
    assertThat(latest.get("ACCOUNT:u1")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest.get("ACCOUNT:u2")).isGreaterThanOrEqualTo(0.6);
  }

  private void cancel(String order, String buyer, long ts) {
    detector.onFact(state, new Cancelled(order, "s1", buyer, ts), context.at("s1", ts));
  }

  @Test
  void reorderAfterMistakes_cancelledOrdersAreNoRepeatedActs() {
    order("o1", "u1", T0, "ss1");
    cancel("o1", "u1", T0 + 3 * 60_000L);
    order("o2", "u1", T0 + 12 * 60_000L, "ss2");
    cancel("o2", "u1", T0 + 14 * 60_000L);
    order("o3", "u1", T0 + 25 * 60_000L, "ss3");
    wakeUntil(T0 + 3 * 3_600_000L);

    assertThat(latest().values()).allSatisfy(v -> assertThat(v).isLessThan(0.3));
  }

  @Test
  void cancellationAfterCorroboration_lowersTheBuyerAgain_andWithdrawsTheOrder() {
    order("o1", "u1", T0, "ss1");
    order("o2", "u1", T0 + 12 * 60_000L, "ss2");
    order("o3", "u1", T0 + 25 * 60_000L, "ss3");
    wakeUntil(T0 + 25 * 60_000L + 999);
    assertThat(latest().get("ORDER:o1")).isGreaterThanOrEqualTo(0.6);

    cancel("o2", "u1", T0 + 30 * 60_000L);

    assertThat(latest().get("ORDER:o2")).isZero();
    assertThat(latest().get("ORDER:o1")).isLessThan(0.3);
    assertThat(latest().get("ORDER:o3")).isLessThan(0.3);
    assertThat(latest().get("ACCOUNT:u1")).isLessThan(0.3);
  }

  @Test
  void episodesApart_doNotCorroborate_twoBuyersInOneWindowDo() {
    for (int k = 0; k < 3; k++) {
      order("a" + k, "u1", T0 + k * 60_000L, "ss1");
    }
    wakeUntil(T0 + 2 * 3_600_000L);
    long later = T0 + 9 * 86_400_000L;
    for (int k = 0; k < 3; k++) {
      order("b" + k, "u9", later + k * 60_000L, "ss9");
    }
    wakeUntil(later + 2 * 3_600_000L);
    assertThat(latest().get("ORDER:b0")).isLessThan(0.3);
    assertThat(latest().get("ORDER:a0")).isLessThan(0.3);

    long evening = later + 40 * 60_000L;
    for (int k = 0; k < 3; k++) {
      order("c" + k, "u5", evening + k * 60_000L, "ss5");
    }
    wakeUntil(evening + 2 * 3_600_000L);

    assertThat(latest().get("ORDER:c0")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest().get("ORDER:b0"))
        .as("forty minutes before, raised")
        .isGreaterThanOrEqualTo(0.6);
    assertThat(latest().get("ORDER:a0")).as("nine days before").isLessThan(0.3);
  }

  @Test
  void aStrangersSingleOrderInsideTheWindow_isNeverRaised() {
    order("a0", "u1", T0);
    order("a1", "u1", T0 + 12 * 60_000L);
    order("x", "u7", T0 + 20 * 60_000L);
    order("a2", "u1", T0 + 24 * 60_000L);
    order("a3", "u1", T0 + 36 * 60_000L);
    order("a4", "u1", T0 + 48 * 60_000L);
    wakeUntil(T0 + 4 * 3_600_000L);

    assertThat(latest().get("ORDER:a0")).isGreaterThanOrEqualTo(0.6);
    assertThat(latest().get("ORDER:x")).isLessThan(0.3);
    assertThat(latest()).doesNotContainKey("ACCOUNT:u7");
  }

  @Test
  void quietShop_dropsItsStateOnceTheTallyExpires() {
    order("o1", "u1", T0);
    order("o2", "u1", T0 + 60_000);
    order("o3", "u1", T0 + 120_000);
    wakeUntil(T0 + 3 * 3_600_000L);
    assertThat(detector.isEmpty(state)).as("tally still counts").isFalse();

    wakeUntil(T0 + 31 * 86_400_000L);

    assertThat(detector.isEmpty(state)).isTrue();
    assertThat(wakes).isEmpty();
  }

  @Test
  void quietShopWithoutBrushing_holdsNothingAfterTheWindow() {
    order("o1", "u1", T0);
    order("o2", "u2", T0 + 60_000);
    wakeUntil(T0 + 2 * 3_600_000L);

    assertThat(detector.isEmpty(state)).isTrue();
    assertThat(signals()).isEmpty();
  }

  /**
   * Thousands of buyers tied as the shop's top buyer: each brushing order used to rebuild and
   * re-emit the whole list of leaders, quadratic in the orders. Now the shop's signal names a
   * bounded number of them, once per call, and the signals() stay linear in the orders.
   */
  @Test
  void manyBuyersTiedAtTheTop_shopSignalNamesABoundedFew_signalsStayLinear() {
    int buyers = 8_000;
    for (int round = 0; round < 3; round++) { // every buyer three orders within the hour
      for (int b = 0; b < buyers; b++) {
        long ts = T0 + round * 1_000_000L + b * 100L;
        order("o" + round + "-" + b, "u" + b, ts);
        wakeUntil(ts - 1);
      }
    }
    wakeUntil(Long.MAX_VALUE);

    int orders = 3 * buyers;
    Signal shop =
        signals().stream().filter(sig -> sig.entity() == EntityKind.SHOP).reduce((a, b) -> b).get();
    assertThat(shop.detail()).endsWith("a competitor may be framing the shop)");
    assertThat(shop.detail()).contains(" and " + (buyers - ConcentrationDetector.LISTED) + " more");
    assertThat(shop.detail().length()).isLessThan(400);
    assertThat(signals().size()).as("signals() per order, bounded").isLessThan(4 * orders);
    assertThat(signals().stream().filter(sig -> sig.entity() == EntityKind.SHOP).count())
        .as("the shop's signal at most once per call")
        .isLessThanOrEqualTo(orders);
  }
}
