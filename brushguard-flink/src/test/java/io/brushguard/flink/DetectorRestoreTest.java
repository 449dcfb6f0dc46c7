package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Detector;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
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
 * Detector state survives a checkpoint: every detector of the registry (and the test detectors),
 * run by the Flink adapter, snapshotted and restored into a fresh operator several times
 * mid-stream, says exactly what it says uninterrupted. The heap state backend's snapshot writes
 * every key's state, pending events and wake-ups through their serializers (Kryo), so a state a
 * serializer cannot carry fails here, whichever detector it belongs to.
 */
class DetectorRestoreTest {
  private static final DetectorFactory DETECTORS =
      FlinkScanEquivalenceTest.STANDARD_AND_TEST_DETECTORS;

  /** An admitted event and the watermark after it. */
  private record Step(Event event, long watermark) {}

  static List<String> detectorNames() {
    return DETECTORS.create(BrushguardConfig.DEFAULT).stream().map(Detector::name).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("detectorNames")
  void detector_restoredFromSnapshotsMidStream_saysTheSameAsUninterrupted(String name)
      throws Exception {
    Properties p = new Properties();
    p.setProperty("lateness", "1m");
    JobSettings settings = new JobSettings(p, DETECTORS);
    int index = detectorNames().indexOf(name);
    List<Step> steps = admitted(MarketInput.generate(5, 1), settings.config());

    Map<String, List<Signal>> uninterrupted = run(settings, index, name, steps, Integer.MAX_VALUE);
    Map<String, List<Signal>> restored = run(settings, index, name, steps, 97);

    assertThat(uninterrupted).isNotEmpty();
    assertThat(restored).isEqualTo(uninterrupted);
  }

  /**
   * Runs one detector over the steps, snapshotting and restoring into a new operator every {@code
   * restoreEvery} events; returns the signals per origin, in order.
   */
  private static Map<String, List<Signal>> run(
      JobSettings settings, int index, String name, List<Step> steps, int restoreEvery)
      throws Exception {
    Detector<?> detector = settings.detector(index, name);
    List<Signal> out = new ArrayList<>();
    var harness = harness(settings, index, name, null);
    int sinceRestore = 0;
    int restores = 0;
    for (Step step : steps) {
      String key = keyOrNull(detector, step.event());
      if (key != null) {
        harness.processElement(new KeyedEvent(key, step.event()), step.event().ts());
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
    Map<String, List<Signal>> byOrigin = new LinkedHashMap<>();
    for (Signal s : out) {
      byOrigin.computeIfAbsent(s.origin(), o -> new ArrayList<>()).add(s);
    }
    return byOrigin;
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, KeyedEvent, Signal> harness(
      JobSettings settings, int index, String name, OperatorSubtaskState restoreFrom)
      throws Exception {
    var h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new DetectorFunction<>(settings, index, name)),
            KeyedEvent::key,
            Types.STRING);
    if (restoreFrom != null) {
      h.initializeState(restoreFrom);
    }
    h.open();
    return h;
  }

  private static String keyOrNull(Detector<?> d, Event e) {
    try {
      return d.keyOf(e);
    } catch (RuntimeException ex) {
      return null; // counted as a detector error by KeyEvents; not this test's concern
    }
  }

  /** The events the gate admits, in input order, with the watermark after each. */
  private static List<Step> admitted(String input, BrushguardConfig config) {
    EventTimeGate gate = new EventTimeGate(config.latenessMillis(), config.aheadMillis());
    List<Step> steps = new ArrayList<>();
    EventTimeGate.Sink admit =
        EventTimeGate.Sink.admittedOnly(e -> steps.add(new Step(e, gate.watermark())));
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
