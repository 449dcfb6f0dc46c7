package io.brushguard.detect.velocity;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import java.util.Arrays;

/**
 * The recent actions (orders, reviews, likes) of one key, oldest first, in parallel arrays that
 * grow from 4 to a cap and are released when empty. Strings are the events' own (not copied).
 *
 * <p>Space: about 40 bytes per action held (a timestamp, a kind and a flag byte, seven references),
 * plus the arrays' headers; nothing once empty.
 */
final class Actions {
  static final byte ORDER = 0;
  static final byte REVIEW = 1;
  static final byte LIKE = 2;
  static final byte SIGNALLED = 1;
  static final byte ACCOUNT_SIGNALLED = 2;

  long[] ts;
  byte[] kind;
  byte[] flags;
  String[] target;
  String[] account;
  String[] id;
  String[] device;
  String[] payer;
  String[] ip;
  String[] shop;
  int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The kind of action an event is, or -1. */
  static byte kindOf(Event e) {
    if (e instanceof Order) {
      return ORDER;
    } else if (e instanceof Review) {
      return REVIEW;
    } else if (e instanceof Like) {
      return LIKE;
    }
    return -1;
  }

  /**
   * Appends an action; when at {@code cap}, the oldest is dropped first. The device, payment
   * account and IP are kept only by a window made with {@code tokens}.
   */
  void add(
      Event e,
      byte k,
      String targetOf,
      String deviceOf,
      String payerOf,
      String ipOf,
      boolean tokens,
      int cap) {
    if (ts == null) {
      allocate(2, tokens);
    } else if (size == ts.length) {
      if (size >= cap) {
        removeFirst(1);
      } else {
        allocate(Math.min(cap, size * 2), false);
      }
    }
    int i = size++;
    ts[i] = e.ts();
    kind[i] = k;
    flags[i] = 0;
    target[i] = targetOf;
    if (device != null) {
      device[i] = deviceOf;
      payer[i] = payerOf;
      ip[i] = ipOf;
    }
    if (e instanceof Order o) {
      account[i] = o.account();
      id[i] = o.order();
      shop[i] = o.shop();
    } else if (e instanceof Review r) {
      account[i] = r.account();
      id[i] = r.review();
      shop[i] = r.shop();
    } else {
      Like l = (Like) e;
      account[i] = l.account();
      id[i] = l.review();
      shop[i] = null;
    }
  }

  /** Fresh arrays of n (the token arrays only when the key keeps tokens), or grown to n. */
  private void allocate(int n, boolean tokens) {
    if (ts == null) {
      ts = new long[n];
      kind = new byte[n];
      flags = new byte[n];
      target = new String[n];
      account = new String[n];
      id = new String[n];
      shop = new String[n];
      if (tokens) {
        device = new String[n];
        payer = new String[n];
        ip = new String[n];
      }
    } else {
      ts = Arrays.copyOf(ts, n);
      kind = Arrays.copyOf(kind, n);
      flags = Arrays.copyOf(flags, n);
      target = Arrays.copyOf(target, n);
      account = Arrays.copyOf(account, n);
      id = Arrays.copyOf(id, n);
      if (device != null) {
        device = Arrays.copyOf(device, n);
        payer = Arrays.copyOf(payer, n);
        ip = Arrays.copyOf(ip, n);
      }
      shop = Arrays.copyOf(shop, n);
    }
  }

  /** How many actions, from the oldest, are before {@code cutoff}. */
  int countBefore(long cutoff) {
    int n = 0;
    while (n < size && ts[n] < cutoff) {
      n++;
    }
    return n;
  }

