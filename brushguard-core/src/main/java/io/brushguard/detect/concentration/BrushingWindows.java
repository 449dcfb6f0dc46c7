package io.brushguard.detect.concentration;

import io.brushguard.flow.HashedTable;
import java.util.Arrays;

/**
 * Finds every order of one shop that lies inside a brushing window: a window of {@code window}
 * seconds, both ends included, at any one-second position, in which orders ÷ unique buyers ≥ {@code
 * ratio} (the Shopee Code League 2020 definition, with window 3600 and ratio 3).
 *
 * <p><b>Algorithm.</b> Orders arrive in non-decreasing second. Sliding a window over all start
 * seconds produces only as many distinct order sets as there are pairs (first group, last group)
 * that a window can hold exactly; a group is all orders of one second. For a start group {@code g}
 * at second {@code T_g} after the previous group at {@code T_p}, the window end ranges over {@code
 * [max(T_g, T_p + W + 1), T_g + W]}, so its possible contents are {@code g..h} for every group
 * {@code h} in that end range. These end ranges are disjoint across consecutive starts, so a
 * two-pointer sweep visits every distinct window content with O(1) amortised work per order: each
 * order enters and leaves the sweep once. Checking only windows that start at an order is not
 * enough: a smaller window inside one can reach the ratio when the larger one does not, and the
 * sweep covers those.
 *
 * <p><b>Streaming.</b> A start group can be judged once the input has passed {@code T_g + W}
 * ({@link #closeUpTo}). To flag brushing without waiting for that, the trailing window {@code [t -
 * W, t]} of the newest complete second {@code t} is also checked as soon as that second is complete
 * ({@link #confirmLatest}): it is a real window, so this never flags an order the sweep would not,
 * and it flags a burst as soon as its last second is known complete instead of an hour later.
 *
 * <p><b>Space.</b> The orders of the last {@code W} seconds plus those not yet judged: at most the
 * orders of {@code 2W} seconds, about 50 bytes each (with the buyer's 64-bit hash) plus the ids the
 * caller already holds.
 *
 * <p><b>Time.</b> O(1) amortised hash-table operations per order (open addressing on the buyer id,
 * see {@link LongCounts}).
 */
public final class BrushingWindows {

  /** Receives each order the first time it is found inside a brushing window. */
  public interface Listener {
    /**
     * @param order the caller's handle of the order, as given to {@link #add}
     * @param buyer the order's buyer
     * @param orders orders in the window that found it
     * @param buyers unique buyers in that window
     * @param fromSecond the window's first second (the window is {@code [from, from + W]})
     */
    void brushing(Object order, String buyer, int orders, int buyers, long fromSecond);
  }

  private final long window;
  private final int ratio;
  private final Listener listener;

  // orders by absolute index; index i lives at slot (i - first)
  private long first;
  private long size;
  // allocated with the first order: a shop known only from its views holds none
  private long[] seconds = new long[0];
  private String[] buyers = new String[0];
  private long[] buyerKeys =
      new long[0]; // the buyers' 64-bit hashes: counted without a string read
  private Object[] handles = new Object[0];
  private boolean[] flagged = new boolean[0];

  // the sweep: contents g..h (h exclusive) of windows starting at group g
  private long g;
  private long h;
  private long previousStart = Long.MIN_VALUE;
  private final Counts sweep = new Counts();
  private long sweepMarked;

  // the trailing window [latest - W, latest]: orders tl..size
  private long tl;
  private long latestSecond = Long.MIN_VALUE;
  private boolean latestConfirmed = true;
  private final Counts trailing = new Counts();
  private long trailingMarked;

  public BrushingWindows(long windowSeconds, int ratio, Listener listener) {
    if (windowSeconds < 0 || ratio < 1) {
      throw new IllegalArgumentException("window must be >= 0 and ratio >= 1");
    }
    this.window = windowSeconds;
    this.ratio = ratio;
    this.listener = listener;
  }

  /**
   * Adds an order at {@code second}, which must not be before the last one added.
   *
   * @return true when the trailing window already meets the ratio, so the caller may want to
   *     confirm it ({@link #confirmLatest}) as soon as this second is complete
   */
  public boolean add(long second, String buyer, Object handle) {
    if (second < latestSecond) {
      throw new IllegalArgumentException(
          "orders must come in time order: " + second + " after " + latestSecond);
    }
    if (second > latestSecond) {
      confirmLatest();
      closeUpTo(second - 1);
      latestSecond = second;
      latestConfirmed = false;
      dropTrailingBefore(second - window);
    }
    append(second, buyer, handle);
    trailing.add(buyerKeys[(int) (size - 1 - first)]);
    return meets(size - tl, trailing.unique);
  }

  /** Judges the trailing window of the latest second; call once that second is complete. */
  public void confirmLatest() {
    if (!latestConfirmed) {
      latestConfirmed = true;
      if (meets(size - tl, trailing.unique)) {
        trailingMarked =
            mark(
                Math.max(tl, trailingMarked),
                size,
                (int) (size - tl),
                trailing.unique,
                latestSecond - window);
      }
    }
  }

