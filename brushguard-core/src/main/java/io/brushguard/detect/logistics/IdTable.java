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
   * How many buckets the order ids fall in (waybills and addresses have their own, in their
   * stages): by the id's hash, so whatever a platform's ids look like (a shared prefix, a date, a
   * sequence), a bucket holds about its share of the live ids, and the key space spreads over
   * Flink's subtasks. Facts of one time are ordered by the emitting key, so two orders' facts at
   * the same millisecond reach the next stages in the order of their buckets, the same in both
   * runtimes.
   */
  static final int BUCKETS = 4096;

  /** The keys of the order-id buckets. */
  static final String[] ORDER_BUCKETS = bucketKeys(BUCKETS);

  private long[] hashes = new long[8];
  private Object[] values = new Object[8];
  private int size;

  /** The keys of {@code n} buckets ({@code b0} … {@code b<n-1>}), {@code n} a power of two. */
  static String[] bucketKeys(int n) {
    if (Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("buckets must be a power of two, was " + n);
    }
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      keys[i] = "b" + i;
    }
    return keys;
  }

  /** The bucket of an id among {@code keys}, by its hash (the same in every JVM). */
  static String bucket(String id, String[] keys) {
    int h = id.hashCode() * 0x9E3779B9;
    return keys[(h ^ (h >>> 16)) & (keys.length - 1)];
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
