package io.brushguard.flink;

import io.brushguard.event.Event;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.ingest.Reject;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The lateness rule, applied once, in input order: the core {@link EventTimeGate} admits or refuses
 * each event exactly as the embedded scan does. Late events go to {@link #LATE} as a {@link Reject}
 * (the same line the CLI writes to its rejects file) and are counted; admitted events go on, and
 * the watermarks derived from them ({@link LatenessWatermarks}) never make an admitted event late.
 *
 * <p>Runs with parallelism 1: lateness is defined over the order of the whole input. The gate's one
 * number (the latest admitted time) is checkpointed.
 */
final class AdmitInTime extends ProcessFunction<NumberedEvent, NumberedEvent>
    implements CheckpointedFunction {
  private static final long serialVersionUID = 1L;

  static final OutputTag<Reject> LATE = new OutputTag<>("late") {};

  private final long boundMillis;
  private transient EventTimeGate gate;
  private transient ListState<Long> checkpointedMaxTs;
  private transient Counters admitted;
  private transient Counters late;

  AdmitInTime(long boundMillis) {
    this.boundMillis = boundMillis;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    checkpointedMaxTs =
        context
            .getOperatorStateStore()
            .getListState(new ListStateDescriptor<>("gate-max-ts", Types.LONG));
    long maxTs = Long.MIN_VALUE;
    for (Long ts : checkpointedMaxTs.get()) {
      maxTs = Math.max(maxTs, ts);
    }
    gate = EventTimeGate.resumed(boundMillis, maxTs);
  }

  @Override
  public void open(OpenContext openContext) {
    admitted = Counters.register(getRuntimeContext(), Counters.EVENTS);
    late = Counters.register(getRuntimeContext(), Counters.LATE);
  }

  @Override
  public void processElement(NumberedEvent in, Context ctx, Collector<NumberedEvent> out) {
    Event e = in.event();
    if (gate.admit(e)) {
      admitted.inc();
      out.collect(in);
      return;
    }
    late.inc();
    ctx.output(LATE, Reject.late(e, in.line()));
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    checkpointedMaxTs.update(List.of(gate.maxTs()));
  }
}
