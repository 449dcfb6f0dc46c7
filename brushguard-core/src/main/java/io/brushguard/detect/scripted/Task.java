package io.brushguard.detect.scripted;

/**
 * One task: an order and the time its account spent on the ordered shop's pages in the session that
 * led to it.
 *
 * @param order the order id
 * @param shop the shop ordered from
 * @param ts when the order was placed
 * @param dwellMs total dwell on the shop's pages in the session, milliseconds (positive)
 * @param lnDwell {@code ln(dwellMs)}, computed once
 */
public record Task(String order, String shop, long ts, long dwellMs, double lnDwell) {

  /** A task with its log dwell. */
  public static Task of(String order, String shop, long ts, long dwellMs) {
    return new Task(order, shop, ts, dwellMs, Math.log(dwellMs));
  }
}
