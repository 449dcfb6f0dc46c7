package io.brushguard.detect.scripted;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.View;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Partitions;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;
import java.util.List;

/**
 * Stage {@code scripted-tasks}, keyed by a partition of the accounts ({@value #PARTITIONS}
 * partitions, {@link Partitions}): joins each order with the dwell its account spent on the shop's
 * pages in the session that led to it, keeps the account's recent tasks, and hands each task to
 * {@link DwellPopulation}.
 *
 * <p>A view belongs to the current session when it carries the same session id, or, without ids,
 * when it comes within {@value #SESSION_GAP_MS} ms of the previous view. An order joins the session
 * by its session id (or, without one, by the same gap); its task's dwell is the sum of the
 * session's views of the ordered shop since the last order there (more orders from the same
 * browsing, such as gifts to several addresses, are one task). Orders without such views (straight
 * from a link or the order history) are not tasks.
 *
 * <p><b>Which sessions are followed.</b> Only those of accounts that ordered within the window: the
 * first order of an account after a quiet window is its ticket in, not a task. Following every
 * viewer's session would need a state and a wake-up per session (most sessions buy nothing), which
 * measured four times the cost of the whole detector; the price is one task per account and
 * campaign (a brusher's first order of the window is not judged).
 *
 * <p><b>Why partitions.</b> Views are a third of the stream and most come from accounts that
 * ordered nothing lately. Keyed by account, each view cost a lookup in the runtime's table of
 * accounts, and each account a wake-up to forget it. Keyed by partition, the runtime's table has
 * {@value #PARTITIONS} keys; the accounts are held in a {@link HashedTable} per partition, one
 * {@code long} probe per view. An account is forgotten lazily: on its next input once its last
 * order is a window old (exactly when its wake-up would have fired before), and by a sweep of the
 * partition every {@value #SWEEP_MS} ms of event time, the partition's only wake-up. What an
 * account's inputs produce is unchanged; only facts of two accounts at the same millisecond may
 * reach {@link DwellPopulation} in another order (by partition and input line instead of by
 * account).
 *
 * <p><b>Space per account with an order in the window:</b> the open session (its id and up to
 * {@value #SESSION_SHOPS} shops, by a 64-bit hash, with their dwell) and at most {@link
 * ScriptedSessions.Config# maxTasks} tasks of the last {@link
 * ScriptedSessions.Config#windowSeconds} (about 40 bytes each beyond the ids shared with the
 * events): about 200 bytes for an occasional buyer, 2 KB for a busy account, plus 40 to 80 bytes in
 * its partition's table; forgotten a window after the account's last order, at the latest by the
 * sweep after that. Other accounts hold nothing.
 */
final class TaskLog implements Stage<TaskLog.State> {
  static final String NAME = "scripted-tasks";
  static final long SESSION_GAP_MS = 30 * 60_000L;
  static final int SESSION_SHOPS = 8;
  static final int PARTITIONS = 64;
  static final long SWEEP_MS = 3_600_000L;
  private static final long NONE = Long.MIN_VALUE;
  private static final String[] PARTITION_KEYS = new String[PARTITIONS];

  static {
    for (int i = 0; i < PARTITIONS; i++) {
      PARTITION_KEYS[i] = "p" + i; // as Partitions.of names them, without a string per input
    }
  }

  private final ScriptedSessions.Config config;
  private final long windowMs;
  private final Wiring wiring =
      Wiring.events(EventType.VIEW, EventType.ORDER).produces(TaskDone.class);

  TaskLog(ScriptedSessions.Config config) {
    this.config = config;
    this.windowMs = config.windowSeconds() * 1000;
  }

  /** One partition's accounts with an order in the window, and its sweep. */
  static final class State {
    final HashedTable<Account> accounts = new HashedTable<>();
    long sweep = NONE;
  }

  /** One account's open session and recent tasks. */
  static final class Account {
    int sessionHash;
    boolean sessionKnown;
    long lastView = NONE;

    /** The session's shops by a 64-bit hash ({@link HashedTable#hash}): no string to compare. */
    long[] shops;

    long[] dwell;
    int shopCount;
    Task[] tasks;

    /** The tasks' times and orders' hashes, beside the records: no pointer to chase per check. */
    long[] taskTs;

