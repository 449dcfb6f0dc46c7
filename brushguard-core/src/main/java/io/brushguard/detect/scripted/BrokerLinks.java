package io.brushguard.detect.scripted;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Link;
import io.brushguard.flow.Fact;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Partitions;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;
import java.util.Set;

/**
 * Stage {@code scripted-links}, keyed by a partition of the payment accounts ({@value #PARTITIONS}
 * partitions, {@link Partitions}): which platform account a payment account is linked to, so that a
 * broker found by its payment account ({@link BrokerFound}) is signalled by its account too. A
 * broker's account is usually an aged one, linked years before it pays anyone, so links are kept
 * long; to keep that cheap they are held in a compact table per partition rather than as one state
 * per payment account.
 *
 * <p><b>Space:</b> per link, a 64-bit hash of the payment account and a reference to the account id
 * in open-addressing arrays at most half full (24 bytes) plus the account id string (about 50
 * bytes): about 75 bytes per linked payment account, kept between {@link
 * ScriptedSessions.Config#linkDays} and twice that (two generations). Brokers found whose link has
 * not come yet: at most {@value #FOUND} per partition, kept {@link
 * ScriptedSessions.Config#payoutDays} days.
 */
final class BrokerLinks implements Stage<BrokerLinks.State> {
  static final String NAME = "scripted-links";
  static final int PARTITIONS = 16;
  static final int FOUND = 256;
  private static final long DAY = 86_400_000L;

  private final long generationMs;
  private final long foundMs;
  private final Wiring wiring =
      new Wiring(Set.of(EventType.LINK), Set.of(BrokerFound.class), Set.of(Signal.class));

  BrokerLinks(ScriptedSessions.Config config) {
    this.generationMs = config.linkDays() * DAY;
    this.foundMs = config.payoutDays() * DAY;
  }

  /** Two generations of links of one partition, and brokers found waiting for their link. */
  static final class State {
    LinkTable current = new LinkTable();
    LinkTable previous = new LinkTable();
    long generation = Long.MIN_VALUE;
    long[] found = new long[0];
    long[] foundUntil = new long[0];
    int[] foundBuyers = new int[0];
    int foundCount;
    long wake = Long.MIN_VALUE;
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
    return event instanceof Link l ? Partitions.of(l.payer(), PARTITIONS) : null;
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof BrokerFound b ? Partitions.of(b.payer(), PARTITIONS) : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Link link = (Link) event;
    rotate(s, ctx.now(), ctx);
    long h = HashedTable.hash(link.payer());
    s.current.put(h, link.account());
    for (int i = 0; i < s.foundCount; i++) {
      if (s.found[i] == h && s.foundUntil[i] >= ctx.now()) {
        signal(ctx, link.account(), s.foundBuyers[i]);
      }
    }
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    BrokerFound b = (BrokerFound) fact;
    rotate(s, ctx.now(), ctx);
    long h = HashedTable.hash(b.payer());
    String account = s.current.get(h);
    if (account == null) {
      account = s.previous.get(h);
    }
    if (account != null) {
      signal(ctx, account, b.buyers());
    }
    if (s.foundCount == s.found.length) {
      int n = Math.min(FOUND, Math.max(4, s.found.length * 2));
      if (n == s.foundCount) {
        System.arraycopy(s.found, 1, s.found, 0, n - 1);
        System.arraycopy(s.foundUntil, 1, s.foundUntil, 0, n - 1);
        System.arraycopy(s.foundBuyers, 1, s.foundBuyers, 0, n - 1);
        s.foundCount--;
      } else {
        s.found = Arrays.copyOf(s.found, n);
        s.foundUntil = Arrays.copyOf(s.foundUntil, n);
        s.foundBuyers = Arrays.copyOf(s.foundBuyers, n);
      }
    }
    s.found[s.foundCount] = h;
    s.foundUntil[s.foundCount] = ctx.now() + foundMs;
    s.foundBuyers[s.foundCount++] = b.buyers();
  }

  private static void signal(Context ctx, String account, int buyers) {
    ctx.emit(
        new Signal(
            EntityKind.ACCOUNT,
            account,
            ScriptedSessions.CODE,
            NAME + "/" + account,
            Brokers.ACCOUNT,
            ctx.now(),
            "linked to a payment account that paid "
                + buyers
                + " buyers judged to run scripted tasks (a task broker)"));
  }

  private void rotate(State s, long now, Context ctx) {
    long g = Math.floorDiv(now, generationMs);
    if (g != s.generation) {
      if (g == s.generation + 1) {
        s.previous = s.current;
      } else {
        s.previous = new LinkTable();
      }
      s.current = new LinkTable();
      s.generation = g;
    }
    int kept = 0;
    for (int i = 0; i < s.foundCount; i++) {
      if (s.foundUntil[i] >= now) {
        s.found[kept] = s.found[i];
        s.foundUntil[kept] = s.foundUntil[i];
        s.foundBuyers[kept++] = s.foundBuyers[i];
      }
    }
    s.foundCount = kept;
    long due = (s.generation + 1) * generationMs;
    if (s.wake != due) {
      s.wake = due;
      ctx.wakeAt(due);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time == s.wake) {
      s.wake = Long.MIN_VALUE;
      rotate(s, time, ctx);
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.current.size == 0 && s.previous.size == 0 && s.foundCount == 0;
  }

  /** Open addressing from a payment account's hash to its (latest) account, at most half full. */
  static final class LinkTable {
    long[] keys = new long[16];
    String[] accounts = new String[16];
    int size;

    void put(long h, String account) {
      if (size * 2 >= keys.length) {
        grow();
      }
      int mask = keys.length - 1;
      int i = (int) (h ^ (h >>> 32)) & mask;
      while (keys[i] != 0 && keys[i] != h) {
        i = (i + 1) & mask;
      }
      if (keys[i] == 0) {
        size++;
      }
      keys[i] = h;
      accounts[i] = account;
    }

    String get(long h) {
      int mask = keys.length - 1;
      int i = (int) (h ^ (h >>> 32)) & mask;
      while (keys[i] != 0) {
        if (keys[i] == h) {
          return accounts[i];
        }
        i = (i + 1) & mask;
      }
      return null;
    }

    private void grow() {
      long[] oldKeys = keys;
      String[] oldAccounts = accounts;
      keys = new long[oldKeys.length * 2];
      accounts = new String[oldKeys.length * 2];
      size = 0;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldKeys[i] != 0) {
          put(oldKeys[i], oldAccounts[i]);
        }
      }
    }
  }
}
