package io.brushguard.detect.concentration;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.Detector;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The detector driven by hand, the way a runtime drives it: events, then wake-ups in order. */
class ConcentrationDetectorTest {
  private static final long T0 = 1_740_830_400_000L;

  private final ConcentrationDetector detector =
      new ConcentrationDetector(ConcentrationDetector.Config.DEFAULT);
  private final ConcentrationDetector.ShopState state = detector.newState();
  private final List<Signal> signals = new ArrayList<>();
  private final TreeSet<Long> wakes = new TreeSet<>();
  private long now;

  private final Detector.Context context =
      new Detector.Context() {
        @Override
        public String key() {
          return "s1";
        }

        @Override
        public void emit(Signal signal) {
          signals.add(signal);
        }

        @Override
        public void wakeAt(long time) {
          wakes.add(Math.max(time, now + 1));
        }
      };

  private void order(String id, String buyer, long ts) {
    now = ts;
    detector.onEvent(state, Order.of(id, buyer, "s1", "i1", 100, ts), context);
  }

  private void wakeUntil(long time) {
    while (!wakes.isEmpty() && wakes.first() <= time) {
      now = wakes.pollFirst();
      detector.onWake(state, now, context);
    }
  }

  @Test
  void burst_signalsOrdersBuyerAndShop_theShopBelowReview() {
    order("o1", "u1", T0);
    order("o2", "u1", T0 + 60_000);
    order("o3", "u1", T0 + 120_000);
    wakeUntil(T0 + 121_000);

    assertThat(signals)
        .filteredOn(s -> s.entity() == EntityKind.ORDER)
        .extracting(Signal::id)
        .containsExactlyInAnyOrder("o1", "o2", "o3");
    assertThat(signals)
        .filteredOn(s -> s.entity() == EntityKind.SHOP)
        .allSatisfy(s -> assertThat(s.strength()).isLessThan(0.5));
    assertThat(signals)
        .filteredOn(s -> s.entity() == EntityKind.ACCOUNT)
        .last()
        .satisfies(s -> assertThat(s.strength()).isGreaterThanOrEqualTo(0.6));
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
    assertThat(signals).isEmpty();
  }

  /**
   * Thousands of buyers tied as the shop's top buyer: each brushing order used to rebuild and
   * re-emit the whole list of leaders, quadratic in the orders. Now the shop's signal names a
   * bounded number of them, once per call, and the signals stay linear in the orders.
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
        signals.stream().filter(sig -> sig.entity() == EntityKind.SHOP).reduce((a, b) -> b).get();
    assertThat(shop.detail()).endsWith("a competitor may be framing the shop)");
    assertThat(shop.detail()).contains(" and " + (buyers - ConcentrationDetector.LISTED) + " more");
    assertThat(shop.detail().length()).isLessThan(400);
    assertThat(signals.size()).as("signals per order, bounded").isLessThan(4 * orders);
    assertThat(signals.stream().filter(sig -> sig.entity() == EntityKind.SHOP).count())
        .as("the shop's signal at most once per call")
        .isLessThanOrEqualTo(orders);
  }
}
