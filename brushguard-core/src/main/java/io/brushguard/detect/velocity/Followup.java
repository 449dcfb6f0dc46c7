package io.brushguard.detect.velocity;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Review;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * What a ring does after a wave, keyed by account ({@code velocity-followup}): days after its
 * accounts order in lockstep they review the shop and like each other's reviews. Once an account's
 * order was flagged in a {@link Wave}, its reviews at that shop and its likes within 30 days
 * ({@code FOLLOW}) are signalled at the wave's strength (likes at most 0.55: a like says less than
 * a review).
 *
 * <p>Per account with a wave: the last 4 waves' shops, times and strengths, forgotten {@code
 * FOLLOW} after the last one: about 100 bytes. Accounts without a wave hold nothing.
 */
public final class Followup implements Stage<Followup.State> {
  public static final String NAME = "velocity-followup";
  static final long FOLLOW = 30 * 86_400_000L;
  static final int WAVES = 4;
  static final double LIKE_CAP = 0.55;
  private static final long NONE = Long.MIN_VALUE;
  private static final Wiring WIRING =
      new Wiring(
          Set.of(EventType.REVIEW, EventType.LIKE), Set.of(Wave.class), Set.of(Signal.class));

  /** An account's recent waves. */
  public static final class State {
    final String[] shops = new String[WAVES];
    final long[] at = new long[WAVES];
    final double[] strength = new double[WAVES];
    int size;
    long wake = NONE;
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
  public String keyOf(Event event) {
    return event instanceof Review r ? r.account() : ((Like) event).account();
  }

  @Override
  public String keyOf(Fact fact) {
    return ((Wave) fact).account();
  }

  /** A review by an account without a wave finds nothing. */
  @Override
  public boolean startsState(Event event) {
    return false;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    Wave w = (Wave) fact;
    for (int i = 0; i < s.size; i++) {
      if (s.shops[i].equals(w.shop())) {
        s.at[i] = Math.max(s.at[i], w.orderedAt());
        s.strength[i] = Math.max(s.strength[i], w.strength());
        schedule(s, ctx);
        return;
      }
    }
    int slot = s.size < WAVES ? s.size++ : oldest(s);
    s.shops[slot] = w.shop();
    s.at[slot] = w.orderedAt();
    s.strength[slot] = w.strength();
    schedule(s, ctx);
  }

  @Override
  public void onEvent(State s, Event e, Context ctx) {
    long now = e.ts();
    if (e instanceof Review r) {
      for (int i = 0; i < s.size; i++) {
        if (s.shops[i].equals(r.shop()) && now >= s.at[i] && now <= s.at[i] + FOLLOW) {
          ctx.emit(
              new Signal(
                  EntityKind.REVIEW,
                  r.review(),
                  Velocity.CODE,
                  NAME + "/" + ctx.key(),
                  s.strength[i],
                  now,
                  "review of shop " + r.shop() + " by an account flagged in a wave there"));
          return;
        }
      }
    } else {
      Like l = (Like) e;
      double best = 0;
      for (int i = 0; i < s.size; i++) {
        if (now >= s.at[i] && now <= s.at[i] + FOLLOW) {
          best = Math.max(best, s.strength[i]);
        }
      }
      if (best > 0) {
        ctx.emit(
            new Signal(
                EntityKind.LIKE,
                l.key(),
                Velocity.CODE,
                NAME + "/" + ctx.key(),
                Math.min(LIKE_CAP, best),
                now,
                "like by an account flagged in an ordering wave"));
      }
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time == s.wake) {
      s.wake = NONE;
    }
    for (int i = s.size - 1; i >= 0; i--) {
      if (s.at[i] + FOLLOW < time) {
        s.size--;
        s.shops[i] = s.shops[s.size];
        s.at[i] = s.at[s.size];
        s.strength[i] = s.strength[s.size];
        s.shops[s.size] = null;
      }
    }
    schedule(s, ctx);
  }

  @Override
  public boolean isEmpty(State s) {
    return s.size == 0;
  }

  private static int oldest(State s) {
    int o = 0;
    for (int i = 1; i < s.size; i++) {
      if (s.at[i] < s.at[o]) {
        o = i;
      }
    }
    return o;
  }

  private static void schedule(State s, Context ctx) {
    if (s.size == 0) {
      return;
    }
    long next = Long.MAX_VALUE;
    for (int i = 0; i < s.size; i++) {
      next = Math.min(next, s.at[i] + FOLLOW + 1);
    }
    if (s.wake == NONE || next < s.wake) {
      s.wake = next;
      ctx.wakeAt(next);
    }
  }
}
