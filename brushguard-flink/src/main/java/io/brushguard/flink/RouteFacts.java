package io.brushguard.flink;

import io.brushguard.flow.Stage;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the facts of one producing stage to one consuming stage: keeps the fact types the consumer
 * reads and computes its key once, before the shuffle; the stamp travels unchanged. A failing
 * {@code keyOf} is counted as a stage error, as in the embedded runtime.
 */
final class RouteFacts extends ProcessFunction<Emitted, Routed> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(RouteFacts.class);

  private final JobSettings settings;
  private final int index;
  private final String name;
  private transient Stage<?> stage;
  private transient Counters errors;

  RouteFacts(JobSettings settings, int index, String name) {
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
  public void processElement(Emitted in, Context ctx, Collector<Routed> out) {
    if (!stage.wiring().consumes().contains(in.fact().getClass())) {
      return;
    }
    String key;
    try {
      key = stage.keyOf(in.fact());
    } catch (RuntimeException ex) {
      errors.inc();
      LOG.warn(
          "stage {} failed to key {}: {}",
          name,
          in.fact().getClass().getSimpleName(),
          ex.toString());
      return;
    }
    if (key != null) {
      out.collect(new Routed(key, in.stamp(), in.fact()));
    }
  }
}
