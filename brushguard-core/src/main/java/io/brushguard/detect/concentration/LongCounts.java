package io.brushguard.detect.concentration;

import io.brushguard.flow.HashedTable;

/**
 * A count per id, the id known by a 64-bit hash ({@link HashedTable#hash}): an open-addressing
 * table with linear probing and backward-shift deletion, so no node per entry, no boxing, no
 * tombstones, and no string read after the id's hash is taken once. Counts that reach zero leave.
 *
 * <p>Two ids of one table colliding would be counted as one: with the few thousand ids a shop's two
 * windows hold, about 2<sup>-40</sup> per shop and window.
 *
 * <p>Space: 12 bytes per slot, at most half full: 24 to 48 bytes per id counted.
 */
final class LongCounts {
  private static final int MIN_CAPACITY = 8;
  private static final long EMPTY = 0; // HashedTable.hash never returns it

  private long[] keys;
  private int[] counts;
  private int size;

  /** Ids with a count above zero. */
  int size() {
    return size;
  }

  /** Adds one to the count of the id of hash {@code key}; returns the new count. */
  int increment(long key) {
    if (keys == null) {
      keys = new long[MIN_CAPACITY];
      counts = new int[MIN_CAPACITY];
    }
    int mask = keys.length - 1;
    for (int i = (int) key & mask; ; i = (i + 1) & mask) {
      long at = keys[i];
      if (at == EMPTY) {
        if (2 * (size + 1) > keys.length) {
          grow();
          insert(key, 1);
        } else {
          keys[i] = key;
          counts[i] = 1;
        }
        size++;
        return 1;
      }
      if (at == key) {
        return ++counts[i];
      }
    }
  }

  /** The count of the id of hash {@code key}, 0 when it has none. */
  int count(long key) {
    int i = find(key);
    return i < 0 ? 0 : counts[i];
  }

  /** Takes one from the count, which must be above zero; returns the new count (gone at zero). */
  int decrement(long key) {
    int i = find(key);
    if (i < 0) {
      throw new IllegalStateException("not counted: " + key);
    }
    int c = --counts[i];
    if (c == 0) {
      delete(i);
    }
    return c;
  }

  private int find(long key) {
    if (keys == null) {
      return -1;
    }
    int mask = keys.length - 1;
    for (int i = (int) key & mask; ; i = (i + 1) & mask) {
      long at = keys[i];
      if (at == EMPTY) {
        return -1;
      }
      if (at == key) {
        return i;
      }
    }
  }

  private void delete(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
      int home = (int) keys[j] & mask;
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        keys[hole] = keys[j];
        counts[hole] = counts[j];
        hole = j;
      }
    }
    keys[hole] = EMPTY;
    size--;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        insert(oldKeys[i], oldCounts[i]);
      }
    }
  }

  private void insert(long key, int count) {
    int mask = keys.length - 1;
    int i = (int) key & mask;
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    counts[i] = count;
  }
}
