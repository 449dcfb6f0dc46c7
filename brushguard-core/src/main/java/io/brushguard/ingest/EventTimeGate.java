package io.brushguard.ingest;

import io.brushguard.event.Event;

/**
 * Decides which events are too late: an event is late when its time is more than the bound behind
 * the latest event time seen before it. Late events are reported, never silently used or dropped.
 *
 * <p>The rule matches a Flink watermark of {@code max - bound - 1} emitted after every event: an
 * event is late exactly when its time is at or before the current watermark. Both runtimes use this
 * class so they agree on every event.
 */
public final class EventTimeGate {
  private final long boundMillis;
  private long maxTs = Long.MIN_VALUE;

  public EventTimeGate(long boundMillis) {
    if (boundMillis < 0) {
      throw new IllegalArgumentException("bound must not be negative");
    }
    this.boundMillis = boundMillis;
  }

  /**
   * A gate that has already admitted events up to {@code maxTs} (from {@link #maxTs()}), for a
   * runtime that restores it from a checkpoint.
   */
  public static EventTimeGate resumed(long boundMillis, long maxTs) {
    EventTimeGate gate = new EventTimeGate(boundMillis);
    gate.maxTs = maxTs;
    return gate;
  }

  /** The latest event time admitted, or {@code Long.MIN_VALUE} before the first event. */
  public long maxTs() {
    return maxTs;
  }

  /** Returns true and advances time when the event is in time; false when it is late. */
  public boolean admit(Event e) {
    if (maxTs != Long.MIN_VALUE && e.ts() < maxTs - boundMillis) {
      return false;
    }
    maxTs = Math.max(maxTs, e.ts());
    return true;
  }

  /**
   * Event time up to which every event has been seen: all events at or before it can be processed.
   * {@code Long.MIN_VALUE} before the first event.
   */
  public long watermark() {
    return maxTs == Long.MIN_VALUE ? Long.MIN_VALUE : maxTs - boundMillis - 1;
  }

  public long boundMillis() {
    return boundMillis;
  }
}