    int[] orderHashes;
    int taskCount;
    long lastOrder = NONE;
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
      return v.dwellMs() > 0 ? partitionOf(v.account()) : null;
    }
    return event instanceof Order o ? partitionOf(o.account()) : null;
  }

  /** The key {@link Partitions#of} gives the account among {@value #PARTITIONS}. */
  static String partitionOf(String account) {
    return PARTITION_KEYS[Math.floorMod(account.hashCode(), PARTITIONS)];
  }

  /** A view of an account without an order in the window changes nothing. */
  @Override
  public boolean startsState(Event event) {
    return event instanceof Order;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof View v) {
      // an account forgotten by now (its last order a window old) is not followed
      Account a = s.accounts.getKeptAt(HashedTable.hash(v.account()), v.ts());
      if (a != null) {
        onView(a, v);
      }
      return;
    }
    Order o = (Order) event;
    long h = HashedTable.hash(o.account());
    Account a = s.accounts.get(h);
    if (a == null) {
      a = new Account();
      s.accounts.add(h, a);
    } else if (!live(a, o.ts())) {
      reset(a);
    }
    onOrder(a, o, ctx);
    s.accounts.keepUntil(h, a.lastOrder + windowMs);
    if (s.sweep == NONE) {
      s.sweep = (Math.floorDiv(o.ts(), SWEEP_MS) + 1) * SWEEP_MS;
      ctx.wakeAt(s.sweep);
    }
  }

  /**
   * Whether the account still counts at an input at {@code now}: keyed by account, it was forgotten
   * by a wake-up a window after its last order, which fired after the inputs of that millisecond.
   */
  private boolean live(Account a, long now) {
    return a.lastOrder != NONE && a.lastOrder + windowMs >= now;
  }

  /** The account as new. */
  private static void reset(Account a) {
    a.sessionHash = 0;
    a.sessionKnown = false;
    a.lastView = NONE;
    a.shops = null;
    a.dwell = null;
    a.shopCount = 0;
    a.tasks = null;
    a.taskTs = null;
    a.orderHashes = null;
    a.taskCount = 0;
    a.lastOrder = NONE;
  }

  private static boolean sameSession(Account s, String session, long ts) {
    if (s.shopCount == 0) {
      return false;
    }
    if (session != null && s.sessionKnown) {
      return session.hashCode() == s.sessionHash; // within one account: ids do not collide
    }
    return ts - s.lastView <= SESSION_GAP_MS;
  }

  private static void onView(Account s, View v) {
    if (!sameSession(s, v.session(), v.ts())) {
      clearSession(s);
      s.sessionKnown = v.session() != null;
      s.sessionHash = s.sessionKnown ? v.session().hashCode() : 0;
    }
    if (s.shops == null) {
      s.shops = new long[SESSION_SHOPS];
      s.dwell = new long[SESSION_SHOPS];
    }
    s.lastView = v.ts();
    long shop = HashedTable.hash(v.shop());
    int i = shopIndex(s, shop);
    if (i >= 0) {
      s.dwell[i] += v.dwellMs();
    } else if (s.shopCount < SESSION_SHOPS) {
      s.shops[s.shopCount] = shop;
      s.dwell[s.shopCount++] = v.dwellMs();
    }
  }

  private static int shopIndex(Account s, long shop) {
    for (int i = 0; i < s.shopCount; i++) {
      if (s.shops[i] == shop) {
        return i;
      }
    }
    return -1;
  }

  private static void clearSession(Account s) {
    s.shopCount = 0;
  }

  private void onOrder(Account s, Order o, Context ctx) {
    s.lastOrder = Math.max(s.lastOrder, o.ts());
    if (!sameSession(s, o.session(), o.ts())) {
      return;
    }
    int shop = shopIndex(s, HashedTable.hash(o.shop())); // the session has a shop (sameSession)
    long dwell = shop >= 0 ? s.dwell[shop] : 0;
    if (dwell <= 0) {
      return;
    }
    forgetBefore(s, o.ts() - windowMs);
    int orderHash = o.order().hashCode();
    for (int i = 0; i < s.taskCount; i++) {
      if (s.orderHashes[i] == orderHash && s.tasks[i].order().equals(o.order())) {
        return; // the same order delivered again: one task
      }
    }
    double pairDiff = -1;
    if (s.taskCount > 0) {
      pairDiff = Math.abs(Math.log(dwell) - s.tasks[s.taskCount - 1].lnDwell());
    }
    if (s.tasks == null) {
      s.tasks = new Task[4];
      s.taskTs = new long[4];
      s.orderHashes = new int[4];
    }
    if (s.taskCount == config.maxTasks()) {
      drop(s, 1);
    } else if (s.taskCount == s.tasks.length) {
      int n = Math.min(config.maxTasks(), s.tasks.length * 2);
      s.tasks = Arrays.copyOf(s.tasks, n);
      s.taskTs = Arrays.copyOf(s.taskTs, n);
      s.orderHashes = Arrays.copyOf(s.orderHashes, n);
    }
    s.dwell[shop] = 0; // the session's browsing so far made this task: a second order of the same
    // browsing (a gift to several addresses, a basket split in parts) is the same task, not another
    s.tasks[s.taskCount] = Task.of(o.order(), o.shop(), o.ts(), dwell);
    s.taskTs[s.taskCount] = o.ts();
    s.orderHashes[s.taskCount++] = orderHash;
    if (pairDiff >= 0 || s.taskCount >= config.minTasks()) {
      List<Task> judged =
          s.taskCount >= config.minTasks()
              ? List.of(Arrays.copyOf(s.tasks, s.taskCount))
              : List.of();
      ctx.emit(new TaskDone(o.account(), o.payer(), pairDiff, judged));
    }
  }

  private static void forgetBefore(Account s, long cutoff) {
    int n = 0;
    while (n < s.taskCount && s.taskTs[n] < cutoff) {
      n++;
    }
    if (n > 0) {
      drop(s, n);
    }
  }

  /** Drops the {@code n} oldest tasks. */
  private static void drop(Account s, int n) {
    int left = s.taskCount - n;
    System.arraycopy(s.tasks, n, s.tasks, 0, left);
    System.arraycopy(s.taskTs, n, s.taskTs, 0, left);
    System.arraycopy(s.orderHashes, n, s.orderHashes, 0, left);
    Arrays.fill(s.tasks, left, s.taskCount, null);
    s.taskCount = left;
  }

  /**
   * The sweep: forgets the accounts whose last order is a window old (no later input would see
   * them), and comes again while any is left.
   */
  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.sweep) {
      return;
    }
    s.accounts.retain(time, a -> a.lastOrder + windowMs > time);
    s.sweep = NONE;
    if (s.accounts.size() > 0) {
      s.sweep = time + SWEEP_MS;
      ctx.wakeAt(s.sweep);
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.accounts.size() == 0;
  }
}
