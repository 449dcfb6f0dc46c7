package io.brushguard.flink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Puts lines parsed in parallel back into input order: a reorder buffer over {@link Line#seq}, at
 * parallelism 1, before {@link AdmitInTime}, whose rule is defined over the input's order.
 *
 * <p>A parsed line is released when every line before it has been; one that arrives early waits.
 * Rejected lines fill their place and release nothing. <b>Bound</b>: the lines in flight between
 * the source and here (the parse tasks' network buffers), a few thousand. With aligned checkpoints
 * the buffer is empty at every barrier (the source emitted a contiguous prefix, all of it arrived);
 * its state (the next sequence number, any early lines) is still checkpointed, so unaligned
 * checkpoints restore too.
 */
final class RestoreOrder extends AbstractStreamOperator<NumberedEvent>
    implements OneInputStreamOperator<Sequenced, NumberedEvent>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  private transient long next;
  private transient Map<Long, Sequenced> early;
  private transient ListState<Long> checkpointedNext;
  private transient ListState<Sequenced> checkpointedEarly;

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    checkpointedNext =
        context
            .getOperatorStateStore()
            .getListState(new ListStateDescriptor<>("order-next", Types.LONG));
    checkpointedEarly =
        context
            .getOperatorStateStore()
            .getListState(new ListStateDescriptor<>("order-early", Serializers.SEQUENCED));
    next = 0;
    for (Long n : checkpointedNext.get()) {
      next = Math.max(next, n);
    }
    early = new HashMap<>();
    for (Sequenced s : checkpointedEarly.get()) {
      early.put(s.seq(), s);
    }
  }

  @Override
  public void processElement(StreamRecord<Sequenced> in) {
    Sequenced s = in.getValue();
    if (s.seq() != next) {
      early.put(s.seq(), s);
      return;
    }
    release(s);
    while (!early.isEmpty() && (s = early.remove(next)) != null) {
      release(s);
    }
  }

  private void release(Sequenced s) {
    next++;
    if (s.event() != null) {
      output.collect(new StreamRecord<>(s.event()));
    }
  }

  @Override
  public void endInput() {
    if (!early.isEmpty()) {
      throw new IllegalStateException(
          "input ended with " + early.size() + " lines waiting for line sequence " + next);
    }
  }

  @Override
  public void snapshotState(StateSnapshotContext context) throws Exception {
    super.snapshotState(context);
    checkpointedNext.update(List.of(next));
    checkpointedEarly.update(new ArrayList<>(early.values()));
  }
}
