package io.brushguard.detect.scripted;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.View;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;
import java.util.List;

/**
 * Stage {@code scripted-tasks}, keyed by account: joins each order with the dwell its account spent
 * on the shop's pages in the session that led to it, keeps the account's recent tasks, and hands
 * each task to {@link DwellPopulation}.
 *
 * <p>A view belongs to the current session when it carries the same session id, or, without ids,
 * when it comes within {@value #SESSION_GAP_MS} ms of the previous view. An order joins the session
 * by its session id (or, without one, by the same gap); its task's dwell is the sum of the
 * session's views of the ordered shop. Orders without such views (straight from a link or the order
 * history) are not tasks.
 *
 * <p><b>Space per account:</b> the open session (its id and up to {@value #SESSION_SHOPS} shops with
 * their dwell, forgotten an hour after its last view) and at most {@link ScriptedSessions.Config#
 * maxTasks} tasks of the last {@link ScriptedSessions.Config#windowSeconds} (about 40 bytes each
 * beyond the ids shared with the events): about 2 KB for a busy account, nothing for one idle for
 * the window.
 */
final class TaskLog implements Stage<TaskLog.State> {
  static final String NAME = "scripted-tasks";
  static final long SESSION_GAP_MS = 30 * 60_000L;
  static final long SESSION_KEPT_MS = 60 * 60_000L;
  static final int SESSION_SHOPS = 8;
  private static final long NONE = Long.MIN_VALUE;
  private static final long QUARTER = 15 * 60_000L;

  private final ScriptedSessions.Config config;
  private final long windowMs;
  private final Wiring wiring =
      Wiring.events(EventType.VIEW, EventType.ORDER).produces(TaskDone.class);

  TaskLog(ScriptedSessions.Config config) {
    this.config = config;
    this.windowMs = config.windowSeconds() * 1000;
  }

  /** One account's open session and recent tasks. */
  static final class State {
    String session;
    long lastView = NONE;
    final String[] shops = new String[SESSION_SHOPS];
    final long[] dwell = new long[SESSION_SHOPS];
    int shopCount;
    Task[] tasks = new Task[4];
    int taskCount;
    long wake = NONE;
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
    if (event instanceof View v) {
      return v.dwellMs() > 0 ? v.account() : null;
    }
    return event instanceof Order o ? o.account() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof View v) {
      onView(s, v);
    } else {
      onOrder(s, (Order) event, ctx);
    }
    arm(s, ctx);
  }

  private static boolean sameSession(State s, String session, long ts) {
    if (s.shopCount == 0) {
      return false;
    }
    if (session != null && s.session != null) {
      return session.equals(s.session);
    }
    return ts - s.lastView <= SESSION_GAP_MS;
  }

  private static void onView(State s, View v) {
    if (!sameSession(s, v.session(), v.ts())) {
      Arrays.fill(s.shops, 0, s.shopCount, null);
      s.shopCount = 0;
      s.session = v.session();
    }
    s.lastView = v.ts();
    for (int i = 0; i < s.shopCount; i++) {
      if (s.shops[i].equals(v.shop())) {
        s.dwell[i] += v.dwellMs();
        return;
      }
    }
    if (s.shopCount < SESSION_SHOPS) {
      s.shops[s.shopCount] = v.shop();
      s.dwell[s.shopCount++] = v.dwellMs();
    }
  }

  private void onOrder(State s, Order o, Context ctx) {
    if (!sameSession(s, o.session(), o.ts())) {
      return;
    }
    long dwell = 0;
    for (int i = 0; i < s.shopCount; i++) {
      if (s.shops[i].equals(o.shop())) {
        dwell = s.dwell[i];
        break;
      }
    }
    if (dwell <= 0) {
      return;
    }
    forgetBefore(s, o.ts() - windowMs);
    for (int i = 0; i < s.taskCount; i++) {
      if (s.tasks[i].order().equals(o.order())) {
        return; // the same order delivered again: one task
      }
    }
    double pairDiff = -1;
    if (s.taskCount > 0) {
      pairDiff = Math.abs(Math.log(dwell) - Math.log(s.tasks[s.taskCount - 1].dwellMs()));
    }
    if (s.taskCount == config.maxTasks()) {
      System.arraycopy(s.tasks, 1, s.tasks, 0, s.taskCount - 1);
      s.taskCount--;
    } else if (s.taskCount == s.tasks.length) {
      s.tasks = Arrays.copyOf(s.tasks, Math.min(config.maxTasks(), s.tasks.length * 2));
    }
    s.tasks[s.taskCount++] = new Task(o.order(), o.shop(), o.ts(), dwell);
    if (pairDiff >= 0 || s.taskCount >= config.minTasks()) {
      List<Task> judged =
          s.taskCount >= config.minTasks()
              ? List.of(Arrays.copyOf(s.tasks, s.taskCount))
              : List.of();
      ctx.emit(new TaskDone(o.account(), o.payer(), pairDiff, judged));
    }
  }

  private static void forgetBefore(State s, long cutoff) {
    int drop = 0;
    while (drop < s.taskCount && s.tasks[drop].ts() < cutoff) {
      drop++;
    }
    if (drop > 0) {
      System.arraycopy(s.tasks, drop, s.tasks, 0, s.taskCount - drop);
      Arrays.fill(s.tasks, s.taskCount - drop, s.taskCount, null);
      s.taskCount -= drop;
    }
  }

  /** One pending wake-up per account, at the earliest time something is due to be forgotten. */
  private void arm(State s, Context ctx) {
    long due = dueAt(s);
    if (due != NONE && (s.wake == NONE || due < s.wake)) {
      s.wake = due;
      ctx.wakeAt(due);
    }
  }

  private long dueAt(State s) {
    long due = NONE;
    if (s.shopCount > 0) {
      // rounded up to a quarter hour: sessions share wake-up times, so event time steps less often
      due = Math.floorDiv(s.lastView + SESSION_KEPT_MS, QUARTER) * QUARTER + QUARTER;
    }
    if (s.taskCount > 0) {
      long t = s.tasks[0].ts() + windowMs;
      due = due == NONE ? t : Math.min(due, t);
    }
    return due;
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    if (s.shopCount > 0 && time >= s.lastView + SESSION_KEPT_MS) {
      Arrays.fill(s.shops, 0, s.shopCount, null);
      s.shopCount = 0;
      s.session = null;
    }
    forgetBefore(s, time - windowMs + 1);
    arm(s, ctx);
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shopCount == 0 && s.taskCount == 0;
  }
}
