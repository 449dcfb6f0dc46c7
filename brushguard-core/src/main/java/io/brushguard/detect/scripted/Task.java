package io.brushguard.detect.scripted;

/**
 * One task: an order and the time its account spent on the ordered shop's pages in the session that
 * led to it.
 *
 * @param order the order id
 * @param shop the shop ordered from
 * @param ts when the order was placed
 * @param dwellMs total dwell on the shop's pages in the session, milliseconds (positive)
 */
public record Task(String order, String shop, long ts, long dwellMs) {}
