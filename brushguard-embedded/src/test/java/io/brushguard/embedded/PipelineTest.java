package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The embedded runtime without an end: updates come out as soon as event time allows. */
class PipelineTest {
  private static final long T0 = 1_740_830_400_000L; // 2025-03-01T12:00:00Z
  private static final long MINUTE = 60_000;

  /** An order from a session of its own: one buyer's orders are separate shopping acts. */
  private static Order order(String id, String account, String shop, long ts) {
    return new Order(
        id, account, shop, "i1", 100, ts, 1, "CNY", null, null, null, null, 0, null, "ss-" + id);
  }

  @Test
  void findings_comeOutOnceTheWatermarkPassesTheEvidence_notAtTheEnd() {
    BrushguardConfig config = BrushguardConfig.DEFAULT.withLatenessMillis(MINUTE);
    List<Finding> updates = new ArrayList<>();
    Pipeline pipeline =
        new Pipeline(
            config,
            DetectorRegistry.standard(config),
            new Pipeline.Listener() {
              @Override
              public void finding(Finding f) {
                updates.add(f);
              }
            });
    long line = 0;
    for (int i = 0; i < 3; i++) { // one buyer, three orders in three seconds, three sessions
      pipeline.accept(order("o" + i, "u1", "s1", T0 + i * 1000), ++line);
    }
    for (int i = 1; i <= 8; i++) { // other shops' orders move event time on
      pipeline.accept(order("x" + i, "u" + (10 + i), "s" + (10 + i), T0 + i * 5_000), ++line);
    }
    assertThat(updates).as("not yet: the watermark is still behind the burst").isEmpty();

    pipeline.accept(order("x9", "u99", "s99", T0 + 2 * MINUTE + 5_000), ++line);

    Map<String, Finding> latest = new TreeMap<>();
    updates.forEach(f -> latest.put(f.entity() + ":" + f.id(), f));
    assertThat(latest.keySet())
        .as("the burst's second is over once the watermark passes it")
        .containsExactlyInAnyOrder("ORDER:o0", "ORDER:o1", "ORDER:o2", "ACCOUNT:u1", "SHOP:s1");
    assertThat(latest.values())
        .as("orders and buyer to review; the shop's own signal stays below it")
        .allSatisfy(
            f ->
                assertThat(f.action())
                    .isEqualTo(f.entity() == EntityKind.SHOP ? Action.ALLOW : Action.REVIEW));
    assertThat(updates)
        .as("decided at the end of the burst's last second, in event time")
        .allSatisfy(f -> assertThat(f.ts()).isEqualTo(T0 + 2_999));
    int before = updates.size();
    pipeline.finish();
    assertThat(updates.size()).isGreaterThanOrEqualTo(before);
  }
}