  /** Drops the {@code n} oldest actions; releases the arrays when nothing is left. */
  void removeFirst(int n) {
    if (n <= 0) {
      return;
    }
    if (n >= size) {
      release();
      return;
    }
    int rest = size - n;
    System.arraycopy(ts, n, ts, 0, rest);
    System.arraycopy(kind, n, kind, 0, rest);
    System.arraycopy(flags, n, flags, 0, rest);
    System.arraycopy(target, n, target, 0, rest);
    System.arraycopy(account, n, account, 0, rest);
    System.arraycopy(id, n, id, 0, rest);
    if (device != null) {
      System.arraycopy(device, n, device, 0, rest);
      System.arraycopy(payer, n, payer, 0, rest);
      System.arraycopy(ip, n, ip, 0, rest);
      Arrays.fill(device, rest, size, null);
      Arrays.fill(payer, rest, size, null);
      Arrays.fill(ip, rest, size, null);
    }
    System.arraycopy(shop, n, shop, 0, rest);
    Arrays.fill(target, rest, size, null);
    Arrays.fill(account, rest, size, null);
    Arrays.fill(id, rest, size, null);
    Arrays.fill(shop, rest, size, null);
    size = rest;
  }

  private void release() {
    ts = null;
    kind = null;
    flags = null;
    target = null;
    account = null;
    id = null;
    device = null;
    payer = null;
    ip = null;
    shop = null;
    size = 0;
  }

  /** Whether some action of {@code who} in the window carries one of the flags in {@code mask}. */
  boolean accountFlagged(String who, int mask) {
    for (int j = 0; j < size; j++) {
      if ((flags[j] & mask) != 0 && account[j].equals(who)) {
        return true;
      }
    }
    return false;
  }

  /** The entity kind of action {@code i}. */
  EntityKind entity(int i) {
    return kind[i] == ORDER
        ? EntityKind.ORDER
        : kind[i] == REVIEW ? EntityKind.REVIEW : EntityKind.LIKE;
  }

  /** The entity id of action {@code i} as the decision keys it. */
  String entityId(int i) {
    return kind[i] == LIKE ? account[i] + Like.SEPARATOR + id[i] : id[i];
  }

  /**
   * Signals action {@code i} unless it carries a flag of {@code check}, and its account unless one
   * of its actions in the window carries a flag of {@code accountCheck}; an order also tells {@link
   * Followup} that its account took part in a wave at its shop.
   */
  void signal(
      int i,
      int check,
      byte mark,
      int accountCheck,
      byte accountMark,
      double strength,
      String origin,
      String detail,
      io.brushguard.flow.Stage.Context ctx) {
    if ((flags[i] & check) != 0) {
      return; // signalled before, and its account with it
    }
    flags[i] |= mark;
    ctx.emit(
        new io.brushguard.detect.Signal(
            entity(i), entityId(i), Velocity.CODE, origin, strength, ts[i], detail));
    if (kind[i] == ORDER && strength >= Velocity.BASE) {
      ctx.emit(new Wave(account[i], shop[i], ts[i], strength));
    }
    if (!accountFlagged(account[i], accountCheck)) {
      flags[i] |= accountMark;
      ctx.emit(
          new io.brushguard.detect.Signal(
              EntityKind.ACCOUNT, account[i], Velocity.CODE, origin, strength, ts[i], detail));
    }
  }

  /** Whether some action among {@code idx[0..n)} carries none of the flags in {@code mask}. */
  boolean anyUnflagged(int[] idx, int n, int mask) {
    for (int k = 0; k < n; k++) {
      if ((flags[idx[k]] & mask) == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The number of distinct accounts among the indices {@code idx[0..n)}: one pass through a small
   * open-addressing table of indices, so a full window costs linear time, not quadratic.
   */
  int distinctAccounts(int[] idx, int n) {
    if (n <= 2) {
      return n < 2 || account[idx[0]].equals(account[idx[1]]) ? Math.min(n, 1) : 2;
    }
    int cap = Integer.highestOneBit(n * 2 - 1) << 1;
    int[] table = new int[cap];
    int mask = cap - 1;
    int d = 0;
    for (int a = 0; a < n; a++) {
      String who = account[idx[a]];
      int slot = who.hashCode() * 0x9E3779B9 >>> 16 & mask;
      while (true) {
        int held = table[slot];
        if (held == 0) {
          table[slot] = idx[a] + 1;
          d++;
          break;
        }
        if (account[held - 1].equals(who)) {
          break;
        }
        slot = slot + 1 & mask;
      }
    }
    return d;
  }
}
