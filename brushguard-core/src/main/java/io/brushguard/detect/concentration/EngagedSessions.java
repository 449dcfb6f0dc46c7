package io.brushguard.detect.concentration;

import io.brushguard.flow.HashedTable;

/**
 * The sessions that looked at one shop with engagement, each with the time of its latest such view:
 * an open-addressing table (linear probing) of a 64-bit hash of the session id and that time, in
 * one {@code long[]} of pairs, expired lazily.
 *
 * <p><b>Ids as 64-bit hashes.</b> A session is known by a 64-bit FNV-1a hash of its id, finished
 * with the MurmurHash3 mixer, not by the id: the probe then reads one array and no string. Two ids
 * of one shop's last window colliding would make one count as the other; with the few hundred
 * sessions a busy shop sees in a window that is about 2<sup>-48</sup> per shop and window.
 *
 * <p><b>Expiry, and why lazily.</b> A session counts as engaged for {@code keep} ms after its
 * latest engaged view, judged the way a prune on every view and on a wake-up at every entry's end
 * would judge it: at a query at time {@code t}, an entry of time {@code ts} counts while {@code ts
 * + keep + 1 > max(t - 1, lastView)}, where {@code lastView} is the latest view recorded (a prune
 * at {@code t} itself runs only after a view at {@code t}, or after the wake-up's own work). So
 * nothing is removed per view and no wake-up is needed per entry: dead entries are dropped when the
 * table would grow, and the whole table once every entry is dead ({@link #clear}, from the shop's
 * one wake-up per window).
 *
 * <p>Space: 16 bytes per slot, the table at most half full, and at most a quarter full of live
 * entries after dropping dead ones: 32 to 128 bytes per session that viewed the shop in the last
 * {@code keep} ms.
 */
final class EngagedSessions {
  private static final int MIN_CAPACITY = 4;

  /** Marks an empty slot; a session whose hash is 0 is stored as 1 (one more collision). */
  private static final long EMPTY = 0;

  private final long keep;

  /** Pairs (hash, time of the latest engaged view); null while empty. */
  private long[] slots;

  private int size;
  private long lastView = Long.MIN_VALUE;

  EngagedSessions(long keepMillis) {
    this.keep = keepMillis;
  }

  /** Records an engaged view of {@code session} at {@code ts} (not before the previous one). */
  void viewed(String session, long ts) {
    lastView = ts;
    if (slots == null) {
      slots = new long[2 * MIN_CAPACITY];
    }
    long h = HashedTable.hash(session);
    int mask = slots.length / 2 - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      long at = slots[2 * i];
      if (at == EMPTY) {
        if (2 * (size + 1) > slots.length / 2) {
          rebuild(ts);
          insert(h, ts);
        } else {
          slots[2 * i] = h;
          slots[2 * i + 1] = ts;
        }
        size++;
        return;
      }
      if (at == h) {
        slots[2 * i + 1] = ts;
        return;
      }
    }
  }

  /** Whether {@code session} viewed the shop with engagement recently enough, at time {@code t}. */
  boolean engaged(String session, long t) {
    if (slots == null || session == null) {
      return false;
    }
    long pruned = Math.max(t - 1, lastView);
    long h = HashedTable.hash(session);
    int mask = slots.length / 2 - 1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      long at = slots[2 * i];
      if (at == EMPTY) {
        return false;
      }
      if (at == h) {
        return slots[2 * i + 1] + keep + 1 > pruned;
      }
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Forgets every entry (and the table). */
  void clear() {
    slots = null;
    size = 0;
  }

  /** Drops the entries dead at a prune at {@code now}, then sizes the table for one more. */
  private void rebuild(long now) {
    long[] old = slots;
    int live = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != EMPTY && old[i + 1] + keep + 1 > now) {
        live++;
      }
    }
    int capacity = MIN_CAPACITY;
    while (4 * (live + 1) > capacity) {
      capacity *= 2; // at most a quarter full after a rebuild: rebuilds stay amortised O(1)
    }
    slots = new long[2 * capacity];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != EMPTY && old[i + 1] + keep + 1 > now) {
        insert(old[i], old[i + 1]);
        size++;
      }
    }
  }

  private void insert(long h, long ts) {
    int mask = slots.length / 2 - 1;
    int i = (int) h & mask;
    while (slots[2 * i] != EMPTY) {
      i = (i + 1) & mask;
    }
    slots[2 * i] = h;
    slots[2 * i + 1] = ts;
  }

  static int mix(int h) {
    int m = h * 0x9E3779B9;
    return m ^ (m >>> 16);
  }
}
