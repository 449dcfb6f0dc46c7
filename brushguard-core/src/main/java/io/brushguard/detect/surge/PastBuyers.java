package io.brushguard.detect.surge;

/**
 * Who has bought at one shop before, and since when: per buyer the time of its first order there
 * within the memory. A surge is carried by new buyers; a returning customer who reorders from the
 * cart during one (a loyal buyer of a restock item) is not part of it.
 *
 * <p>Buyers are kept by the 32-bit hash of their id (a collision makes a new buyer look returning:
 * a missed order, never a false one). Open addressing with linear probing; the table grows by
 * doubling at half load, first dropping buyers whose first order is older than the memory, up to
 * {@code maxEntries}; a shop with more buyers than that keeps those who first came most recently.
 *
 * <p>Space: 12 bytes per slot, at most {@code 4 × maxEntries} slots (192 KB at 4,096 buyers); 16
 * slots (192 bytes) for a shop with few buyers.
 */
final class PastBuyers {
  private static final int EMPTY = 0;

  private final long memory;
  private final int maxEntries;
  private int[] keys = new int[16];
  private long[] first = new long[16];
  private int size;

  PastBuyers(long memoryMillis, int maxEntries) {
    this.memory = memoryMillis;
    this.maxEntries = maxEntries;
  }

  /**
   * Notes an order by {@code buyer} at {@code ts}; its first order's time stays. Returns what
   * {@link #firstOrder} said just before: the time of the buyer's first order remembered, or {@code
   * Long.MAX_VALUE} (one probe for both).
   */
  long order(String buyer, long ts) {
    int key = key(buyer);
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == key) {
      long before = first[i];
      if (before < ts - memory) {
        first[i] = ts; // forgotten: a first order again
        return Long.MAX_VALUE;
      }
      return before;
    }
    keys[i] = key;
    first[i] = ts;
    if (++size * 2 > keys.length) {
      resize(ts);
    }
    return Long.MAX_VALUE;
  }

  /** The time of the buyer's first order remembered, or {@code Long.MAX_VALUE}. */
  long firstOrder(String buyer, long now) {
    int key = key(buyer);
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      if (keys[i] == key) {
        return first[i] < now - memory ? Long.MAX_VALUE : first[i];
      }
      i = (i + 1) & mask;
    }
    return Long.MAX_VALUE;
  }

  int slots() {
    return keys.length;
  }

  private void resize(long now) {
    long cutoff = now - memory;
    int live = countSince(cutoff);
    long window = memory;
    while (live > maxEntries && window > 1) {
      window /= 2;
      cutoff = now - window;
      live = countSince(cutoff);
    }
    int capacity = 16;
    while (capacity < live * 4) {
      capacity *= 2;
    }
    int[] oldKeys = keys;
    long[] oldFirst = first;
    keys = new int[capacity];
    first = new long[capacity];
    size = 0;
    int mask = capacity - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY && oldFirst[j] >= cutoff) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        first[i] = oldFirst[j];
        size++;
      }
    }
  }

  private int countSince(long cutoff) {
    int n = 0;
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY && first[j] >= cutoff) {
        n++;
      }
    }
    return n;
  }

  private static int key(String buyer) {
    int h = buyer.hashCode();
    return h == EMPTY ? 1 : h;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
