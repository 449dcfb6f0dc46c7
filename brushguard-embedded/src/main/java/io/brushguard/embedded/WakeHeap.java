package io.brushguard.embedded;

import java.util.Arrays;

/**
 * A binary min-heap of pending wake-ups by (time, order added), in parallel primitive arrays, each
 * pointing at the entry to wake. Space: about 24 bytes per pending wake-up.
 *
 * @param <E> what a wake-up points at
 */
final class WakeHeap<E> {
  private long[] times = new long[256];
  private long[] seqs = new long[256];
  private Object[] entries = new Object[256];
  private int size;
  private long nextSeq;

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  long topTime() {
    return times[0];
  }

  void add(long time, E entry) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      seqs = Arrays.copyOf(seqs, size * 2);
      entries = Arrays.copyOf(entries, size * 2);
    }
    long seq = nextSeq++;
    int i = size++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!less(time, seq, times[parent], seqs[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, time, seq, entry);
  }

  /** Removes the top; returns its entry (its time was {@link #topTime}). */
  @SuppressWarnings("unchecked")
  E pollEntry() {
    E top = (E) entries[0];
    int last = --size;
    long time = times[last];
    long seq = seqs[last];
    Object entry = entries[last];
    entries[last] = null;
    if (last > 0) {
      int i = 0;
      int half = last >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        if (right < last && less(times[right], seqs[right], times[child], seqs[child])) {
          child = right;
        }
        if (!less(times[child], seqs[child], time, seq)) {
          break;
        }
        move(child, i);
        i = child;
      }
      set(i, time, seq, entry);
    }
    return top;
  }

  private static boolean less(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    seqs[to] = seqs[from];
    entries[to] = entries[from];
  }

  private void set(int i, long time, long seq, Object entry) {
    times[i] = time;
    seqs[i] = seq;
    entries[i] = entry;
  }
}
