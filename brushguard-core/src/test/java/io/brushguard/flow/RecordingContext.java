package io.brushguard.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A {@link Stage.Context} for driving one stage key by hand in tests: the test sets the key and
 * time, the context records what the stage emitted and which wake-ups it asked for (moved past now
 * as a runtime moves them).
 */
public final class RecordingContext implements Stage.Context {
  public final List<Fact> emitted = new ArrayList<>();
  public final TreeSet<Long> wakes = new TreeSet<>();
  private String key;
  private long now;

  public RecordingContext at(String key, long now) {
    this.key = key;
    this.now = now;
    return this;
  }

  /** What was emitted since the last call, and forgets it. */
  public List<Fact> take() {
    List<Fact> out = List.copyOf(emitted);
    emitted.clear();
    return out;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public void emit(Fact fact) {
    emitted.add(fact);
  }

  @Override
  public void wakeAt(long time) {
    wakes.add(Math.max(time, now + 1));
  }
}