  /**
   * Judges every window that ends at or before {@code second}; the caller promises that no order at
   * or before {@code second} is still to come.
   */
  public void closeUpTo(long second) {
    while (g < size && secondAt(g) <= second - window) {
      judgeStart();
    }
    if (second >= latestSecond) {
      confirmLatest();
      dropTrailingBefore(second - window + 1);
    }
    evict();
  }

  /** Judges everything: the input has ended. */
  public void finish() {
    closeUpTo(Long.MAX_VALUE / 4); // far beyond any real second, and no overflow below
  }

  /** The second at which the next not-yet-judged start can be judged, or -1 when none. */
  public long nextCloseSecond() {
    return g < size ? secondAt(g) + window : -1;
  }

  /** The second of the oldest order held, or Long.MAX_VALUE when none is. */
  public long oldestHeldSecond() {
    return size > first ? seconds[0] : Long.MAX_VALUE;
  }

  /** Orders held. */
  public int held() {
    return (int) (size - first);
  }

  public long window() {
    return window;
  }

  private boolean meets(long orders, int unique) {
    return unique > 0 && orders >= (long) ratio * unique;
  }

  /** Judges all windows whose first group is g, then moves g to the next group. */
  private void judgeStart() {
    long tg = secondAt(g);
    long earliestEnd =
        previousStart == Long.MIN_VALUE ? tg : Math.max(tg, previousStart + window + 1);
    if (h < g) {
      h = g;
    }
    while (h < size && secondAt(h) <= earliestEnd) {
      sweep.add(buyerKeyAt(h++));
    }
    judgeSweep(earliestEnd - window);
    while (h < size && secondAt(h) <= tg + window) {
      long next = secondAt(h);
      while (h < size && secondAt(h) == next) {
        sweep.add(buyerKeyAt(h++));
      }
      judgeSweep(next - window);
    }
    while (g < size && secondAt(g) == tg) {
      sweep.remove(buyerKeyAt(g++));
    }
    previousStart = tg;
  }

  private void judgeSweep(long fromSecond) {
    if (meets(h - g, sweep.unique)) {
      sweepMarked = mark(Math.max(g, sweepMarked), h, (int) (h - g), sweep.unique, fromSecond);
    }
  }

  /** Flags orders from..to (exclusive) not flagged yet; returns {@code to}. */
  private long mark(long from, long to, int orders, int unique, long fromSecond) {
    for (long i = from; i < to; i++) {
      int slot = (int) (i - first);
      if (!flagged[slot]) {
        flagged[slot] = true;
        listener.brushing(handles[slot], buyers[slot], orders, unique, fromSecond);
      }
    }
    return to;
  }

  private void dropTrailingBefore(long second) {
    while (tl < size && secondAt(tl) < second) {
      trailing.remove(buyerKeyAt(tl++));
    }
  }

  private void append(long second, String buyer, Object handle) {
    int slot = (int) (size - first);
    if (slot == seconds.length) {
      grow();
      slot = (int) (size - first);
    }
    seconds[slot] = second;
    buyers[slot] = buyer;
    buyerKeys[slot] = HashedTable.hash(buyer);
    handles[slot] = handle;
    flagged[slot] = false;
    size++;
  }

  /** Drops orders that no window still to judge can contain. */
  private void evict() {
    long keepFrom = Math.min(g, tl);
    if (keepFrom == first) {
      return;
    }
    int drop = (int) (keepFrom - first);
    int keep = (int) (size - keepFrom);
    System.arraycopy(seconds, drop, seconds, 0, keep);
    System.arraycopy(buyers, drop, buyers, 0, keep);
    System.arraycopy(buyerKeys, drop, buyerKeys, 0, keep);
    System.arraycopy(handles, drop, handles, 0, keep);
    System.arraycopy(flagged, drop, flagged, 0, keep);
    Arrays.fill(buyers, keep, keep + drop, null);
    Arrays.fill(handles, keep, keep + drop, null);
    first = keepFrom;
  }

  private void grow() {
    long keepFrom = Math.min(g, tl);
    if (keepFrom > first) {
      evict();
      if (size - first < seconds.length) {
        return;
      }
    }
    int n = Math.max(16, seconds.length * 2);
    seconds = Arrays.copyOf(seconds, n);
    buyers = Arrays.copyOf(buyers, n);
    buyerKeys = Arrays.copyOf(buyerKeys, n);
    handles = Arrays.copyOf(handles, n);
    flagged = Arrays.copyOf(flagged, n);
  }

  private long secondAt(long i) {
    return seconds[(int) (i - first)];
  }

  private long buyerKeyAt(long i) {
    return buyerKeys[(int) (i - first)];
  }

  /** Orders per buyer in a window, and the number of distinct buyers. */
  private static final class Counts {
    private final LongCounts perBuyer = new LongCounts();
    int unique;

    void add(long buyer) {
      if (perBuyer.increment(buyer) == 1) {
        unique++;
      }
    }

    void remove(long buyer) {
      if (perBuyer.decrement(buyer) == 0) {
        unique--;
      }
    }
  }
}
