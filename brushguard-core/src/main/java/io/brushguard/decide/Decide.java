package io.brushguard.decide;

import io.brushguard.detect.Signal;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * The decision as an ordinary event-time stage: keyed by entity, it folds the signals of every
 * detector, and the evidence {@link CarryEvidence} carries between an order and its review, into a
 * {@link Verdict} and emits the entity's {@link Finding} whenever it changes, so its output is an
 * update stream (the latest finding per entity is the current one; one with action {@code allow}
 * withdraws an earlier one). Each finding carries the event time of the call that decided it.
 *
 * <p><b>Retention.</b> An entity's verdict is dropped {@code retention} of event time after its
 * last signal, the same in both runtimes: a signal arriving later starts from nothing, and the last
 * finding emitted stands in the fold.
 *
 * <p><b>Space.</b> Per entity with live signals: one entry per live (code, origin) pair and the
 * last finding emitted; at most one pending wake-up.
 */
public final class Decide implements Stage<Decide.State> {
  public static final String NAME = "decide";
  private static final Wiring WIRING =
      new Wiring(
          java.util.Set.of(),
          java.util.Set.of(Signal.class, Carried.class),
          java.util.Set.of(Finding.class));

  private final DecisionPolicy policy;
  private final long retentionMillis;

  public Decide(DecisionPolicy policy, long retentionMillis) {
    if (retentionMillis <= 0) {
      throw new IllegalArgumentException("retention must be positive, was " + retentionMillis);
    }
    this.policy = policy;
    this.retentionMillis = retentionMillis;
  }

  /** One entity's evidence and what was last said about it. */
  public static final class State extends Expiring {
    Verdict verdict;
    Finding written;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Fact fact) {
    Signal s = signal(fact);
    return Finding.entityKey(s.entity(), s.id());
  }

  /** A detector's signal, or one {@link CarryEvidence} carried from an order or review. */
  private static Signal signal(Fact fact) {
    return fact instanceof Carried c ? c.signal() : (Signal) fact;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State state, Fact fact, Context context) {
    Signal s = signal(fact);
    if (state.verdict == null) {
      state.verdict = new Verdict(s.entity(), s.id());
    }
    state.verdict.apply(s);
    Finding now = state.verdict.finding(policy, context.now());
    Finding before = state.written != null ? state.written : Finding.clean(s.entity(), s.id());
    if (!now.sameVerdict(before)) {
      context.emit(now);
    }
    if (state.verdict.isEmpty()) {
      state.verdict = null;
      state.written = null;
    } else {
      state.written = now;
      state.touch(context, retentionMillis);
    }
  }

  @Override
  public void onWake(State state, long time, Context context) {
    if (state.expired(time, context, retentionMillis)) {
      state.verdict = null;
      state.written = null;
    }
  }

  @Override
  public boolean isEmpty(State state) {
    return state.verdict == null;
  }
}
