package io.brushguard.detect.concentration;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Event;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.flow.RecordingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refunds joined to their orders, driven key by key as a runtime would. */
class CancellationsTest {
  private static final long T0 = 1_740_830_400_000L;

  private final Cancellations stage = new Cancellations();
  private final Map<String, Cancellations.State> states = new HashMap<>();
  private final Map<String, RecordingContext> contexts = new HashMap<>();
  private final List<Cancelled> out = new ArrayList<>();

  private void feed(Event e) {
    String key = stage.keyOf(e);
    if (key == null) {
      return;
    }
    runWakes(e.ts() - 1);
    Cancellations.State s = states.computeIfAbsent(key, k -> stage.newState());
    stage.onEvent(s, e, context(key, e.ts()));
    collect();
  }

  private void runWakes(long upTo) {
    for (Map.Entry<String, RecordingContext> c : contexts.entrySet()) {
      while (!c.getValue().wakes.isEmpty() && c.getValue().wakes.first() <= upTo) {
        long t = c.getValue().wakes.pollFirst();
        stage.onWake(states.get(c.getKey()), t, context(c.getKey(), t));
      }
    }
    collect();
  }

  private RecordingContext context(String key, long now) {
    return contexts.computeIfAbsent(key, k -> new RecordingContext()).at(key, now);
  }

  private void collect() {
    for (RecordingContext c : contexts.values()) {
      c.take().forEach(f -> out.add((Cancelled) f));
    }
  }

  private static Payment refund(String id, String order, long ts) {
    return new Payment(id, "pay-shop", "pay-u1", 100, ts, Payment.Kind.REFUND, order, null, null);
  }

  @Test
  void refundSoonAfterTheOrder_isACancellationSentToTheShop() {
    feed(Order.of("o1", "u1", "s1", "i1", 100, T0));
    feed(refund("p1", "o1", T0 + 5 * 60_000L));

    assertThat(out).containsExactly(new Cancelled("o1", "s1", "u1", T0 + 5 * 60_000L));
    feed(refund("p2", "o1", T0 + 6 * 60_000L));
    assertThat(out).hasSize(1); // a refund joins once
  }

  @Test
  void refundAtTheEndOfTheWindow_joins_oneLater_doesNot() {
    feed(Order.of("o1", "u1", "s1", "i1", 100, T0));
    feed(Order.of("o2", "u2", "s2", "i1", 100, T0 + 1));
    feed(refund("p1", "o1", T0 + Cancellations.WITHIN_MILLIS));
    feed(refund("p2", "o2", T0 + 2 + Cancellations.WITHIN_MILLIS));

    assertThat(out)
        .containsExactly(new Cancelled("o1", "s1", "u1", T0 + Cancellations.WITHIN_MILLIS));
  }

  @Test
  void manyOrdersOfOneBucket_eachJoinsItsOwnRefund() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; ids.size() < 40; i++) {
      if (Cancellations.bucketOf("o" + i).equals(Cancellations.bucketOf("o0"))) {
        ids.add("o" + i);
      }
    }
    for (int i = 0; i < ids.size(); i++) {
      feed(Order.of(ids.get(i), "u" + i, "s" + i, "i1", 100, T0 + i * 120_000L));
    }
    // refunded in order after the last one: the first ones are past the window by then
    long refunds = T0 + ids.size() * 120_000L;
    List<Cancelled> expected = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      long ts = refunds + i * 1000L;
      feed(refund("p" + i, ids.get(i), ts));
      if (ts - (T0 + i * 120_000L) <= Cancellations.WITHIN_MILLIS) {
        expected.add(new Cancelled(ids.get(i), "s" + i, "u" + i, ts));
      }
    }
    assertThat(expected).hasSizeBetween(20, 35);
    assertThat(out).containsExactlyElementsOf(expected);
  }

  @Test
  void anOrderDeliveredAgainAfterItsWindow_isHeldAnew() {
    feed(Order.of("o1", "u1", "s1", "i1", 100, T0));
    feed(Order.of("o1", "u1", "s1", "i1", 100, T0 + 2 * Cancellations.WITHIN_MILLIS));
    feed(refund("p1", "o1", T0 + 2 * Cancellations.WITHIN_MILLIS + 60_000L));

    assertThat(out).hasSize(1);
  }

  @Test
  void lateRefund_aReturn_isNoCancellation_andTheOrderIsForgotten() {
    feed(Order.of("o1", "u1", "s1", "i1", 100, T0));
    runWakes(T0 + 2 * Cancellations.WITHIN_MILLIS);
    assertThat(stage.isEmpty(states.get(Cancellations.bucketOf("o1")))).isTrue();
    feed(refund("p1", "o1", T0 + 3 * 86_400_000L));

    assertThat(out).isEmpty();
  }

  @Test
  void otherPayments_areNotRouted() {
    assertThat(
            stage.keyOf(new Payment("p1", "a", "b", 100, T0, Payment.Kind.ORDER, "o1", null, null)))
        .isNull();
    assertThat(stage.keyOf(refund("p2", null, T0))).isNull();
  }
}
