package io.brushguard.detect.concentration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Shopee Code League 2020 order-brushing answer for a whole log: for every shop, its suspicious
 * buyers (empty when the shop did not brush). Uses the same {@link BrushingWindows} as the
 * streaming {@link ConcentrationDetector}, run to the end of each shop's orders.
 *
 * <p>Suspicious buyers are those with the most orders inside the shop's brushing windows, all of
 * its brushing periods together; ties are all listed.
 *
 * <p>Time: O(n log n) for sorting each shop's orders, then O(n). Space: the log.
 */
public final class ShopeeBrushing {
  /**
   * One order of a log, as far as this solver needs it ({@code ingest.ShopeeCsv.Row} is one). An
   * interface here, so that this package does not depend on the reader of the log.
   */
  public interface LogOrder {
    String shop();

    String buyer();

    /** Its time in seconds; only differences matter. */
    long second();
  }

  private final long windowSeconds;
  private final int ratio;

  public ShopeeBrushing(long windowSeconds, int ratio) {
    this.windowSeconds = windowSeconds;
    this.ratio = ratio;
  }

  /** The contest's setting: one hour, ratio 3. */
  public static ShopeeBrushing contest() {
    return new ShopeeBrushing(3600, 3);
  }

  /** Suspicious buyers per shop, for every shop of the log, in input order of first appearance. */
  public Map<String, List<String>> solve(List<? extends LogOrder> rows) {
    Map<String, List<LogOrder>> byShop = new HashMap<>();
    List<String> shops = new ArrayList<>();
    for (LogOrder r : rows) {
      byShop
          .computeIfAbsent(
              r.shop(),
              s -> {
                shops.add(s);
                return new ArrayList<>();
              })
          .add(r);
    }
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (String shop : shops) {
      out.put(shop, suspiciousBuyers(byShop.get(shop)));
    }
    return out;
  }

  /** The suspicious buyers of one shop's orders, in ascending order (numeric when numeric). */
  public List<String> suspiciousBuyers(List<? extends LogOrder> orders) {
    List<LogOrder> sorted = new ArrayList<>(orders);
    sorted.sort(Comparator.comparingLong(LogOrder::second));
    Map<String, int[]> tally = new HashMap<>();
    BrushingWindows windows =
        new BrushingWindows(
            windowSeconds,
            ratio,
            (order, buyer, n, unique, from) -> tally.computeIfAbsent(buyer, b -> new int[1])[0]++);
    for (LogOrder r : sorted) {
      windows.add(r.second(), r.buyer(), r);
    }
    windows.finish();
    int max = 0;
    for (int[] c : tally.values()) {
      max = Math.max(max, c[0]);
    }
    TreeMap<String, Boolean> top = new TreeMap<>(ShopeeBrushing::compareIds);
    for (Map.Entry<String, int[]> e : tally.entrySet()) {
      if (e.getValue()[0] == max) {
        top.put(e.getKey(), true);
      }
    }
    return new ArrayList<>(top.keySet());
  }

  /** Numeric ids by value, others lexicographically after them. */
  public static int compareIds(String a, String b) {
    boolean na = isNumber(a);
    boolean nb = isNumber(b);
    if (na && nb) {
      return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
    if (na != nb) {
      return na ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || (s.length() > 1 && s.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
