package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.event.Event;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Stamp;
import io.brushguard.flow.Topology;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stage state survives a checkpoint: every stage of the topology that reads only events (the
 * registry's detectors, the test detectors, the first stage of the test chain), run by the Flink
 * adapter on its events, snapshotted and restored into a fresh operator several times mid-stream,
 * emits exactly what it emits uninterrupted. The heap state backend's snapshot writes every key's
 * state, pending inputs and wake-ups through their serializers (Kryo), so a state a serializer
 * cannot carry fails here, whichever stage it belongs to. Stages fed by facts are covered by {@link
 * SavepointRestoreTest}.
 */
class StageRestoreTest {
  private static final DetectorFactory DETECTORS =
      FlinkScanEquivalenceTest.STANDARD_AND_TEST_DETECTORS;

  /** An admitted event and the watermark after it. */
  private record Step(Event event, long line, long watermark) {}

  static List<String> stageNames() {
    return topology().stages().stream()
        .filter(s -> !s.wiring().events().isEmpty() && s.wiring().consumes().isEmpty())
        .map(Stage::name)
        .toList();
  }

  private static Topology topology() {
    return DetectorRegistry.topology(
        BrushguardConfig.DEFAULT, DETECTORS.create(BrushguardConfig.DEFAULT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stageNames")
  void stage_restoredFromSnapshotsMidStream_emitsTheSameAsUninterrupted(String name)
      throws Exception {
    Properties p = new Properties();
    p.setProperty("lateness", "1m");
    JobSettings settings = new JobSettings(p, DETECTORS);
    int index = topology().stages().stream().map(Stage::name).toList().indexOf(name);
    String input =
        name.equals(io.brushguard.detect.surge.SalesSurgeDetector.NAME)
            ? surgeMarket(5)
            : MarketInput.generate(5, 1);
    List<Step> steps = admitted(input, settings.config());

    Map<String, List<Emitted>> uninterrupted = run(settings, index, name, steps, Integer.MAX_VALUE);
    Map<String, List<Emitted>> restored = run(settings, index, name, steps, 97);

    assertThat(uninterrupted).isNotEmpty();
    assertThat(restored).isEqualTo(uninterrupted);
  }

  /**
   * Input for the sales-surge stage, which needs days of a shop's own rhythm before it judges: two
   * shops whose buyers view then order for six days, then a day of orders with no view at one.
   */
  static String surgeMarket(long seed) {
    java.util.Random rnd = new java.util.Random(seed);
    java.util.TreeMap<Long, String> lines = new java.util.TreeMap<>();
    long t0 = MarketInput.T0;
    long hour = 3_600_000L;
    int n = 0;
    for (long t = t0; t < t0 + 7 * 24 * hour; t += hour) {
      for (String shop : new String[] {"s1", "s2"}) {
        if (rnd.nextBoolean()) {
          continue; // about twelve orders a day
        }
        long at = t + rnd.nextInt(3_000_000) + (lines.size() % 1000);
        String buyer = "u" + n;
        lines.put(
            at,
            "{\"type\":\"view\",\"account\":\""
                + buyer
                + "\",\"shop\":\""
                + shop
                + "\",\"item\":\"i1\",\"dwell_ms\":40000,\"query\":\"tea\",\"ts\":"
                + at
                + "}");
        lines.put(at + 60_000, order("o" + n++, buyer, shop, at + 60_000));
      }
    }
    long surge = t0 + 6 * 24 * hour;
    for (int k = 0; k < 80; k++) {
      long at = surge + rnd.nextInt(20 * 3_600_000) + k;
      lines.put(at, order("h" + k, "h" + (k % 50), "s1", at));
    }
    return String.join("\n", lines.values()) + "\n";
  }

  private static String order(String id, String buyer, String shop, long ts) {
    return "{\"type\":\"order\",\"order\":\""
        + id
        + "\",\"account\":\""
        + buyer
        + "\",\"shop\":\""
        + shop
        + "\",\"item\":\"i1\",\"amount\":1990,\"ts\":"
        + ts
        + "}";
  }

  /**
   * Runs one stage over the steps, snapshotting and restoring into a new operator every {@code
   * restoreEvery} events; returns what it emitted per emitting key, in order.
   */
  private static Map<String, List<Emitted>> run(
      JobSettings settings, int index, String name, List<Step> steps, int restoreEvery)
      throws Exception {
    Stage<?> stage = settings.stage(index, name);
    List<Emitted> out = new ArrayList<>();
    var harness = harness(settings, index, name, null);
    int sinceRestore = 0;
    int restores = 0;
    for (Step step : steps) {
      String key = keyOrNull(stage, step.event());
      if (key != null) {
        harness.processElement(
            new Routed(key, Stamp.ofEvent(step.event().ts(), step.line()), step.event()),
            step.event().ts());
      }
      harness.processWatermark(step.watermark());
      if (++sinceRestore == restoreEvery) {
        sinceRestore = 0;
        OperatorSubtaskState snapshot = harness.snapshot(++restores, restores);
        if (harness.numKeyedStateEntries() > 0) {
          out.addAll(harness.extractOutputValues());
          harness.close();
          harness = harness(settings, index, name, snapshot);
        }
      }
    }
    harness.processWatermark(Long.MAX_VALUE);
    out.addAll(harness.extractOutputValues());
    harness.close();
    if (restoreEvery != Integer.MAX_VALUE) {
      assertThat(restores).as("restores").isGreaterThan(3);
    }
    Map<String, List<Emitted>> byOrigin = new LinkedHashMap<>();
    for (Emitted e : out) {
      byOrigin.computeIfAbsent(e.stamp().key(), o -> new ArrayList<>()).add(e);
    }
    return byOrigin;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, Routed, Emitted> harness(
      JobSettings settings, int index, String name, OperatorSubtaskState restoreFrom)
      throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new StageFunction<>(settings, index, name)),
            Routed::key,
            Types.STRING);
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  private static String keyOrNull(Stage<?> s, Event e) {
    if (!s.wiring().events().contains(e.type())) {
      return null;
    }
    try {
      return s.keyOf(e);
    } catch (RuntimeException ex) {
      return null; // counted as a stage error by RouteEvents; not this test's concern
    }
  }

  /** The events the gate admits, in input order, with the watermark after each. */
  private static List<Step> admitted(String input, BrushguardConfig config) {
    EventTimeGate gate = new EventTimeGate(config.latenessMillis(), config.aheadMillis());
    List<Step> steps = new ArrayList<>();
    EventTimeGate.Sink admit =
        EventTimeGate.Sink.admittedOnly(
            (e, line) -> steps.add(new Step(e, line, gate.watermark())));
    new EventReader()
        .read(
            new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
            new EventReader.Sink() {
              @Override
              public void accept(Event e, long line) {
                gate.offer(e, line, admit);
              }

              @Override
              public void reject(Reject reject) {}
            });
    gate.finish(admit);
    return steps;
  }
}
