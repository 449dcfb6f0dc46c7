package io.brushguard.embedded;

import io.brushguard.event.Event;
import java.util.PriorityQueue;

/**
 * Holds admitted events until event time has passed them, and hands them out in event-time order
 * (ties in arrival order). Space: the events of one out-of-order bound.
 */
final class ReorderBuffer {
  private record Entry(Event event, long seq) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(event.ts(), o.event.ts());
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private long seq;

  void push(Event e) {
    queue.add(new Entry(e, seq++));
  }

  /** The time of the earliest buffered event, or Long.MAX_VALUE when empty. */
  long nextTs() {
    Entry head = queue.peek();
    return head == null ? Long.MAX_VALUE : head.event.ts();
  }

  Event poll() {
    return queue.poll().event;
  }

  int size() {
    return queue.size();
  }
}
