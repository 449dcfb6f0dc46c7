package io.brushguard.ingest;

import io.brushguard.event.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * Decides, in input order, which events are in time: each event is admitted, refused as late (more
 * than the out-of-order bound behind the stream's time) or refused as ahead (more than the ahead
 * bound past it: a mistyped year, a device with a wrong clock). One far-ahead event never moves the
 * stream's time, so it never makes the events after it late.
 *
 * <p><b>The rule.</b> The stream's time {@code T} is the latest time admitted ({@link #maxTs()});
 * {@code B} is the lateness bound, {@code A} the ahead bound and {@code Q} = {@value #QUORUM}.
 *
 * <ol>
 *   <li><i>Start.</i> The first {@code Q} events are held; their lower median {@code m} is the
 *       stream's first time. They are then {@linkplain #settle decided} in input order against
 *       {@code m} (or {@code T}, once set and past {@code m}): one not more than {@code A} past it
 *       is late if more than {@code B} behind {@code T}, else admitted ({@code T} becomes the
 *       maximum). One more than {@code A} past it is judged by the held events after it: admitted
 *       when more than half of them carry on from it (none more than {@code A} before it: a sparse
 *       history, a merchant registry of years, moves on in steps longer than {@code A}), else ahead
 *       (a wrong clock: the events after it are back at the stream's time). When fewer than {@code
 *       Q/2} held events follow it, it and the rest stay held, to be judged with the events that
 *       come next.
 *   <li><i>Steady.</i> An event more than {@code B} behind {@code T} is late; one more than {@code
 *       A} past {@code T} is held; any other is admitted. A late or admitted event first refuses
 *       every held event more than {@code A} past {@code T} as ahead (the stream carried on at
 *       {@code T}, so they were outliers) and decides the others in input order.
 *   <li><i>Jump.</i> When {@code Q} events in a row are held (a gap in the data longer than {@code
 *       A}: the stream really moved), they are decided as at the start, by their median.
 *   <li><i>End.</i> Events still held at the end of input: at the start (fewer than {@code Q}
 *       events in all), decided by their median; in a run of fewer than {@code Q}, refused as
 *       ahead.
 * </ol>
 *
 * <p>Every event gets exactly one decision, and decisions come out in input order: an event's fate
 * depends on at most the {@code Q - 1} events after it. Admitted events are in input order too, and
 * each is after the watermark ({@code T - B - 1}) at the moment it is admitted, so this is exactly
 * a Flink watermark emitted after every admitted event.
 *
 * <p><i>Space:</i> at most {@code Q - 1} held events between calls, plus one number. <i>Time:</i>
 * O(1) per event, O(Q log Q) per settling. State can be saved and restored ({@link #snapshot()},
 * {@link #restored}) for a runtime with checkpoints. Not thread-safe.
 *
 * <p>Event times must lie in {@link Timestamps#inRange} (2000 to 9999), which keeps every sum and
 * difference here far from overflow and leaves {@code Long.MIN_VALUE} free to mean "no time yet".
 */
public final class EventTimeGate {
  /** Events held at most: the first ones, or a run of ahead events, that decide a jump. */
  public static final int QUORUM = 8;

  /**
   * Events after a held one, at least, to judge it by them: it is admitted when more than half of
   * them carry on from it (none more than the ahead bound before it).
   */
  static final int FOLLOWERS = QUORUM / 2;

  /** Receives the gate's decisions, in input order. */
  public interface Sink {
    /** The event is in time; {@link #watermark()} already counts it. */
    void admitted(Event event, long line);

    /** The event is more than the lateness bound behind the stream ({@link Reject#late}). */
    void late(Event event, long line);

    /**
     * The event is more than the ahead bound past {@code streamTs}, the stream's time it was judged
     * against ({@link Reject#ahead}).
     */
    void ahead(Event event, long line, long streamTs);

    /** A sink that passes admitted events on and ignores refused ones (benchmarks, tests). */
    static Sink admittedOnly(ObjLongConsumer<Event> admitted) {
      return new Sink() {
        @Override
        public void admitted(Event event, long line) {
          admitted.accept(event, line);
        }

        @Override
        public void late(Event event, long line) {}

        @Override
        public void ahead(Event event, long line, long streamTs) {}
      };
    }
  }

  /** An event the gate holds, with its line. */
  public record Held(Event event, long line) {}

  /**
   * What the gate knows, for a checkpoint.
   *
   * @param maxTs the latest time admitted, or {@code Long.MIN_VALUE} before the first
   * @param held the events held, in input order (fewer than {@link #QUORUM})
   */
  public record Snapshot(long maxTs, List<Held> held) {
    public Snapshot {
      held = List.copyOf(held);
      if (held.size() >= QUORUM) {
        throw new IllegalArgumentException(
            "a gate holds fewer than " + QUORUM + " events, was " + held.size());
      }
      if (maxTs != Long.MIN_VALUE && !Timestamps.inRange(maxTs)) {
        throw new IllegalArgumentException("maxTs " + Timestamps.outOfRange(maxTs) + ": " + maxTs);
      }
    }
  }

  private final long boundMillis;
  private final long aheadMillis;
  private long maxTs = Long.MIN_VALUE;
  private final Event[] held = new Event[QUORUM];
  private final long[] heldLines = new long[QUORUM];
  private int heldCount;

  /**
   * @param boundMillis how far behind the stream's time an event may be (the lateness bound)
   * @param aheadMillis how far past the stream's time an event may be
   */
  public EventTimeGate(long boundMillis, long aheadMillis) {
    if (boundMillis < 0) {
      throw new IllegalArgumentException("bound must not be negative, was " + boundMillis);
    }
    if (aheadMillis <= 0) {
      throw new IllegalArgumentException("ahead must be positive, was " + aheadMillis);
    }
    this.boundMillis = boundMillis;
    this.aheadMillis = aheadMillis;
  }

  /** A gate in the state of {@code snapshot}, for a runtime that restores it from a checkpoint. */
  public static EventTimeGate restored(long boundMillis, long aheadMillis, Snapshot snapshot) {
    EventTimeGate gate = new EventTimeGate(boundMillis, aheadMillis);
    gate.maxTs = snapshot.maxTs();
    for (Held h : snapshot.held()) {
      gate.hold(requireInRange(h.event()), h.line());
    }
    return gate;
  }

  /** The state to save; {@link #restored} makes a gate that decides exactly as this one would. */
  public Snapshot snapshot() {
    List<Held> out = new ArrayList<>(heldCount);
    for (int i = 0; i < heldCount; i++) {
      out.add(new Held(held[i], heldLines[i]));
    }
    return new Snapshot(maxTs, out);
  }

  /**
   * Takes the next event of the input; decisions it makes possible (for this event or ones held
   * before it) go to {@code out}, in input order, before this returns.
   *
   * @throws IllegalArgumentException when the event's time is outside {@link Timestamps#inRange}
   *     (the parser rejects such lines, so this is a programming error)
   */
  public void offer(Event e, long line, Sink out) {
    requireInRange(e);
    if (maxTs == Long.MIN_VALUE || e.ts() - maxTs > aheadMillis) {
      hold(e, line);
      if (heldCount == QUORUM) {
        settle(out, false);
      }
      return;
    }
    refuseHeld(out);
    decide(e, line, out);
  }

  /** End of input: decides every held event. */
  public void finish(Sink out) {
    if (maxTs == Long.MIN_VALUE) {
      settle(out, true);
    } else {
      refuseHeld(out);
    }
  }

  /** The latest event time admitted, or {@code Long.MIN_VALUE} before the first. */
  public long maxTs() {
    return maxTs;
  }

  /** Events held, waiting for a decision (at most {@code QUORUM - 1} between calls). */
  public int heldCount() {
    return heldCount;
  }

  /**
   * Event time up to which every event has been seen: all admitted events at or before it can be
   * processed, and no event admitted later is at or before it. {@code Long.MIN_VALUE} before the
   * first admitted event.
   */
  public long watermark() {
    return watermark(maxTs, boundMillis);
  }

  /**
   * The watermark after admitted events up to {@code maxTs}: {@code maxTs - bound - 1}, or {@code
   * Long.MIN_VALUE} when {@code maxTs} is. For a runtime that tracks the admitted events' maximum
   * itself. Never overflows: a valid {@code maxTs} is positive.
   */
  public static long watermark(long maxTs, long boundMillis) {
    return maxTs == Long.MIN_VALUE ? Long.MIN_VALUE : maxTs - boundMillis - 1;
  }

  public long boundMillis() {
    return boundMillis;
  }

  public long aheadMillis() {
    return aheadMillis;
  }

  private void hold(Event e, long line) {
    held[heldCount] = e;
    heldLines[heldCount] = line;
    heldCount++;
  }

  /** Late or admitted, against the stream's time. */
  private void decide(Event e, long line, Sink out) {
    if (maxTs != Long.MIN_VALUE && maxTs - e.ts() > boundMillis) {
      out.late(e, line);
      return;
    }
    maxTs = Math.max(maxTs, e.ts());
    out.admitted(e, line);
  }

  /**
   * Held events decided by their own lower median (or the clock, once their admitted ones move it
   * past the median): what the start and a jump do.
   */
  private void settle(Sink out, boolean atEnd) {
    int n = heldCount;
    if (n == 0) {
      return;
    }
    long[] times = new long[n];
    for (int i = 0; i < n; i++) {
      times[i] = held[i].ts();
    }
    Arrays.sort(times);
    long median = times[(n - 1) / 2];
    Event[] events = Arrays.copyOf(held, n);
    long[] lines = Arrays.copyOf(heldLines, n);
    clearHeld();
    for (int i = 0; i < n; i++) {
      // against the median, or the clock once the run's own events have moved it past: a sparse
      // stream whose run spans more than the bound (daily batches) keeps its later events
      long reference = maxTs == Long.MIN_VALUE ? median : Math.max(median, maxTs);
      long ts = events[i].ts();
      if (ts - reference <= aheadMillis) {
        decide(events[i], lines[i], out);
        continue;
      }
      int after = n - 1 - i;
      if (!atEnd && after < FOLLOWERS) {
        // too few events after it to tell a wrong clock from a stream that moved on: this one and
        // the rest wait, in input order, for the events that follow them
        for (int k = i; k < n; k++) {
          hold(events[k], lines[k]);
        }
        return;
      }
      int follow = 0;
      for (int j = i + 1; j < n; j++) {
        if (events[j].ts() >= ts - aheadMillis) {
          follow++;
        }
      }
      if (2 * follow > after) {
        decide(events[i], lines[i], out); // most of what comes next carries on from it
      } else {
        out.ahead(events[i], lines[i], reference);
      }
    }
  }

  /**
   * An event in time ends a run of held ones: those ahead of the clock are refused (the stream
   * carried on without them), and any other, held only for being behind one that was, is decided.
   */
  private void refuseHeld(Sink out) {
    int n = heldCount;
    if (n == 0) {
      return; // the common case, on every event: no allocation
    }
    Event[] events = Arrays.copyOf(held, n);
    long[] lines = Arrays.copyOf(heldLines, n);
    clearHeld();
    for (int i = 0; i < n; i++) {
      if (events[i].ts() - maxTs > aheadMillis) {
        out.ahead(events[i], lines[i], maxTs);
      } else {
        decide(events[i], lines[i], out);
      }
    }
  }

  private void clearHeld() {
    Arrays.fill(held, 0, heldCount, null);
    heldCount = 0;
  }

  private static Event requireInRange(Event e) {
    String why = Timestamps.outOfRange(e.ts());
    if (why != null) {
      throw new IllegalArgumentException("event time " + why + ", was " + e.ts() + ": " + e);
    }
    return e;
  }
}
