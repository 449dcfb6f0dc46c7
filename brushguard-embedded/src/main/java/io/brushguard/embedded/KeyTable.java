package io.brushguard.embedded;

/**
 * The keys of one stage: an open-addressing hash table of entries that carry their own string key
 * and its mixed hash, with linear probing and backward-shift deletion.
 *
 * <p>Design note: on this project's VMs a random read from memory takes 200 to 500 ns, so a lookup
 * costs what it misses in the caches. A {@code HashMap<String, V>} lookup reads the table, a node,
 * the key string and its bytes. Here the probe reads an {@code int[]} of hashes and looks at an
 * entry only on an equal hash; a key of at most {@value #INLINE} Latin-1 characters (every id of
 * the simulated markets, and the numeric ids of most platforms) is also packed into the entry, so
 * that a hit compares two longs there instead of reading the stored key's string and bytes: a hit
 * misses three times (hash, slot, entry), not five. Space: an {@code int} and a reference per slot,
 * at most 3/4 full (11 to 21 bytes per key), plus 20 bytes of packed key in each entry.
 *
 * @param <E> the entries
 */
final class KeyTable<E extends KeyTable.Entry> {

  /** Keys up to this many characters, each below 256, are packed into their entries. */
  static final int INLINE = 16;

  /** What the table holds: a key and its hash, fixed at creation. */
  static class Entry {
    final String key;
    final int hash;

    /** The key's length when packed in {@link #low} and {@link #high}, else -1. */
    private final int packedLength;

    private final long low;
    private final long high;

    Entry(String key) {
      this.key = key;
      this.hash = mix(key.hashCode());
      int n = packable(key) ? key.length() : -1;
      this.packedLength = n;
      this.low = n < 0 ? 0 : pack(key, 0, Math.min(n, 8));
      this.high = n <= 8 ? 0 : pack(key, 8, n);
    }

    private boolean is(String other, int length, long otherLow, long otherHigh) {
      if (packedLength >= 0) {
        return packedLength == length && low == otherLow && high == otherHigh;
      }
      return key == other || key.equals(other);
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
    int length = -1;
    long low = 0;
    long high = 0;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int held = hashes[i];
      if (held == EMPTY) {
        return null;
      }
      if (held == h) {
        if (length == -2 || (length == -1 && !packable(key))) {
          length = -2; // not packable: compared by equals
        } else if (length == -1) {
          length = key.length();
          low = pack(key, 0, Math.min(length, 8));
          high = length <= 8 ? 0 : pack(key, 8, length);
        }
        Entry e = entries[i];
        if (e.is(key, length, low, high)) {
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

  private static boolean packable(String key) {
    if (key.length() > INLINE) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) > 0xff) {
        return false;
      }
    }
    return true;
  }

  /** Characters {@code from} to {@code to} (at most 8, each below 256) as the bytes of a long. */
  private static long pack(String key, int from, int to) {
    long v = 0;
    for (int i = from; i < to; i++) {
      v = v << 8 | key.charAt(i);
    }
    return v;
  }
}
