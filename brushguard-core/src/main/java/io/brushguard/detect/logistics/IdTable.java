package io.brushguard.detect.logistics;

import java.util.Arrays;

/**
 * The ids of one bucket and a value per id: open addressing with linear probing on a 64-bit hash of
 * the id, backward-shift deletion, no id strings kept.
 *
 * <p>Design note: the detector's stages keyed by an order, a waybill or an address would hold one
 * runtime key per id, hundreds of thousands of them (a delivered order's key stays until its hold
 * ends, for its pending wake-up), and each lookup in such a table reads a slot, an entry, its key
 * string and that string's bytes: cache misses that were most of the detector's time. Keyed instead
 * by a {@link #bucket} of ids, a stage finds the bucket in a small table and the id here, in one
 * array of hashes. Two ids of one bucket with the same 64-bit hash would share a value: with {@code
 * n} ids in a bucket that happens with probability about {@code n²/2⁶⁵}, below 10⁻¹³ for a bucket
 * of a thousand.
 *
 * <p>Space: a {@code long} and a reference per slot, at most 3/4 full: 16 to 24 bytes per id
 * besides the value.
 *
 * @param <V> the values
 */
final class IdTable<V> {
  /**
   * How many leading characters of an order id name its bucket (waybills and addresses have their
   * own, in their stages). A fact's stamp carries the key of the stage that emitted it, and facts
   * of one time are ordered by it: a prefix is the one grouping of ids that sorts as the ids do (if
   * two prefixes differ, so do the ids, in the same order), so the facts of different buckets reach
   * the next stages in the order those of different ids did. Sequential ids ({@code o123456}) put
   * up to a hundred neighbours in a bucket, random ones a few.
   */
  static final int PREFIX = 5;

  private long[] hashes = new long[8];
  private Object[] values = new Object[8];
  private int size;

  /** The bucket of an id: its first {@code prefix} characters (all of a shorter id). */
  static String bucket(String id, int prefix) {
    return id.length() <= prefix ? id : id.substring(0, prefix);
  }

  /** A 64-bit hash of an id, never 0 (0 marks a free slot). */
  static long hash(String id) {
    long h = 0x9E3779B97F4A7C15L ^ id.length();
    for (int i = 0; i < id.length(); i++) {
      h = (h ^ id.charAt(i)) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  int size() {
    return size;
  }

  /** The slot of {@code hash}, or -1. */
  int find(long hash) {
    int mask = hashes.length - 1;
    for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
      long h = hashes[i];
      if (h == hash) {
        return i;
      }
      if (h == 0) {
        return -1;
      }
    }
  }

  /** The value at a slot {@link #find} returned. */
  @SuppressWarnings("unchecked")
  V at(int slot) {
    return (V) values[slot];
  }

  /** The value of {@code hash}, or null. */
  V get(long hash) {
    int i = find(hash);
    return i < 0 ? null : at(i);
  }

  /** Adds a value for a hash not in the table. */
  void add(long hash, V value) {
    if (4 * (size + 1) > 3 * hashes.length) {
      grow();
    }
    insert(hash, value);
    size++;
  }

  /** Removes the value at a slot {@link #find} returned. */
  void removeAt(int slot) {
    int mask = hashes.length - 1;
    int hole = slot;
    for (int j = (hole + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
      int home = (int) hashes[j] & mask;
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        hashes[hole] = hashes[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    hashes[hole] = 0;
    values[hole] = null;
    size--;
  }

  /** Removes the value of {@code hash}, if there is one. */
  void remove(long hash) {
    int i = find(hash);
    if (i >= 0) {
      removeAt(i);
    }
  }

  /** Removes every value the filter accepts. */
  void removeIf(java.util.function.Predicate<? super V> filter) {
    // collect first: backward shifts move values across the scan position
    long[] doomed = null;
    int n = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0 && filter.test(at(i))) {
        if (doomed == null) {
          doomed = new long[8];
        } else if (n == doomed.length) {
          doomed = Arrays.copyOf(doomed, 2 * n);
        }
        doomed[n++] = hashes[i];
      }
    }
    for (int k = 0; k < n; k++) {
      remove(doomed[k]);
    }
  }

  /** Removes every value. */
  void clear() {
    if (size > 0) {
      hashes = new long[8];
      values = new Object[8];
      size = 0;
    }
  }

  /** Calls {@code action} with every value. */
  void forEach(java.util.function.Consumer<? super V> action) {
    for (int i = 0; i < hashes.length; i++) {
      if (hashes[i] != 0) {
        action.accept(at(i));
      }
    }
  }

  private void insert(long hash, Object value) {
    int mask = hashes.length - 1;
    int i = (int) hash & mask;
    while (hashes[i] != 0) {
      i = (i + 1) & mask;
    }
    hashes[i] = hash;
    values[i] = value;
  }

  private void grow() {
    long[] oldHashes = hashes;
    Object[] oldValues = values;
    hashes = new long[oldHashes.length * 2];
    values = new Object[oldHashes.length * 2];
    for (int i = 0; i < oldHashes.length; i++) {
      if (oldHashes[i] != 0) {
        insert(oldHashes[i], oldValues[i]);
      }
    }
  }
}
