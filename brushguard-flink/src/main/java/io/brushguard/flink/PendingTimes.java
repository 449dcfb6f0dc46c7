package io.brushguard.flink;

import java.util.Arrays;

/**
 * A key's pending times (inputs waiting and wake-ups asked for), distinct and in ascending order:
 * what lets {@link StageFunction} keep one event-time timer per key, at the earliest, and drain
 * every time the watermark passed when it fires. Stored as a plain {@code long[]} in keyed state;
 * these helpers work on it. Insertion is a binary search and a copy: {@code O(n)} in the key's
 * pending times, which the lateness bound and the stage's wake-ups bound.
 */
final class PendingTimes {
  private PendingTimes() {}

  static final long[] NONE = new long[0];

  /** {@code times} with {@code t} added (the same array when it was there). */
  static long[] with(long[] times, long t) {
    int i = Arrays.binarySearch(times, t);
    if (i >= 0) {
      return times;
    }
    int at = -i - 1;
    long[] out = new long[times.length + 1];
    System.arraycopy(times, 0, out, 0, at);
    out[at] = t;
    System.arraycopy(times, at, out, at + 1, times.length - at);
    return out;
  }

  /** {@code times} without its first {@code n}. */
  static long[] dropFirst(long[] times, int n) {
    return n == 0 ? times : n == times.length ? NONE : Arrays.copyOfRange(times, n, times.length);
  }
}
