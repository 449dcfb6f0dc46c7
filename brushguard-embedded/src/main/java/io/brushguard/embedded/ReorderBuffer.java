package io.brushguard.embedded;

import io.brushguard.event.Event;
import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Holds admitted events until event time has passed them, and hands them out in event-time order
 * (ties in line order). Space: the events of one out-of-order bound.
 *
 * <p>Design note: real streams are almost sorted. Most events are not earlier than the newest one
 * buffered and go to the end of a sorted run (O(1), no allocation); an event a little out of order
 * (sources with second and millisecond timestamps mixed, small clock skew) is moved into place
 * within the last {@value #MAX_SHIFT} events of the run; only events further out of order go to a
 * binary heap. Both keep (time, arrival) order, and the next event is the earlier of their two
 * heads, so events leave exactly as from one heap holding everything: that single heap was a third
 * of the scanning thread's time (see docs/performance.md).
 */
final class ReorderBuffer {
  /** How far back in the run an out-of-order event is moved before it goes to the heap instead. */
  static final int MAX_SHIFT = 512;

  private record Entry(Event event, long ts, long seq) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(ts, o.ts);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  // the sorted run occupies [head, tail) of three parallel arrays
  private Event[] events = new Event[1024];
  private long[] times = new long[1024];
  private long[] seqs = new long[1024];
  private int head;
  private int tail;

  private final PriorityQueue<Entry> heap = new PriorityQueue<>();
  private long polledLine;

  /** Buffers an event; {@code line} (its line in the input) breaks ties between equal times. */
  void push(Event e, long line) {
    long ts = e.ts();
    long s = line;
    int at = tail;
    int lowest = Math.max(head, tail - MAX_SHIFT);
    while (at > lowest && times[at - 1] > ts) {
      at--;
    }
    if (at > head && times[at - 1] > ts) {
      heap.add(new Entry(e, ts, s)); // further out of order than the run allows
      return;
    }
    if (tail == events.length) {
      at -= makeRoom();
    }
    if (at < tail) {
      System.arraycopy(events, at, events, at + 1, tail - at);
      System.arraycopy(times, at, times, at + 1, tail - at);
      System.arraycopy(seqs, at, seqs, at + 1, tail - at);
    }
    events[at] = e;
    times[at] = ts;
    seqs[at] = s;
    tail++;
  }

  /** The time of the earliest buffered event, or Long.MAX_VALUE when empty. */
  long nextTs() {
    long t = head < tail ? times[head] : Long.MAX_VALUE;
    Entry h = heap.peek();
    return h != null && h.ts < t ? h.ts : t;
  }

  /** Removes and returns the earliest buffered event; the buffer must not be empty. */
  Event poll() {
    Entry h = heap.peek();
    if (head < tail
        && (h == null || times[head] < h.ts || (times[head] == h.ts && seqs[head] < h.seq))) {
      Event e = events[head];
      polledLine = seqs[head];
      events[head++] = null;
      if (head == tail) {
        head = 0;
        tail = 0;
      }
      return e;
    }
    Entry top = heap.poll();
    polledLine = top.seq;
    return top.event;
  }

  /** The line of the event {@link #poll} returned last. */
  long polledLine() {
    return polledLine;
  }

  int size() {
    return tail - head + heap.size();
  }

  /**
   * Slides the run to the front, doubling the arrays first when it fills more than half of them;
   * returns how far it moved.
   */
  private int makeRoom() {
    int moved = head;
    int n = tail - head;
    if (n > events.length / 2) {
      events = Arrays.copyOf(events, events.length * 2);
      times = Arrays.copyOf(times, times.length * 2);
      seqs = Arrays.copyOf(seqs, seqs.length * 2);
    }
    System.arraycopy(events, head, events, 0, n);
    System.arraycopy(times, head, times, 0, n);
    System.arraycopy(seqs, head, seqs, 0, n);
    Arrays.fill(events, n, tail, null);
    head = 0;
    tail = n;
    return moved;
  }
}
