package io.brushguard.flow;

import io.brushguard.event.Event;

/**
 * One step of the keyed dataflow: events and facts in, facts out, with per-key state. The one
 * interface both runtimes run (in the embedded runtime a hand-off in one JVM, in the Flink job a
 * keyed operator behind a {@code keyBy}), so it knows no framework.
 *
 * <p>A stage is a stateless strategy over per-key state {@code S}. The runtime routes to it every
 * event of a type its {@link Wiring} names and every fact of a type it consumes; {@link #keyOf}
 * picks the key (or skips the input). Per key, inputs arrive in {@link Stamp} order: by event time,
 * then events in input order, then facts by the rank of the stage that emitted them. A stage that
 * must act when time passes asks for a wake-up with {@link Context#wakeAt}; {@link #onWake} is then
 * called once event time reaches that instant, after every input of the key at that time. At the
 * end of a bounded input all pending wake-ups fire in order (except, in the embedded runtime, those
 * of a stage whose wake-ups only forget: {@link #wakesOnlyForget}).
 *
 * <p>Contract for both runtimes to agree: output may depend only on the key's inputs, in order, and
 * on wake-ups; never on the wall clock, other keys or arrival timing. Facts emitted carry the time
 * of the call ({@link Context#now}), so they are never earlier than what produced them.
 *
 * @param <S> the per-key state; its Javadoc names its bound
 */
public interface Stage<S> {

  /** A short, stable name: used in logs, stats, operator ids and as part of signal origins. */
  String name();

  /** What this stage consumes and produces; fixed for the stage's life. */
  Wiring wiring();

  /** The key of an event of a consumed type, or {@code null} to skip it. */
  default String keyOf(Event event) {
    return null;
  }

  /** The key of a fact of a consumed type, or {@code null} to skip it. */
  default String keyOf(Fact fact) {
    return null;
  }

  /**
   * Whether this event could start state for a key that holds none. Return {@code false} only when
   * {@link #onEvent} on a {@link #newState fresh state} would emit nothing, ask for no wake-up and
   * leave the state {@link #isEmpty empty} (a view of a shop nobody has ordered from, say): the
   * embedded runtime then skips the event for such keys instead of making a state and dropping it.
   * An optimisation only: a runtime that ignores it makes the same calls that matter.
   */
  default boolean startsState(Event event) {
    return true;
  }

  /** As {@link #startsState(Event)}, for a fact. */
  default boolean startsState(Fact fact) {
    return true;
  }

  /** Fresh state for a key seen for the first time. */
  S newState();

  /** Handles one event of the key. */
  default void onEvent(S state, Event event, Context context) {}

  /** Handles one fact of the key. */
  default void onFact(S state, Fact fact, Context context) {}

  /** Event time has reached {@code time}, which an earlier {@link Context#wakeAt} asked for. */
  default void onWake(S state, long time, Context context) {}

  /**
   * True when {@link #onWake} never emits (it only forgets, as a retention does). Then, once a
   * bounded input has ended and every event is processed, the runtime may drop the stage's pending
   * wake-ups instead of firing them, provided no more facts can reach the stage either: the
   * wake-ups could change nothing anyone sees. At the end of a scan they are most of the keys.
   */
  default boolean wakesOnlyForget() {
    return false;
  }

  /** True when the state holds nothing worth keeping; the runtime then drops it. */
  boolean isEmpty(S state);

  /** What a stage may do while handling an input or a wake-up. */
  interface Context {
    /** The key being processed. */
    String key();

    /** The event time of this call: the input's time, or the wake-up's. */
    long now();

    /** Emits a fact of a type this stage's wiring produces. */
    void emit(Fact fact);

    /**
     * Asks for {@link #onWake} once event time reaches {@code time}. Wake-ups are per key and
     * de-duplicated by time; a time not after {@link #now} is moved just past it.
     */
    void wakeAt(long time);
  }
}
