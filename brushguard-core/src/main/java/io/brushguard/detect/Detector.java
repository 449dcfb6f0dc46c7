package io.brushguard.detect;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import java.util.EnumSet;
import java.util.Set;

/**
 * A fraud detector: events in, {@link Signal}s with evidence out. The one interface both runtimes
 * run, so it knows no framework.
 *
 * <p>A detector is a stateless strategy over per-key state {@code S}: the runtime partitions events
 * by {@link #keyOf}, keeps one state per key (a map in the embedded runtime, Flink keyed state in
 * the Flink job), and calls {@link #onEvent} with each event of that key in event-time order. Keys
 * never share state, so the same detector scales out by key. Time advances only with event time: a
 * detector that must act when time passes (a window closes) asks for a wake-up with {@link
 * Context#wakeAt}; {@link #onWake} is then called once event time passes that instant, after every
 * event of the key at or before it and before any event after it. At the end of a bounded input,
 * all pending wake-ups fire in order.
 *
 * <p>A detector is the simplest {@link io.brushguard.flow.Stage}: events of one key in, signals
 * out. {@link DetectorStage} runs it as one; a detector that joins facts across keys is written as
 * a {@code Stage} directly.
 *
 * <p>Contract for both runtimes to agree: output may depend only on the key's events, in order, and
 * on wake-ups; never on the wall clock, other keys or arrival timing.
 *
 * @param <S> the per-key state; it must have a bound its Javadoc names
 */
public interface Detector<S> {

  /** A short, stable name: used in logs, stats and as the origin of signals. */
  String name();

  /** The event types this detector may key on; others never reach it (and are not buffered). */
  default Set<EventType> eventTypes() {
    return EnumSet.allOf(EventType.class);
  }

  /** The partition key of this event for this detector, or {@code null} to skip the event. */
  String keyOf(Event event);

  /** Fresh state for a key seen for the first time. */
  S newState();

  /** Handles one event of the key, in event-time order. */
  void onEvent(S state, Event event, Context context);

  /** Event time has passed {@code time}, which an earlier {@link Context#wakeAt} asked for. */
  default void onWake(S state, long time, Context context) {}

  /** True when the state holds nothing worth keeping; the runtime then drops it. */
  boolean isEmpty(S state);

  /** What a detector may do while handling an event or a wake-up. */
  interface Context {
    /** The partition key being processed. */
    String key();

    /** Reports a signal. */
    void emit(Signal signal);

    /**
     * Asks for {@link #onWake} once event time passes {@code time}. Wake-ups are per key and
     * de-duplicated by time; a time not after the current one is moved just past it.
     */
    void wakeAt(long time);
  }
}
