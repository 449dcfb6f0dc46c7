package io.brushguard.embedded;

/**
 * The keys of one stage: an open-addressing hash table of entries that carry their own string key
 * and its mixed hash, with linear probing and backward-shift deletion.
 *
 * <p>Design note: on this project's VMs a random read from memory takes 200 to 500 ns
 * (docs/performance.md), so a lookup costs what it misses in the caches. A {@code HashMap<String,
 * V>} lookup reads the table, a node, the key string and its bytes. Here the probe reads an {@code
 * int[]} of hashes and looks at an entry only on an equal hash, and there is no node. (Packing
 * short keys into the entries, so that a hit need not read the stored key's string, was tried: no
 * change measurable, since the first miss, on the hash array, is most of a lookup.) Space: an
 * {@code int} and a reference per slot, at most 3/4 full: about 11 to 21 bytes per key, against 40
 * to 48 for {@code HashMap} (node plus table).
 *
 * @param <E> the entries
 */
final class KeyTable<E extends KeyTable.Entry> {

  /** What the table holds: a key and its hash, fixed at creation. */
  static class Entry {
    final String key;
    final int hash;

    Entry(String key) {
      this.key = key;
      this.hash = mix(key.hashCode());
    }
  }

  private int[] hashes = new int[16];
  private Entry[] entries = new Entry[16];
  private int mask = 15;
  private int size;

  int size() {
    return size;
  }

  /** The entry for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  E get(String key) {
    int h = mix(key.hashCode());
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int held = hashes[i];
      if (held == EMPTY) {
        return null;
      }
      if (held == h) {
        Entry e = entries[i];
        if (e.key == key || e.key.equals(key)) {
          return (E) e;
        }
      }
    }
  }

  /** Adds an entry whose key is not in the table. */
  void add(E entry) {
    if (4 * (size + 1) > 3 * entries.length) {
      grow();
    }
    insert(entry);
    size++;
  }

  /** Removes this very entry, if it is in the table. */
  void remove(E entry) {
    int i = entry.hash & mask;
    while (entries[i] != entry) {
      if (hashes[i] == EMPTY) {
        return;
      }
      i = (i + 1) & mask;
    }
    // backward shift: move later entries of the run into the hole when their home allows it
    int hole = i;
    for (int j = (hole + 1) & mask; hashes[j] != EMPTY; j = (j + 1) & mask) {
      int home = hashes[j] & mask;
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        entries[hole] = entries[j];
        hashes[hole] = hashes[j];
        hole = j;
      }
    }
    entries[hole] = null;
    hashes[hole] = EMPTY;
    size--;
  }

  private void insert(Entry e) {
    int i = e.hash & mask;
    while (hashes[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    entries[i] = e;
    hashes[i] = e.hash;
  }

  private void grow() {
    Entry[] old = entries;
    entries = new Entry[old.length * 2];
    hashes = new int[old.length * 2];
    mask = entries.length - 1;
    for (Entry e : old) {
      if (e != null) {
        insert(e);
      }
    }
  }

  /** The hash of a free slot: no key's {@link #mix} is 0. */
  private static final int EMPTY = 0;

  /** Spreads a string hash over all bits (the table takes the low bits); never {@link #EMPTY}. */
  static int mix(int h) {
    int m = h * 0x9E3779B9;
    m ^= m >>> 16;
    return m == EMPTY ? 1 : m;
  }
}
