package io.brushguard.detect.ring;

import java.util.Arrays;

/**
 * Open addressing from a non-zero {@code long} key to an {@code int}, linear probing, at most half
 * full, backward-shift deletion: the ring graph's index of ids (64-bit hashes) and of edges (row
 * and column packed in one {@code long}).
 *
 * <p>Design note: plain arrays rather than a fastutil map because the graph is the state of a
 * stage, which the Flink job checkpoints with Kryo's field serializer: fastutil's open maps keep
 * their arrays in {@code transient} fields (they serialize by {@code writeObject}), which that
 * serializer skips. Here every field is an ordinary array and checkpoints as it is.
 *
 * <p>Space: 12 bytes per slot, 24 to 48 bytes per entry. The arrays do not shrink.
 */
final class LongIntTable {
  static final int ABSENT = -1;

  private long[] keys = new long[16];
  private int[] values = new int[16];
  private int size;

  int size() {
    return size;
  }

  /** The value of {@code key} (non-zero), or {@link #ABSENT}. */
  int get(long key) {
    long[] k = keys;
    int mask = k.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long held = k[i];
      if (held == key) {
        return values[i];
      }
      if (held == 0) {
        return ABSENT;
      }
    }
  }

  /** Sets the value of {@code key} (non-zero). */
  void put(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      size++;
      keys[i] = key;
    }
    values[i] = value;
  }

  /** Removes {@code key}, if present. */
  void remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != key) {
      if (keys[i] == 0) {
        return;
      }
      i = (i + 1) & mask;
    }
    size--;
    // backward shift: move later entries of the probe run into the gap
    for (int j = (i + 1) & mask; keys[j] != 0; j = (j + 1) & mask) {
      int home = slot(keys[j], mask);
      boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
      if (!between) {
        keys[i] = keys[j];
        values[i] = values[j];
        i = j;
      }
    }
    keys[i] = 0;
  }

  void clear() {
    Arrays.fill(keys, 0);
    size = 0;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }
}
