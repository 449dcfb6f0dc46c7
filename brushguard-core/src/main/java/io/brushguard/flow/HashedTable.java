package io.brushguard.flow;

import java.util.function.Predicate;

/**
 * Open addressing from a 64-bit hash of an id (an account, a token) to its value, at most half
 * full, linear probing; what a partitioned stage keeps instead of one runtime key per id.
 *
 * <p>Design note: the runtime's key table reads an entry, its key string and the string's bytes per
 * lookup; here a probe reads one {@code long[]} slot, and ids are not kept at all. Two ids with the
 * same 64-bit hash ({@link #hash}) would share a value: among a billion ids that happens with
 * probability about 3·10⁻². For the few million ids of a market, below 10⁻⁶.
 *
 * <p>Each id carries a time before which it cannot be forgotten ({@link #keepUntil}), beside its
 * hash in one {@code long[]} (one cache line for both), so that a sweep ({@link #retain}) reads
 * that array and asks only about the ids due, without reading the values of the others.
 *
 * <p>Space: 20 bytes per slot (two {@code long}s and a reference), 40 to 80 bytes per id held,
 * besides the values. Removal is by {@link #retain}, in place: the stages call it once per sweep,
 * not per input. The arrays do not shrink (a partition keeps the size of its busiest hour).
 *
 * @param <V> the values
 */
public final class HashedTable<V> {
  /** Per slot, the hash (0: free) and, after it, the time kept until. */
  private long[] slots = new long[32];

  private Object[] values = new Object[16];
  private int size;

  public int size() {
    return size;
  }

  /** The value for hash {@code h}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long h) {
    long[] k = slots;
    int mask = values.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long held = k[2 * i];
      if (held == h) {
        return (V) values[i];
      }
      if (held == 0) {
        return null;
      }
    }
  }

  /**
   * The value for hash {@code h} if it is kept until {@code now} or later ({@link #keepUntil}), or
   * null: no read of a value that has expired.
   */
  @SuppressWarnings("unchecked")
  public V getKeptAt(long h, long now) {
    long[] k = slots;
    int mask = values.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long held = k[2 * i];
      if (held == h) {
        return k[2 * i + 1] >= now ? (V) values[i] : null;
      }
      if (held == 0) {
        return null;
      }
    }
  }

  /** Adds a value for a hash not in the table. */
  public void add(long h, V value) {
    if (2 * (size + 1) > values.length) {
      grow();
    }
    insert(h, value, Long.MIN_VALUE);
    size++;
  }

  /** Replaces the value of a hash in the table. */
  public void replace(long h, V value) {
    values[slot(h)] = value;
  }

  /** Tells {@link #retain} not to ask about hash {@code h} (in the table) before {@code time}. */
  public void keepUntil(long h, long time) {
    slots[2 * slot(h) + 1] = time;
  }

  /**
   * Keeps the values kept until after {@code time} (see {@link #keepUntil}), and of the others
   * those that pass {@code keep}, asked once each. Removes in place (backward shift), starting
   * after a free slot so that no run of slots is visited twice.
   */
  @SuppressWarnings("unchecked")
  public void retain(long time, Predicate<? super V> keep) {
    int n = values.length;
    int mask = n - 1;
    int start = 0;
    while (slots[2 * start] != 0) {
      start++; // at most half full: there is a free slot
    }
    int i = (start + 1) & mask;
    for (int left = n - 1; left > 0; ) {
      if (slots[2 * i] == 0 || slots[2 * i + 1] > time || keep.test((V) values[i])) {
        i = (i + 1) & mask;
        left--;
      } else {
        remove(i); // a later value of the run may move into slot i: look at it again
      }
    }
  }

  /** Removes slot {@code hole}'s value, moving later values of its run back where they may go. */
  private void remove(int hole) {
    int mask = values.length - 1;
    for (int j = (hole + 1) & mask; slots[2 * j] != 0; j = (j + 1) & mask) {
      int home = spread(slots[2 * j]) & mask;
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        slots[2 * hole] = slots[2 * j];
        slots[2 * hole + 1] = slots[2 * j + 1];
        values[hole] = values[j];
        hole = j;
      }
    }
    slots[2 * hole] = 0;
    slots[2 * hole + 1] = 0;
    values[hole] = null;
    size--;
  }

  private int slot(long h) {
    int mask = values.length - 1;
    int i = spread(h) & mask;
    while (slots[2 * i] != h) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] oldSlots = slots;
    Object[] oldValues = values;
    allocate(oldValues.length * 2);
    for (int i = 0; i < oldValues.length; i++) {
      if (oldSlots[2 * i] != 0) {
        insert(oldSlots[2 * i], oldValues[i], oldSlots[2 * i + 1]);
      }
    }
  }

  private void allocate(int n) {
    slots = new long[2 * n];
    values = new Object[n];
  }

  private void insert(long h, Object value, long keptUntil) {
    int mask = values.length - 1;
    int i = spread(h) & mask;
    while (slots[2 * i] != 0) {
      i = (i + 1) & mask;
    }
    slots[2 * i] = h;
    slots[2 * i + 1] = keptUntil;
    values[i] = value;
  }

  private static int spread(long h) {
    long m = h * 0x9E3779B97F4A7C15L;
    return (int) (m >>> 32);
  }

  /**
   * The 64-bit hash by which the stages that keep ids as hashes know them: FNV-1a over the id's
   * chars, then MurmurHash3's 64-bit finaliser (so that every bit depends on every char); never 0,
   * which marks a free slot in the tables that hold these hashes.
   */
  public static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int k = 0; k < id.length(); k++) {
      h = (h ^ id.charAt(k)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }
}
