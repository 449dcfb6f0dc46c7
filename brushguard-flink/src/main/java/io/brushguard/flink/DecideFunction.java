package io.brushguard.flink;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Verdict;
import io.brushguard.detect.Signal;
import io.brushguard.findings.FindingsFormat;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The decide step, keyed by entity: a core {@link Verdict} per entity; after each signal, the
 * entity's finding line ({@link FindingsFormat#finding}) when it differs from the last one written.
 * The output is therefore an update stream: the latest line per entity is its current finding, and
 * an {@code allow} line means an earlier finding was withdrawn. A verdict depends only on the set
 * of live signals, not their order, so the latest line per entity equals the embedded scan's
 * finding.
 *
 * <p>State per entity: the verdict (one entry per live code and origin) and the last line written;
 * both are dropped when the entity is clean again, and expire {@link #RETENTION} after the entity's
 * last signal, so a stream of 20 million fake orders does not keep 20 million verdicts forever.
 * Flink's state TTL counts processing time (it has no event-time mode): on a replay of old data,
 * retention is measured from when the job saw the signal.
 */
final class DecideFunction extends KeyedProcessFunction<String, Signal, String> {
  private static final long serialVersionUID = 1L;

  /** How long an entity's verdict outlives its last signal. */
  static final Duration RETENTION = Duration.ofDays(30);

  private final JobSettings settings;
  private transient DecisionPolicy policy;
  private transient ValueState<Verdict> verdict;
  private transient ValueState<String> written;
  private transient Counters updates;

  DecideFunction(JobSettings settings) {
    this.settings = settings;
  }

  /** The key of a signal's entity: kind and id. */
  static String entityKey(Signal s) {
    return s.entity().wire() + '/' + s.id();
  }

  @Override
  public void open(OpenContext openContext) {
    policy = settings.config().decision();
    StateTtlConfig ttl =
        StateTtlConfig.newBuilder(RETENTION)
            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build();
    ValueStateDescriptor<Verdict> verdictState =
        new ValueStateDescriptor<>("verdict", new GenericTypeInfo<>(Verdict.class));
    verdictState.enableTimeToLive(ttl);
    ValueStateDescriptor<String> writtenState = new ValueStateDescriptor<>("written", Types.STRING);
    writtenState.enableTimeToLive(ttl);
    verdict = getRuntimeContext().getState(verdictState);
    written = getRuntimeContext().getState(writtenState);
    updates = Counters.register(getRuntimeContext(), Counters.FINDING_UPDATES);
  }

  @Override
  public void processElement(Signal s, Context ctx, Collector<String> out) throws Exception {
    Verdict v = verdict.value();
    if (v == null) {
      v = new Verdict(s.entity(), s.id());
    }
    v.apply(s);
    String line = FindingsFormat.finding(v.finding(policy));
    String before = written.value();
    if (before == null) {
      before = FindingsFormat.finding(Finding.clean(s.entity(), s.id()));
    }
    if (v.isEmpty()) {
      verdict.clear();
      written.clear();
    } else {
      verdict.update(v);
      written.update(line);
    }
    if (!line.equals(before)) {
      updates.inc();
      out.collect(line);
    }
  }
}
