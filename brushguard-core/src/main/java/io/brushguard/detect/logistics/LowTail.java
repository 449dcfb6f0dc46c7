package io.brushguard.detect.logistics;

/**
 * The last {@value #SIZE} values of one population (a shop-item's parcel weights, a route's transit
 * times) and their minimum: the lower tail that a genuine newcomer is unlikely to fall far below.
 *
 * <p><b>Accuracy.</b> For values drawn independently from one continuous distribution, a new value
 * is below the minimum of the last {@code n} with probability {@code 1/(n+1)} (about 3% at {@code n
 * = 32}) whatever the distribution, and below half of it far more rarely for any distribution whose
 * lower tail is not heavy. A recent window rather than a quantile sketch over all history follows a
 * shop that changes its packaging or a carrier that changes its network, and costs no allocation.
 *
 * <p><b>Space.</b> {@value #SIZE} ints and a counter: about 150 bytes.
 */
final class LowTail {
  static final int SIZE = 32;

  /** Fewer values than this say nothing about the tail. */
  static final int ENOUGH = 8;

  private final int[] values = new int[SIZE];
  private int seen;

  /** Adds a value (non-negative), replacing the oldest once full. */
  void add(int value) {
    values[seen % SIZE] = value;
    seen = seen == Integer.MAX_VALUE ? SIZE : seen + 1;
  }

  /** How many values are held (at most {@value #SIZE}). */
  int count() {
    return Math.min(seen, SIZE);
  }

  /** The smallest value held, or -1 when fewer than {@value #ENOUGH} are. */
  int lowest() {
    int n = count();
    if (n < ENOUGH) {
      return -1;
    }
    int min = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      min = Math.min(min, values[i]);
    }
    return min;
  }
}
