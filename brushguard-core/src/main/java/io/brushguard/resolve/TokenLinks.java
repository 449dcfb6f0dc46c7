package io.brushguard.resolve;

import io.brushguard.event.Event;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;

/**
 * Entity resolution for one kind of token, keyed by the token: the accounts seen with it, and a
 * {@link Linked} fact each time an account is tied to it anew. One instance per {@link TokenKind}
 * ({@code link-device}, {@code link-ip}, …).
 *
 * <p><b>Bounds.</b> A token keeps at most {@code maxFanout} accounts, the most recently seen; a
 * newcomer beyond that evicts the least recently seen and marks the token saturated (many strangers
 * behind one carrier address say little, and the cap keeps such a token from growing without end).
 * An account is forgotten {@code retention} of event time after it was last seen with the token,
 * and the token with its last account.
 *
 * <p><b>Space.</b> Per token: about 100 bytes (map entry, state, arrays) plus 16 bytes per account
 * kept (the account id string is shared with the events).
 */
public final class TokenLinks implements Stage<TokenLinks.State> {
  /** Default cap on the accounts one token keeps. */
  public static final int MAX_FANOUT = 64;

  private final TokenKind kind;
  private final long retentionMillis;
  private final int maxFanout;
  private final Wiring wiring;

  public TokenLinks(TokenKind kind, long retentionMillis, int maxFanout) {
    if (retentionMillis <= 0 || maxFanout < 1) {
      throw new IllegalArgumentException("retention and fan-out must be positive");
    }
    this.kind = kind;
    this.retentionMillis = retentionMillis;
    this.maxFanout = maxFanout;
    this.wiring = new Wiring(kind.carriers(), java.util.Set.of(), java.util.Set.of(Linked.class));
  }

  /** The accounts seen with one token, and when each was last seen. */
  public static final class State {
    String[] accounts = new String[2];
    long[] lastSeen = new long[2];
    int size;
    boolean saturated;
    long wake = Long.MIN_VALUE;
  }

  @Override
  public String name() {
    return "link-" + kind.wire();
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Event event) {
    return TokenKind.accountOf(event) == null ? null : kind.tokenOf(event);
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    String account = TokenKind.accountOf(event);
    long now = ctx.now();
    for (int i = 0; i < s.size; i++) {
      if (s.accounts[i].equals(account)) {
        s.lastSeen[i] = now;
        return;
      }
    }
    if (s.size == maxFanout) {
      evictLeastRecent(s);
      s.saturated = true;
    } else if (s.size == s.accounts.length) {
      int n = Math.min(maxFanout, s.size * 2);
      s.accounts = Arrays.copyOf(s.accounts, n);
      s.lastSeen = Arrays.copyOf(s.lastSeen, n);
    }
    s.accounts[s.size] = account;
    s.lastSeen[s.size++] = now;
    ctx.emit(new Linked(kind, ctx.key(), account, s.size, s.saturated));
    if (s.wake == Long.MIN_VALUE) {
      s.wake = now + retentionMillis;
      ctx.wakeAt(s.wake);
    }
  }

  private static void evictLeastRecent(State s) {
    int oldest = 0;
    for (int i = 1; i < s.size; i++) {
      if (s.lastSeen[i] < s.lastSeen[oldest]) {
        oldest = i;
      }
    }
    remove(s, oldest);
  }

  private static void remove(State s, int i) {
    s.size--;
    s.accounts[i] = s.accounts[s.size];
    s.lastSeen[i] = s.lastSeen[s.size];
    s.accounts[s.size] = null;
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = Long.MIN_VALUE;
    long next = Long.MAX_VALUE;
    for (int i = s.size - 1; i >= 0; i--) {
      long expires = s.lastSeen[i] + retentionMillis;
      if (expires <= time) {
        remove(s, i);
      } else {
        next = Math.min(next, expires);
      }
    }
    if (s.size == 0) {
      s.saturated = false;
    } else {
      s.wake = next;
      ctx.wakeAt(next);
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.size == 0;
  }
}
