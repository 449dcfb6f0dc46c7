package io.brushguard.detect.concentration;

/**
 * The sessions that looked at one shop with engagement, each with the time of its latest such view:
 * an open-addressing table (linear probing on the session id's {@code String.hashCode}, mixed) of
 * the id and a {@code long}, expired lazily.
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
 * <p>Space: a reference, an {@code int} and a {@code long} per slot, the table at most half full
 * after dropping dead entries: about 40 to 80 bytes per session that viewed the shop in the last
 * {@code keep} ms (dead ones are dropped before the table grows).
 */
final class EngagedSessions {
  private static final int MIN_CAPACITY = 4;

  private final long keep;
  private String[] ids;
  private int[] hashes;
  private long[] times;
  private int size;
  private long lastView = Long.MIN_VALUE;

  EngagedSessions(long keepMillis) {
    this.keep = keepMillis;
  }

  /** Records an engaged view of {@code session} at {@code ts} (not before the previous one). */
  void viewed(String session, long ts) {
    lastView = ts;
    if (ids == null) {
      allocate(MIN_CAPACITY);
    }
    int h = mix(session.hashCode());
    int mask = ids.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String id = ids[i];
      if (id == null) {
        if (2 * (size + 1) > ids.length) {
          rebuild(ts);
          insert(session, h, ts);
        } else {
          ids[i] = session;
          hashes[i] = h;
          times[i] = ts;
        }
        size++;
        return;
      }
      if (hashes[i] == h && (id == session || id.equals(session))) {
        times[i] = ts;
        return;
      }
    }
  }

  /** Whether {@code session} viewed the shop with engagement recently enough, at time {@code t}. */
  boolean engaged(String session, long t) {
    if (ids == null || session == null) {
      return false;
    }
    long pruned = Math.max(t - 1, lastView);
    int h = mix(session.hashCode());
    int mask = ids.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String id = ids[i];
      if (id == null) {
        return false;
      }
      if (hashes[i] == h && (id == session || id.equals(session))) {
        return times[i] + keep + 1 > pruned;
      }
    }
  }

  /** Whether every entry is dead once a prune at {@code t} has run. */
  boolean allDeadAt(long t) {
    return size == 0 || lastView + keep + 1 <= t;
  }

  /** The time of the latest engaged view, or Long.MIN_VALUE. */
  long lastView() {
    return lastView;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Forgets every entry (and the table). */
  void clear() {
    ids = null;
    hashes = null;
    times = null;
    size = 0;
  }

  /** Drops the entries dead at a prune at {@code now}, then sizes the table for one more. */
  private void rebuild(long now) {
    String[] oldIds = ids;
    int[] oldHashes = hashes;
    long[] oldTimes = times;
    int live = 0;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null && oldTimes[i] + keep + 1 > now) {
        live++;
      }
    }
    int capacity = MIN_CAPACITY;
    while (4 * (live + 1) > capacity) {
      capacity *= 2; // at most a quarter full after a rebuild: rebuilds stay amortised O(1)
    }
    allocate(capacity);
    size = 0;
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null && oldTimes[i] + keep + 1 > now) {
        insert(oldIds[i], oldHashes[i], oldTimes[i]);
        size++;
      }
    }
  }

  private void insert(String id, int h, long ts) {
    int mask = ids.length - 1;
    int i = h & mask;
    while (ids[i] != null) {
      i = (i + 1) & mask;
    }
    ids[i] = id;
    hashes[i] = h;
    times[i] = ts;
  }

  private void allocate(int capacity) {
    ids = new String[capacity];
    hashes = new int[capacity];
    times = new long[capacity];
  }

  static int mix(int h) {
    int m = h * 0x9E3779B9;
    return m ^ (m >>> 16);
  }
}
