package io.brushguard.detect.velocity;

import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Open addressing from a 64-bit hash of an id (a token, a target) to its value, at most half full,
 * linear probing; what a partitioned stage keeps instead of one runtime key per id.
 *
 * <p>Design note: the runtime's key table reads an entry, its key string and the string's bytes per
 * lookup; here a probe reads one {@code long[]} slot, and ids are not kept at all. Two ids with the
 * same 64-bit hash ({@link #hash}, FNV-1a) would share a value: among a billion ids that happens
 * with probability about 3·10⁻². For the few million ids of a market, below 10⁻⁶.
 *
 * <p>Space: 12 bytes per slot (a {@code long} and a reference), 24 to 48 bytes per id held, besides
 * the values. Removal is by {@link #retain}, which rebuilds the arrays: the stages call it once per
 * sweep, not per input.
 *
 * @param <V> the values
 */
final class HashedTable<V> {
  private long[] keys = new long[16];
  private Object[] values = new Object[16];
  private int size;

  int size() {
    return size;
  }

  /** The value for hash {@code h}, or null. */
  @SuppressWarnings("unchecked")
  V get(long h) {
    long[] k = keys;
    int mask = k.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      long held = k[i];
      if (held == h) {
        return (V) values[i];
      }
      if (held == 0) {
        return null;
      }
    }
  }

  /** Adds a value for a hash not in the table. */
  void add(long h, V value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(h, value);
    size++;
  }

  /** Replaces the value of a hash in the table. */
  void replace(long h, V value) {
    int mask = keys.length - 1;
    int i = spread(h) & mask;
    while (keys[i] != h) {
      i = (i + 1) & mask;
    }
    values[i] = value;
  }

  /** Keeps only the values that pass {@code keep}, asked once each. */
  @SuppressWarnings("unchecked")
  void retain(Predicate<? super V> keep) {
    long[] keptKeys = new long[size];
    Object[] keptValues = new Object[size];
    int kept = 0;
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0 && keep.test((V) values[i])) {
        keptKeys[kept] = keys[i];
        keptValues[kept++] = values[i];
      }
    }
    if (kept == size) {
      return;
    }
    int n = 16;
    while (2 * kept > n) {
      n *= 2;
    }
    keys = new long[n];
    values = new Object[n];
    size = kept;
    for (int i = 0; i < kept; i++) {
      insert(keptKeys[i], keptValues[i]);
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  private void insert(long h, Object value) {
    int mask = keys.length - 1;
    int i = spread(h) & mask;
    while (keys[i] != 0) {
      i = (i + 1) & mask;
    }
    keys[i] = h;
    values[i] = value;
  }

  void clear() {
    Arrays.fill(keys, 0);
    Arrays.fill(values, null);
    size = 0;
  }

  private static int spread(long h) {
    long m = h * 0x9E3779B97F4A7C15L;
    return (int) (m >>> 32);
  }

  /** A 64-bit FNV-1a hash of {@code id}, never 0 (0 marks a free slot). */
  static long hash(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }
}
