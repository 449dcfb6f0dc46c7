package io.brushguard.detect;

import io.brushguard.event.Event;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Runs a single-key {@link Detector} as a {@link Stage}: its events in, its {@link Signal}s out to
 * the decision. The adapter adds nothing: same keys, same calls, same wake-ups.
 *
 * @param <S> the detector's per-key state
 */
public final class DetectorStage<S> implements Stage<S> {
  private final Detector<S> detector;
  private final Wiring wiring;

  public DetectorStage(Detector<S> detector) {
    this.detector = detector;
    this.wiring =
        new Wiring(detector.eventTypes(), java.util.Set.of(), java.util.Set.of(Signal.class));
  }

  public Detector<S> detector() {
    return detector;
  }

  @Override
  public String name() {
    return detector.name();
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Event event) {
    return detector.keyOf(event);
  }

  @Override
  public S newState() {
    return detector.newState();
  }

  @Override
  public void onEvent(S state, Event event, Context context) {
    detector.onEvent(state, event, new Adapted(context));
  }

  @Override
  public void onWake(S state, long time, Context context) {
    detector.onWake(state, time, new Adapted(context));
  }

  @Override
  public boolean isEmpty(S state) {
    return detector.isEmpty(state);
  }

  /** A detector's context over a stage's. */
  private record Adapted(Context stage) implements Detector.Context {
    @Override
    public String key() {
      return stage.key();
    }

    @Override
    public void emit(Signal signal) {
      stage.emit(signal);
    }

    @Override
    public void wakeAt(long time) {
      stage.wakeAt(time);
    }
  }
}
