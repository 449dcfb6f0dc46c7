package io.brushguard.flink;

import io.brushguard.flow.Stage;
import io.brushguard.flow.Stamp;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes admitted events to one stage: keeps the types the stage reads, computes its key once,
 * before the shuffle, and stamps each event with its time and input line. A stage whose {@code
 * keyOf} throws is counted as a stage error, as in the embedded runtime, and the event goes on to
 * the other stages.
 */
final class RouteEvents extends ProcessFunction<NumberedEvent, Routed> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RouteEvents.class);

  private final JobSettings settings;
  private final int index;
  private final String name;
  private transient Stage<?> stage;
  private transient Counters errors;

  RouteEvents(JobSettings settings, int index, String name) {
    this.settings = settings;
    this.index = index;
    this.name = name;
  }

  @Override
  public void open(OpenContext openContext) {
    stage = settings.stage(index, name);
    errors = Counters.register(getRuntimeContext(), Counters.DETECTOR_ERRORS);
  }

  @Override
  public void processElement(NumberedEvent in, Context ctx, Collector<Routed> out) {
    if (!stage.wiring().events().contains(in.event().type())) {
      return;
    }
    String key;
    try {
      key = stage.keyOf(in.event());
    } catch (RuntimeException ex) {
      errors.inc();
      LOG.warn(
          "stage {} failed to key {} at {}: {}",
          name,
          in.event().type().wire(),
          in.event().ts(),
          ex.toString());
      return;
    }
    if (key != null) {
      out.collect(new Routed(key, Stamp.ofEvent(in.event().ts(), in.line()), in.event()));
    }
  }
}
