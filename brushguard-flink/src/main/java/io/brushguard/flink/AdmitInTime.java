package io.brushguard.flink;

import io.brushguard.event.Event;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.ingest.Reject;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The event-time rule, applied once, in input order: the core {@link EventTimeGate} admits or
 * refuses each event exactly as the embedded scan does. Refused events go to {@link #REFUSED} as a
 * {@link Reject} (the same line the CLI writes to its rejects file): late ones counted as late,
 * ones far ahead as rejected. Admitted events go on with their line number, in input order, and the
 * watermarks derived from them ({@link LatenessWatermarks}) never make an admitted event late.
 *
 * <p>Runs with parallelism 1: the rule is defined over the order of the whole input. The gate's
 * state (the latest admitted time and the few events it holds back) is checkpointed. An operator
 * rather than a function, because the events still held at the end of input must be decided then:
 * before the final watermark goes on ({@link #processWatermark}), so none arrives behind it.
 */
final class AdmitInTime extends AbstractStreamOperator<NumberedEvent>
    implements OneInputStreamOperator<NumberedEvent, NumberedEvent>, BoundedOneInput {
  private static final long serialVersionUID = 2L;

  static final OutputTag<Reject> REFUSED = new OutputTag<>("refused") {};

  private final long boundMillis;
  private final long aheadMillis;
  private transient EventTimeGate gate;
  private transient ListState<Long> checkpointedMaxTs;
  private transient ListState<NumberedEvent> checkpointedHeld;
  private transient Decisions decisions;
  private transient boolean finished;

  AdmitInTime(long boundMillis, long aheadMillis) {
    this.boundMillis = boundMillis;
    this.aheadMillis = aheadMillis;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    checkpointedMaxTs =
        context
            .getOperatorStateStore()
            .getListState(new ListStateDescriptor<>("gate-max-ts", Types.LONG));
    checkpointedHeld =
        context
            .getOperatorStateStore()
            .getListState(new ListStateDescriptor<>("gate-held", Serializers.NUMBERED_EVENT));
    long maxTs = Long.MIN_VALUE;
    for (Long ts : checkpointedMaxTs.get()) {
      maxTs = Math.max(maxTs, ts);
    }
    List<EventTimeGate.Held> held = new ArrayList<>();
    for (NumberedEvent e : checkpointedHeld.get()) {
      held.add(new EventTimeGate.Held(e.event(), e.line()));
    }
    gate =
        EventTimeGate.restored(boundMillis, aheadMillis, new EventTimeGate.Snapshot(maxTs, held));
  }

  @Override
  public void open() throws Exception {
    super.open();
    decisions =
        new Decisions(
            Counters.register(getRuntimeContext(), Counters.EVENTS),
            Counters.register(getRuntimeContext(), Counters.LATE),
            Counters.register(getRuntimeContext(), Counters.REJECTED));
  }

  @Override
  public void processElement(StreamRecord<NumberedEvent> in) {
    NumberedEvent e = in.getValue();
    gate.offer(e.event(), e.line(), decisions);
  }

  /** The final watermark: decide every held event first, so they go out before it. */
  @Override
  public void processWatermark(Watermark mark) throws Exception {
    if (mark.getTimestamp() == Long.MAX_VALUE) {
      endInput();
    }
    super.processWatermark(mark);
  }

  @Override
  public void endInput() {
    if (!finished) {
      finished = true;
      gate.finish(decisions);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    EventTimeGate.Snapshot s = gate.snapshot();
    checkpointedMaxTs.update(List.of(s.maxTs()));
    List<NumberedEvent> held = new ArrayList<>();
    for (EventTimeGate.Held h : s.held()) {
      held.add(new NumberedEvent(h.event(), h.line()));
    }
    checkpointedHeld.update(held);
  }

  /** The gate's decisions, out to the operator's outputs. */
  private final class Decisions implements EventTimeGate.Sink {
    private final Counters admitted;
    private final Counters late;
    private final Counters rejected;

    Decisions(Counters admitted, Counters late, Counters rejected) {
      this.admitted = admitted;
      this.late = late;
      this.rejected = rejected;
    }

    @Override
    public void admitted(Event event, long line) {
      admitted.inc();
      output.collect(new StreamRecord<>(new NumberedEvent(event, line)));
    }

    @Override
    public void late(Event event, long line) {
      late.inc();
      output.collect(REFUSED, new StreamRecord<>(Reject.late(event, line)));
    }

    @Override
    public void ahead(Event event, long line, long streamTs) {
      rejected.inc();
      output.collect(REFUSED, new StreamRecord<>(Reject.ahead(event, line, aheadMillis, streamTs)));
    }
  }
}
