package io.brushguard.embedded;

import java.util.Arrays;

/**
 * Pending wake-ups by (time, order added), each pointing at the entry to wake. Space: about 24
 * bytes per pending wake-up.
 *
 * <p>Design note: most wake-ups are a retention ({@code now + retention}, a constant), so they are
 * added in time order. Those go to the end of a first-in-first-out run (a ring of parallel
 * primitive arrays: O(1), read in memory order when they fire); only a wake-up earlier than the
 * newest in the run goes to a binary min-heap. The next wake-up is the earlier of the two heads by
 * (time, order added), so wake-ups leave exactly as from one heap holding all of them. At the end
 * of a scan every key's retention fires, and one heap of hundreds of thousands of entries was a
 * cache miss per level of each poll.
 *
 * @param <E> what a wake-up points at
 */
final class WakeHeap<E> {
  // the heap
  private long[] times = new long[64];
  private long[] seqs = new long[64];
  private Object[] entries = new Object[64];
  private int size;

  // the run: a ring of capacity runTimes.length (a power of two), from runHead, runSize long
  private long[] runTimes = new long[256];
  private long[] runSeqs = new long[256];
  private Object[] runEntries = new Object[256];
  private int runHead;
  private int runSize;
  private long runLast = Long.MIN_VALUE;

  private long nextSeq;

  boolean isEmpty() {
    return size == 0 && runSize == 0;
  }

  int size() {
    return size + runSize;
  }

  /** Drops every pending wake-up. */
  void clear() {
    Arrays.fill(entries, 0, size, null);
    for (int k = 0; k < runSize; k++) {
      runEntries[(runHead + k) & (runTimes.length - 1)] = null;
    }
    size = 0;
    runSize = 0;
    runHead = 0;
    runLast = Long.MIN_VALUE;
  }

  /** The time of the next wake-up; the heap must not be empty. */
  long topTime() {
    if (runSize == 0) {
      return times[0];
    }
    long r = runTimes[runHead];
    return size == 0 || r <= times[0] ? r : times[0];
  }

  void add(long time, E entry) {
    long seq = nextSeq++;
    if (time >= runLast) {
      if (runSize == runTimes.length) {
        growRun();
      }
      int at = (runHead + runSize++) & (runTimes.length - 1);
      runTimes[at] = time;
      runSeqs[at] = seq;
      runEntries[at] = entry;
      runLast = time;
      return;
    }
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      seqs = Arrays.copyOf(seqs, size * 2);
      entries = Arrays.copyOf(entries, size * 2);
    }
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

  /** Removes the next wake-up; returns its entry (its time was {@link #topTime}). */
  @SuppressWarnings("unchecked")
  E pollEntry() {
    if (runSize > 0
        && (size == 0 || less(runTimes[runHead], runSeqs[runHead], times[0], seqs[0]))) {
      E e = (E) runEntries[runHead];
      runEntries[runHead] = null;
      runHead = (runHead + 1) & (runTimes.length - 1);
      if (--runSize == 0) {
        runHead = 0;
        runLast = Long.MIN_VALUE;
      }
      return e;
    }
    return pollHeap();
  }

  @SuppressWarnings("unchecked")
  private E pollHeap() {
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

  /** Doubles the ring, its entries moved to the front in order. */
  private void growRun() {
    int n = runTimes.length;
    long[] t = new long[2 * n];
    long[] s = new long[2 * n];
    Object[] e = new Object[2 * n];
    for (int k = 0; k < runSize; k++) {
      int from = (runHead + k) & (n - 1);
      t[k] = runTimes[from];
      s[k] = runSeqs[from];
      e[k] = runEntries[from];
    }
    runTimes = t;
    runSeqs = s;
    runEntries = e;
    runHead = 0;
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
