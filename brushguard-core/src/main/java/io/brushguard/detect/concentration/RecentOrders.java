package io.brushguard.detect.concentration;

import io.brushguard.event.Order;
import io.brushguard.flow.HashedTable;
import java.util.HashSet;

/**
 * The ids of a shop's orders still held by its windows, so that an order delivered twice (normal
 * for at-least-once sources such as Kafka) counts once. Ids are counted by their 64-bit hash (see
 * {@link LongCounts} for the chance of two colliding), and held in arrival order in a ring of
 * primitive arrays, so that letting orders go reads no order.
 *
 * <p>Space: about 50 to 75 bytes per held order (ring and table); entries go as the windows let
 * their orders go.
 */
final class RecentOrders {
  private final LongCounts ids = new LongCounts();

  // the held orders in arrival order: a ring of capacity seconds.length (a power of two)
  private long[] seconds = new long[0];
  private long[] keys = new long[0];
  private String[] orderIds = new String[0];
  private int head;
  private int count;

  /** Held orders known to be cancelled; usually empty. */
  private final HashSet<String> cancelled = new HashSet<>();

  /** Remembers the order; false when its id is already held. */
  boolean add(Order order) {
    long key = HashedTable.hash(order.order());
    if (ids.count(key) > 0) {
      return false;
    }
    ids.increment(key);
    if (count == seconds.length) {
      grow();
    }
    int at = (head + count++) & (seconds.length - 1);
    seconds[at] = Math.floorDiv(order.ts(), 1000);
    keys[at] = key;
    orderIds[at] = order.order();
    return true;
  }

  /** Forgets orders before {@code second} (orders arrive in time order, so from the front). */
  void forgetBefore(long second) {
    while (count > 0 && seconds[head] < second) {
      ids.decrement(keys[head]);
      if (!cancelled.isEmpty()) {
        cancelled.remove(orderIds[head]);
      }
      orderIds[head] = null;
      head = (head + 1) & (seconds.length - 1);
      count--;
    }
  }

  /** Marks a held order cancelled; false when it is not held (or already marked). */
  boolean cancel(String order) {
    return ids.count(HashedTable.hash(order)) > 0 && cancelled.add(order);
  }

  boolean isCancelled(String order) {
    return !cancelled.isEmpty() && cancelled.contains(order);
  }

  private void grow() {
    int n = Math.max(8, seconds.length * 2);
    long[] s = new long[n];
    long[] k = new long[n];
    String[] o = new String[n];
    for (int i = 0; i < count; i++) {
      int from = (head + i) & (seconds.length - 1);
      s[i] = seconds[from];
      k[i] = keys[from];
      o[i] = orderIds[from];
    }
    seconds = s;
    keys = k;
    orderIds = o;
    head = 0;
  }
}
