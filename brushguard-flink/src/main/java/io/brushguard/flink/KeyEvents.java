package io.brushguard.flink;

import io.brushguard.detect.Detector;
import io.brushguard.event.Event;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes one detector's {@link Detector#keyOf key} once per event, before the shuffle, and drops
 * the events the detector skips (null key). A detector whose {@code keyOf} throws is counted as a
 * detector error, as in the embedded runtime, and the event goes on to the other detectors.
 */
final class KeyEvents extends ProcessFunction<Event, KeyedEvent> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(KeyEvents.class);

  private final JobSettings settings;
  private final int index;
  private final String name;
  private transient Detector<?> detector;
  private transient Counters errors;

  KeyEvents(JobSettings settings, int index, String name) {
    this.settings = settings;
    this.index = index;
    this.name = name;
  }

  @Override
  public void open(OpenContext openContext) {
    detector = settings.detector(index, name);
    errors = Counters.register(getRuntimeContext(), Counters.DETECTOR_ERRORS);
  }

  @Override
  public void processElement(Event e, Context ctx, Collector<KeyedEvent> out) {
    String key;
    try {
      key = detector.keyOf(e);
    } catch (RuntimeException ex) {
      errors.inc();
      LOG.warn(
          "detector {} failed to key {} at {}: {}", name, e.type().wire(), e.ts(), ex.toString());
      return;
    }
    if (key != null) {
      out.collect(new KeyedEvent(key, e));
    }
  }
}
