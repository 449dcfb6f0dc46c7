package io.brushguard.detect.concentration;

/**
 * A count per string id (a buyer's orders in a window, an order id held): an open-addressing table
 * with linear probing on the mixed {@code String.hashCode} and backward-shift deletion, so no node
 * per entry, no boxing and no tombstones. Counts that reach zero leave the table.
 *
 * <p>Space: a reference and two {@code int}s per slot, at most half full: about 32 to 64 bytes per
 * id counted (the id itself is the caller's).
 */
final class StringCounts {
  private static final int MIN_CAPACITY = 8;

  private String[] ids;
  private int[] hashes;
  private int[] counts;
  private int size;

  /** Ids with a count above zero. */
  int size() {
    return size;
  }

  /** Adds one to the id's count; returns the new count. */
  int increment(String id) {
    if (ids == null) {
      allocate(MIN_CAPACITY);
    }
    int h = EngagedSessions.mix(id.hashCode());
    int mask = ids.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String at = ids[i];
      if (at == null) {
        if (2 * (size + 1) > ids.length) {
          grow();
          insert(id, h, 1);
        } else {
          ids[i] = id;
          hashes[i] = h;
          counts[i] = 1;
        }
        size++;
        return 1;
      }
      if (hashes[i] == h && (at == id || at.equals(id))) {
        return ++counts[i];
      }
    }
  }

  /** The id's count, 0 when it has none. */
  int count(String id) {
    int i = find(id);
    return i < 0 ? 0 : counts[i];
  }

  /**
   * Takes one from the id's count, which must be above zero; returns the new count (the id leaves
   * at zero).
   */
  int decrement(String id) {
    int i = find(id);
    if (i < 0) {
      throw new IllegalStateException("not counted: " + id);
    }
    int c = --counts[i];
    if (c == 0) {
      delete(i);
    }
    return c;
  }

  private int find(String id) {
    if (ids == null) {
      return -1;
    }
    int h = EngagedSessions.mix(id.hashCode());
    int mask = ids.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      String at = ids[i];
      if (at == null) {
        return -1;
      }
      if (hashes[i] == h && (at == id || at.equals(id))) {
        return i;
      }
    }
  }

  private void delete(int slot) {
    int mask = ids.length - 1;
    int hole = slot;
    for (int j = (hole + 1) & mask; ids[j] != null; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        ids[hole] = ids[j];
        hashes[hole] = hashes[j];
        counts[hole] = counts[j];
        hole = j;
      }
    }
    ids[hole] = null;
    size--;
  }

  private void grow() {
    String[] oldIds = ids;
    int[] oldHashes = hashes;
    int[] oldCounts = counts;
    allocate(oldIds.length * 2);
    for (int i = 0; i < oldIds.length; i++) {
      if (oldIds[i] != null) {
        insert(oldIds[i], oldHashes[i], oldCounts[i]);
      }
    }
  }

  private void insert(String id, int h, int count) {
    int mask = ids.length - 1;
    int i = h & mask;
    while (ids[i] != null) {
      i = (i + 1) & mask;
    }
    ids[i] = id;
    hashes[i] = h;
    counts[i] = count;
  }

  private void allocate(int capacity) {
    ids = new String[capacity];
    hashes = new int[capacity];
    counts = new int[capacity];
  }
}
