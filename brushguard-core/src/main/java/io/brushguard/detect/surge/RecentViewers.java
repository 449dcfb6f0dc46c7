package io.brushguard.detect.surge;

/**
 * Who viewed one shop recently, and how: per viewing account the time of its last view, the dwell
 * summed over its views and whether a search led to any of them. Lets the surge detector tell, for
 * each order, whether the buyer came through the shop's pages first.
 *
 * <p>Accounts are kept by the 32-bit hash of their id (a collision makes an order look viewed,
 * never the reverse; with a few thousand viewers per shop the chance per order is below 1e-6). An
 * entry older than the lookback counts as absent. The table is open-addressed with linear probing;
 * it grows by doubling at half load, after first dropping stale entries, up to {@code maxEntries};
 * a shop busier than that within one lookback keeps the most recent viewers only (entries older
 * than half the lookback are dropped, then a quarter, ...), so its effective lookback shrinks.
 *
 * <p>Space: 16 bytes per slot, at most {@code 4 × maxEntries} slots (256 KB at the default 4096
 * viewers); 16 slots (256 bytes) for a shop with few viewers.
 */
final class RecentViewers {
  /** Dwell is summed in whole seconds, saturating here. */
  private static final int DWELL_MAX = (1 << 30) - 1;

  private static final int SEARCHED = 1 << 30;
  private static final int EMPTY = 0;

  private final long lookback;
  private final int maxEntries;

  /**
   * Slot {@code i} is {@code table[2i]} = the account's hash in the high 32 bits and its dwell and
   * search flag in the low 32 (0 for an empty slot: no hash is 0), {@code table[2i + 1]} = the time
   * of its last view. One array, so that a probe reads one cache line, not three.
   */
  private long[] table = new long[32];

  private int size;

  RecentViewers(long lookbackMillis, int maxEntries) {
    this.lookback = lookbackMillis;
    this.maxEntries = maxEntries;
  }

  /** Notes a view by {@code account} at {@code ts}. */
  void view(String account, long ts, long dwellMs, boolean fromSearch) {
    int key = key(account);
    long[] t = table;
    int mask = (t.length >> 1) - 1;
    int i = mix(key) & mask;
    long w;
    while ((w = t[2 * i]) != EMPTY && (int) (w >>> 32) != key) {
      i = (i + 1) & mask;
    }
    int add = dwellMs < 0 ? DWELL_MAX : (int) Math.min(DWELL_MAX, dwellMs / 1000);
    int flag = fromSearch ? SEARCHED : 0;
    if (w != EMPTY) {
      long seen = t[2 * i + 1];
      int info = (int) w;
      if (seen < ts - lookback) {
        info = add | flag; // stale: a new visit
      } else {
        int dwell = (int) Math.min(DWELL_MAX, (long) (info & DWELL_MAX) + add);
        info = dwell | (info & SEARCHED) | flag;
      }
      t[2 * i] = slot(key, info);
      t[2 * i + 1] = Math.max(seen, ts);
      return;
    }
    t[2 * i] = slot(key, add | flag);
    t[2 * i + 1] = ts;
    if (++size * 4 > t.length) { // more than half the slots taken
      resize(ts);
    }
  }

  /**
   * How {@code account} came to an order at {@code ts}: {@link Path#UNVIEWED} with no view of the
   * shop within the lookback, {@link Path#GLANCE} when its views add up to less than {@code
   * glanceMs} and none came from a search, else {@link Path#BROWSED}.
   */
  Path path(String account, long ts, long glanceMs) {
    int key = key(account);
    long[] t = table;
    int mask = (t.length >> 1) - 1;
    int i = mix(key) & mask;
    long w;
    while ((w = t[2 * i]) != EMPTY) {
      if ((int) (w >>> 32) == key) {
        if (t[2 * i + 1] < ts - lookback) {
          return Path.UNVIEWED;
        }
        int v = (int) w;
        return (v & SEARCHED) == 0 && (long) (v & DWELL_MAX) * 1000 < glanceMs
            ? Path.GLANCE
            : Path.BROWSED;
      }
      i = (i + 1) & mask;
    }
    return Path.UNVIEWED;
  }

  int size() {
    return size;
  }

  int slots() {
    return table.length >> 1;
  }

  private void resize(long now) {
    long cutoff = now - lookback;
    int live = countNewerThan(cutoff);
    long window = lookback;
    while (live > maxEntries && window > 1) {
      window /= 2; // too busy: keep the most recent viewers only
      cutoff = now - window;
      live = countNewerThan(cutoff);
    }
    int capacity = 16;
    while (capacity < live * 4) {
      capacity *= 2;
    }
    long[] old = table;
    long[] t = new long[2 * capacity];
    size = 0;
    int mask = capacity - 1;
    for (int j = 0; j < old.length; j += 2) {
      long w = old[j];
      if (w != EMPTY && old[j + 1] >= cutoff) {
        int i = mix((int) (w >>> 32)) & mask;
        while (t[2 * i] != EMPTY) {
          i = (i + 1) & mask;
        }
        t[2 * i] = w;
        t[2 * i + 1] = old[j + 1];
        size++;
      }
    }
    table = t;
  }

  private int countNewerThan(long cutoff) {
    int n = 0;
    long[] t = table;
    for (int j = 0; j < t.length; j += 2) {
      if (t[j] != EMPTY && t[j + 1] >= cutoff) {
        n++;
      }
    }
    return n;
  }

  private static long slot(int key, int info) {
    return ((long) key << 32) | (info & 0xFFFF_FFFFL);
  }

  private static int key(String account) {
    int h = account.hashCode();
    return h == EMPTY ? 1 : h;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** How a buyer reached an order. */
  enum Path {
    /** No view of the shop by the buyer within the lookback. */
    UNVIEWED,
    /** Only a glance: a few seconds on the shop's pages, no search leading there. */
    GLANCE,
    /** Came through the shop's pages: a search, or a real look. */
    BROWSED
  }
}
