package io.brushguard.flink;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.Counter;

/**
 * The job's counts, each kept twice: as a metric (live, per subtask, in the web UI and reporters)
 * and as an accumulator (summed over subtasks in the job result, for the summary line).
 */
final class Counters {
  static final String EVENTS = "events";
  static final String REJECTED = "rejected";
  static final String LATE = "late";
  static final String DETECTOR_ERRORS = "detector_errors";
  static final String FINDING_UPDATES = "finding_updates";

  private final LongCounter total;
  private final Counter metric;

  private Counters(LongCounter total, Counter metric) {
    this.total = total;
    this.metric = metric;
  }

  /**
   * Registers the named count for this operator; call from {@code open}. Operators chained into one
   * task share the task's accumulator of that name.
   */
  static Counters register(RuntimeContext context, String name) {
    return new Counters(context.getLongCounter(name), context.getMetricGroup().counter(name));
  }

  void inc() {
    total.add(1);
    metric.inc();
  }
}
