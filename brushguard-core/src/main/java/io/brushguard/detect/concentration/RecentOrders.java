package io.brushguard.detect.concentration;

import io.brushguard.event.Order;
import java.util.ArrayDeque;
import java.util.HashSet;

/**
 * The ids of a shop's orders still held by its windows, so that an order delivered twice (normal
 * for at-least-once sources such as Kafka) counts once. Space: one entry per held order; entries go
 * as the windows let their orders go.
 */
final class RecentOrders {
  private final StringCounts ids = new StringCounts();
  private ArrayDeque<Order> inArrival; // made with the first order

  /** Held orders known to be cancelled; usually empty. */
  private final HashSet<String> cancelled = new HashSet<>();

  /** Remembers the order; false when its id is already held. */
  boolean add(Order order) {
    if (ids.count(order.order()) > 0) {
      return false;
    }
    ids.increment(order.order());
    if (inArrival == null) {
      inArrival = new ArrayDeque<>();
    }
    inArrival.addLast(order);
    return true;
  }

  /** Forgets orders before {@code second} (orders arrive in time order, so from the front). */
  void forgetBefore(long second) {
    while (inArrival != null
        && !inArrival.isEmpty()
        && Math.floorDiv(inArrival.peekFirst().ts(), 1000) < second) {
      String id = inArrival.pollFirst().order();
      ids.decrement(id);
      if (!cancelled.isEmpty()) {
        cancelled.remove(id);
      }
    }
  }

  /** Marks a held order cancelled; false when it is not held (or already marked). */
  boolean cancel(String order) {
    return ids.count(order) > 0 && cancelled.add(order);
  }

  boolean isCancelled(String order) {
    return !cancelled.isEmpty() && cancelled.contains(order);
  }
}
