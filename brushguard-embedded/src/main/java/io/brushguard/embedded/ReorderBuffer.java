package io.brushguard.embedded;

import io.brushguard.event.Event;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Holds admitted events until event time has passed them, and hands them out in event-time order
 * (ties in arrival order). Space: the events of one out-of-order bound.
 *
 * <p>Design note: real streams are almost sorted, so most events are not earlier than the newest
 * one buffered. Those go to the tail of a ring (O(1), no allocation, sorted by construction); only
 * the few that arrive out of order go to a small binary heap ordered by (time, arrival). The next
 * event is the earlier head of the two, the ring's on a tie: an event goes to the heap only when it
 * is earlier than the ring's tail, so every ring event of the same time arrived before it, and the
 * heap is empty whenever the ring is (its events are all earlier than the ring's tail). That is
 * exactly the order of one heap holding everything, which cost a quarter of a whole scan in the
 * end-to-end profile (see docs/performance.md).
 */
final class ReorderBuffer {
  private record Entry(Event event, long ts, long seq) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(ts, o.ts);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** In-order arrivals, sorted by construction; a power-of-two ring. */
  private Event[] ring = new Event[1024];

  private long[] ringTs = new long[1024];
  private int head;
  private int count;

  /** Arrivals earlier than the ring's tail. */
  private final PriorityQueue<Entry> late = new PriorityQueue<>();

  private long seq;

  void push(Event e) {
    long ts = e.ts();
    if (count > 0 && ts < ringTs[(head + count - 1) & (ring.length - 1)]) {
      late.add(new Entry(e, ts, seq++));
      return;
    }
    if (count == ring.length) {
      grow();
    }
    int slot = (head + count) & (ring.length - 1);
    ring[slot] = e;
    ringTs[slot] = ts;
    count++;
  }

  /** The time of the earliest buffered event, or Long.MAX_VALUE when empty. */
  long nextTs() {
    long t = count > 0 ? ringTs[head] : Long.MAX_VALUE;
    Entry l = late.peek();
    return l != null && l.ts < t ? l.ts : t;
  }

  /** Removes and returns the earliest buffered event; the buffer must not be empty. */
  Event poll() {
    Entry l = late.peek();
    if (count > 0 && (l == null || ringTs[head] <= l.ts)) {
      Event e = ring[head];
      ring[head] = null;
      head = (head + 1) & (ring.length - 1);
      count--;
      return e;
    }
    return late.poll().event;
  }

  int size() {
    return count + late.size();
  }

  private void grow() {
    int n = ring.length;
    Event[] r = new Event[n * 2];
    long[] t = new long[n * 2];
    for (int i = 0; i < count; i++) {
      int from = (head + i) & (n - 1);
      r[i] = ring[from];
      t[i] = ringTs[from];
    }
    Arrays.fill(ring, null);
    ring = r;
    ringTs = t;
    head = 0;
  }
}
