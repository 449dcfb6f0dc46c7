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
 * <p><b>Space.</b> Per token with one account: about 90 bytes (table slot, entry, state); with
 * more, about 70 bytes of arrays plus 20 bytes per account (the account id string is shared with
 * the events).
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

  /**
   * The accounts seen with one token, and when each was last seen. Most tokens (a phone, an
   * identity, most devices) have one account: it is kept in fields, and the arrays hold the second
   * and later ones (null until a token has two). Account {@code i} is the fields for 0, else {@code
   * i - 1} of the arrays.
   */
  public static final class State {
    String first;
    int firstHash; // String.hashCode() of each account, compared before the string
    long firstSeen;
    String[] accounts;
    int[] hashes;
    long[] lastSeen;
    int size;
    boolean saturated;
    long wake = Long.MIN_VALUE;

    long seen(int i) {
      return i == 0 ? firstSeen : lastSeen[i - 1];
    }

    void seen(int i, long time) {
      if (i == 0) {
        firstSeen = time;
      } else {
        lastSeen[i - 1] = time;
      }
    }

    int find(String account, int hash) {
      if (size == 0) {
        return -1;
      }
      if (firstHash == hash && first.equals(account)) {
        return 0;
      }
      for (int i = 0; i < size - 1; i++) {
        if (hashes[i] == hash && accounts[i].equals(account)) {
          return i + 1;
        }
      }
      return -1;
    }

    void set(int i, String account, int hash, long time) {
      if (i == 0) {
        first = account;
        firstHash = hash;
        firstSeen = time;
      } else {
        accounts[i - 1] = account;
        hashes[i - 1] = hash;
        lastSeen[i - 1] = time;
      }
    }

    /** Makes room for account {@code size}, the arrays at most {@code max - 1} long. */
    void reserve(int max) {
      if (size == 0) {
        return;
      }
      if (accounts == null) {
        accounts = new String[2];
        hashes = new int[2];
        lastSeen = new long[2];
      } else if (size - 1 == accounts.length) {
        int n = Math.min(max - 1, accounts.length * 2);
        accounts = Arrays.copyOf(accounts, n);
        hashes = Arrays.copyOf(hashes, n);
        lastSeen = Arrays.copyOf(lastSeen, n);
      }
    }

    /** Removes account {@code i}: the last one takes its place. */
    void remove(int i) {
      int last = --size;
      if (i != last) {
        int j = last - 1;
        set(i, accounts[j], hashes[j], lastSeen[j]);
      }
      if (last == 0) {
        first = null;
      } else {
        accounts[last - 1] = null;
      }
    }
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
    int hash = account.hashCode();
    long now = ctx.now();
    int known = s.find(account, hash);
    if (known >= 0) {
      s.seen(known, now); // seen again: nothing new to say
      return;
    }
    if (s.size == maxFanout) {
      evictLeastRecent(s);
      s.saturated = true;
    }
    s.reserve(maxFanout);
    s.set(s.size++, account, hash, now);
    ctx.emit(new Linked(kind, ctx.key(), account, s.size, s.saturated));
    if (s.wake == Long.MIN_VALUE) {
      s.wake = now + retentionMillis;
      ctx.wakeAt(s.wake);
    }
  }

  private static void evictLeastRecent(State s) {
    int oldest = 0;
    for (int i = 1; i < s.size; i++) {
      if (s.seen(i) < s.seen(oldest)) {
        oldest = i;
      }
    }
    s.remove(oldest);
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = Long.MIN_VALUE;
    long next = Long.MAX_VALUE;
    for (int i = s.size - 1; i >= 0; i--) {
      long expires = s.seen(i) + retentionMillis;
      if (expires <= time) {
        s.remove(i);
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

  /** Its wake-ups only forget. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.size == 0;
  }
}
