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
  private int[] keys = new int[16];
  private long[] seen = new long[16];
  private int[] info = new int[16];
  private int size;

  RecentViewers(long lookbackMillis, int maxEntries) {
    this.lookback = lookbackMillis;
    this.maxEntries = maxEntries;
  }

  /** Notes a view by {@code account} at {@code ts}. */
  void view(String account, long ts, long dwellMs, boolean fromSearch) {
    int key = key(account);
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    int add = dwellMs < 0 ? DWELL_MAX : (int) Math.min(DWELL_MAX, dwellMs / 1000);
    int flag = fromSearch ? SEARCHED : 0;
    if (keys[i] == key) {
      if (seen[i] < ts - lookback) {
        info[i] = add | flag; // stale: a new visit
      } else {
        int dwell = (int) Math.min(DWELL_MAX, (long) (info[i] & DWELL_MAX) + add);
        info[i] = dwell | (info[i] & SEARCHED) | flag;
      }
      seen[i] = Math.max(seen[i], ts);
      return;
    }
    keys[i] = key;
    seen[i] = ts;
    info[i] = add | flag;
    if (++size * 2 > keys.length) {
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
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        if (seen[i] < ts - lookback) {
          return Path.UNVIEWED;
        }
        int v = info[i];
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
    return keys.length;
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
    int[] oldKeys = keys;
    long[] oldSeen = seen;
    int[] oldInfo = info;
    keys = new int[capacity];
    seen = new long[capacity];
    info = new int[capacity];
    size = 0;
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY && oldSeen[j] >= cutoff) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        seen[i] = oldSeen[j];
        info[i] = oldInfo[j];
        size++;
      }
    }
  }

  private int countNewerThan(long cutoff) {
    int n = 0;
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY && seen[j] >= cutoff) {
        n++;
      }
    }
    return n;
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
