package io.brushguard.detect.scripted;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * Stage {@code scripted-reviews}, keyed by account: a review its author writes about an order
 * judged a scripted task ({@link ScriptedOrder}) is part of the task (the broker's script asks for
 * the five stars too), and is signalled at {@value #STRENGTH}.
 *
 * <p><b>Space per flagged account:</b> up to {@value #KEPT} task orders (a reference each; the ids
 * are shared with the signals), forgotten {@value #RETENTION_DAYS} days after the last one: reviews
 * follow delivery by hours to days. Other accounts hold nothing.
 */
final class TaskReviews implements Stage<TaskReviews.State> {
  static final String NAME = "scripted-reviews";
  static final double STRENGTH = 0.6;
  static final int KEPT = 256;
  static final long RETENTION_DAYS = 21;
  private static final long RETENTION_MS = RETENTION_DAYS * 86_400_000L;

  private final Wiring wiring =
      new Wiring(Set.of(EventType.REVIEW), Set.of(ScriptedOrder.class), Set.of(Signal.class));

  /** The task orders of one flagged account. */
  static final class State extends Expiring {
    String[] orders;
    int count;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Event event) {
    return event instanceof Review r && r.order() != null ? r.account() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof ScriptedOrder o ? o.account() : null;
  }

  /** A review by an account with no task order held finds nothing. */
  @Override
  public boolean startsState(Event event) {
    return false;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Review r = (Review) event;
    for (int i = 0; i < s.count; i++) {
      if (s.orders[i].equals(r.order())) {
        ctx.emit(
            new Signal(
                EntityKind.REVIEW,
                r.review(),
                ScriptedSessions.CODE,
                NAME + "/" + ctx.key(),
                STRENGTH,
                ctx.now(),
                "review of order " + r.order() + ", judged a scripted task"));
        return;
      }
    }
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    ScriptedOrder o = (ScriptedOrder) fact;
    s.touch(ctx, RETENTION_MS);
    if (s.orders == null) {
      s.orders = new String[8];
    }
    if (s.count == s.orders.length) {
      if (s.count == KEPT) {
        System.arraycopy(s.orders, 1, s.orders, 0, KEPT - 1);
        s.count--;
      } else {
        s.orders = java.util.Arrays.copyOf(s.orders, Math.min(KEPT, s.count * 2));
      }
    }
    s.orders[s.count++] = o.order();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, RETENTION_MS)) {
      s.orders = null;
      s.count = 0;
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return !s.pending();
  }
}
