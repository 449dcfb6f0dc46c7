package io.brushguard.flink;

import io.brushguard.event.Event;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Stamp;
import io.brushguard.flow.Topology;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes admitted events to every stage that reads their type, one side output per stage ({@link
 * #to}): computes each stage's key once, before the shuffle, and stamps the event with its time and
 * input line. One operator for all stages, at the job's parallelism, so an event crosses from the
 * parallelism-1 gate to the routing tasks once, not once per stage. A stage whose {@code keyOf}
 * throws is counted as a stage error, as in the embedded runtime, and the event goes on to the
 * other stages.
 */
final class RouteEvents extends ProcessFunction<NumberedEvent, Routed> {
  private static final long serialVersionUID = 2L;
  private static final Logger LOG = LoggerFactory.getLogger(RouteEvents.class);

  private final JobSettings settings;
  private final List<String> names;
  private transient Topology topology;
  private transient OutputTag<Routed>[] tags;
  private transient Counters errors;

  /**
   * @param names the names of the topology's stages, in rank order (checked against the tasks' own
   *     topology)
   */
  RouteEvents(JobSettings settings, List<String> names) {
    this.settings = settings;
    this.names = List.copyOf(names);
  }

  /** The side output that carries the events of stage {@code index}. */
  static OutputTag<Routed> to(int index, String name) {
    return new OutputTag<>("to-" + index + "-" + name, Serializers.ROUTED);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(OpenContext openContext) {
    topology = settings.topology();
    tags = new OutputTag[names.size()];
    for (int i = 0; i < names.size(); i++) {
      Stage<?> s = topology.stage(i);
      if (!s.name().equals(names.get(i))) {
        throw new IllegalStateException(
            "stage " + i + " is \"" + s.name() + "\", the job expected \"" + names.get(i) + "\"");
      }
      tags[i] = to(i, s.name());
    }
    errors = Counters.register(getRuntimeContext(), Counters.DETECTOR_ERRORS);
  }

  @Override
  public void processElement(NumberedEvent in, Context ctx, Collector<Routed> out) {
    Event e = in.event();
    Stamp stamp = null;
    for (int i : topology.consumersOf(e.type())) {
      Stage<?> stage = topology.stage(i);
      String key;
      try {
        key = stage.keyOf(e);
      } catch (RuntimeException ex) {
        errors.inc();
        LOG.warn(
            "stage {} failed to key {} at {}: {}",
            stage.name(),
            e.type().wire(),
            e.ts(),
            ex.toString());
        continue;
      }
      if (key != null) {
        if (stamp == null) {
          stamp = Stamp.ofEvent(e.ts(), in.line());
        }
        ctx.output(tags[i], new Routed(key, stamp, e));
      }
    }
  }
}
