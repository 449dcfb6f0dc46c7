package io.brushguard.flink;

import io.brushguard.detect.Detector;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Login;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import java.util.ArrayDeque;

/**
 * A test detector that leans on everything a runtime must get right: per account, the events of the
 * last minute; a signal while there are at least three, withdrawn when they expire (wake-ups that
 * find the state dropped or re-created); an "echo" wake-up asked for in the past, which the runtime
 * must move to just after the current time; state dropped when empty.
 */
final class BurstDetector implements Detector<BurstDetector.State> {
  static final long WINDOW = 60_000;

  static final class State {
    final ArrayDeque<Long> times = new ArrayDeque<>();
    boolean signalled;
    long lastEventTs;
    int echoes;
  }

  @Override
  public String name() {
    return "burst";
  }

  @Override
  public String keyOf(Event e) {
    if (e instanceof Order o) {
      return o.account();
    } else if (e instanceof Review r) {
      return r.account();
    } else if (e instanceof Like l) {
      return l.account();
    } else if (e instanceof Login l) {
      return l.account();
    }
    return null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event e, Context ctx) {
    s.times.addLast(e.ts());
    s.lastEventTs = e.ts();
    ctx.wakeAt(e.ts() + WINDOW);
    if (e instanceof Login) {
      ctx.wakeAt(e.ts() - 5_000); // in the past: must fire at e.ts() + 1
    }
    judge(s, e.ts(), ctx);
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    while (!s.times.isEmpty() && s.times.peekFirst() <= time - WINDOW) {
      s.times.pollFirst();
    }
    if (time == s.lastEventTs + 1) {
      s.echoes++;
      ctx.emit(
          new Signal(
              EntityKind.ACCOUNT,
              ctx.key(),
              "ECHO",
              "burst/" + ctx.key(),
              Math.min(0.95, 0.45 + 0.1 * s.echoes),
              time,
              "echo " + s.echoes + " at " + time + " with " + s.times.size() + " events held"));
    }
    judge(s, time, ctx);
  }

  private static void judge(State s, long time, Context ctx) {
    int n = s.times.size();
    if (n >= 3) {
      s.signalled = true;
      ctx.emit(
          new Signal(
              EntityKind.ACCOUNT,
              ctx.key(),
              "BURST",
              "burst/" + ctx.key(),
              Math.min(0.9, 0.2 * n),
              time,
              n + " events within a minute"));
    } else if (s.signalled) {
      s.signalled = false;
      ctx.emit(
          new Signal(EntityKind.ACCOUNT, ctx.key(), "BURST", "burst/" + ctx.key(), 0, time, null));
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.times.isEmpty() && !s.signalled;
  }
}
