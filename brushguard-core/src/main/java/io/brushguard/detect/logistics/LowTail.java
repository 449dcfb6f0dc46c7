package io.brushguard.detect.logistics;

/**
 * The last {@value #SIZE} values of one population (a shop-item's parcel weights, a route's transit
 * times) and their low end: the smallest of fewer than 16, the second smallest of 16 or more. A
 * genuine newcomer rarely falls to half of that; an empty parcel, or one no truck carried, does.
 *
 * <p><b>Accuracy.</b> For values drawn independently from one continuous distribution, a new value
 * is below the {@code k}-th smallest of the last {@code n} with probability {@code k/(n+1)}
 * whatever the distribution (1 in 9 to 1 in 17 here), and below half of it far more rarely for any
 * distribution whose lower tail is not heavy: for parcels of packaging alone, uniform over 30-250 g
 * (the widest relative spread a parcel has), 0.08% of the time, and less as the goods weigh more
 * ({@code LowTailTest}). The second smallest rather than the minimum keeps one odd value (a
 * mis-weighed parcel, a broker's uploaded pick-up scan) from moving the low end; a higher quantile
 * would resist more, at a higher false-alarm rate (the fourth smallest: 0.8%). A recent window
 * rather than a quantile sketch over all history follows a shop that changes its packaging or a
 * carrier that changes its network, and costs no allocation.
 *
 * <p><b>Space.</b> {@value #SIZE} ints, three counters and two longs: about 180 bytes.
 */
final class LowTail {
  static final int SIZE = 32;

  /** Fewer values than this say nothing about the low end. */
  static final int ENOUGH = 8;

  private final int[] values = new int[SIZE];
  private int seen;

  /**
   * Parcels delivered for the tail's group, all of them, capped (the item-shipping rule's count).
   */
  int parcels;

  /** The group's orders reviewed before any parcel, capped (the item-shipping rule's count). */
  int unshipped;

  /** The group's 64-bit hash and when it was last used, for its key's {@link Baseline.Lru}. */
  long hash;

  long used;

  /** Adds a value (non-negative), replacing the oldest once full. */
  void add(int value) {
    values[seen % SIZE] = value;
    seen = seen == Integer.MAX_VALUE ? SIZE : seen + 1;
  }

  /** How many values are held (at most {@value #SIZE}). */
  int count() {
    return Math.min(seen, SIZE);
  }

  /**
   * The low end: the smallest of the {@code n} values held when {@code n < 16}, else the second
   * smallest; -1 when fewer than {@value #ENOUGH} are held.
   */
  int low() {
    int n = count();
    if (n < ENOUGH) {
      return -1;
    }
    int first = Integer.MAX_VALUE;
    int second = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      int v = values[i];
      if (v < first) {
        second = first;
        first = v;
      } else if (v < second) {
        second = v;
      }
    }
    return n < 16 ? first : second;
  }
}
