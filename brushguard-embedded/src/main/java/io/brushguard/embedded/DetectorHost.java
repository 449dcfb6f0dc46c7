package io.brushguard.embedded;

import io.brushguard.detect.Detector;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs detectors in one JVM: per-key state in hash maps, events released in event-time order as
 * time advances, wake-ups fired in time order after the events at or before them (the same order
 * the Flink adapter gives). A detector that throws is isolated: the error is counted and reported,
 * the event goes on to the other detectors, and the key's state stays as it was left.
 */
final class DetectorHost {
  /** Receives a detector failure; the run goes on. */
  interface ErrorListener {
    void failed(String detector, String key, Event event, RuntimeException error);
  }

  /**
   * A pending wake-up. Ordered by (time, seq); equal when (time, slot, key) are, so the same object
   * serves the queue and the de-duplicating set: one allocation per scheduled wake-up.
   */
  private static final class Wake implements Comparable<Wake> {
    final long time;
    final long seq;
    final int slot;
    final String key;

    Wake(long time, long seq, int slot, String key) {
      this.time = time;
      this.seq = seq;
      this.slot = slot;
      this.key = key;
    }

    @Override
    public int compareTo(Wake o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Wake w && time == w.time && slot == w.slot && key.equals(w.key);
    }

    @Override
    public int hashCode() {
      return (Long.hashCode(time) * 31 + slot) * 31 + key.hashCode();
    }
  }

  private final List<Slot<?>> slots = new ArrayList<>();
  private final ReorderBuffer buffer = new ReorderBuffer();
  private final PriorityQueue<Wake> wakes = new PriorityQueue<>();
  private final Set<Wake> pendingWakes = new HashSet<>();
  private final Consumer<Signal> signals;
  private final ErrorListener errors;
  private long wakeSeq;
  private long now = Long.MIN_VALUE;

  DetectorHost(List<Detector<?>> detectors, Consumer<Signal> signals, ErrorListener errors) {
    this.signals = signals;
    this.errors = errors;
    for (Detector<?> d : detectors) {
      slots.add(new Slot<>(d, slots.size()));
    }
  }

  /** Buffers an admitted event until time passes it. */
  void add(Event e) {
    buffer.push(e);
  }

  /** Processes every buffered event and wake-up at or before {@code watermark}, in time order. */
  void advanceTo(long watermark) {
    while (true) {
      long eventTs = buffer.nextTs();
      Wake wake = wakes.peek();
      long wakeTs = wake == null ? Long.MAX_VALUE : wake.time;
      if (eventTs <= wakeTs && eventTs <= watermark && eventTs != Long.MAX_VALUE) {
        Event e = buffer.poll();
        now = e.ts();
        for (Slot<?> s : slots) {
          s.onEvent(e);
        }
      } else if (wakeTs <= watermark && wake != null) {
        wakes.poll();
        pendingWakes.remove(wake);
        now = wake.time;
        slots.get(wake.slot).onWake(wake.key, wake.time);
      } else {
        return;
      }
    }
  }

  /** End of input: everything buffered and every pending wake-up is processed. */
  void finish() {
    advanceTo(Long.MAX_VALUE);
  }

  int buffered() {
    return buffer.size();
  }

  long errors() {
    long n = 0;
    for (Slot<?> s : slots) {
      n += s.errors;
    }
    return n;
  }

  /** Keys with state, per detector name. */
  java.util.Map<String, Integer> stateSizes() {
    java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
    for (Slot<?> s : slots) {
      m.put(s.detector.name(), s.states.size());
    }
    return m;
  }

  private void schedule(int slot, String key, long time) {
    long t = Math.max(time, now + 1);
    Wake wake = new Wake(t, wakeSeq, slot, key);
    if (pendingWakes.add(wake)) {
      wakeSeq++;
      wakes.add(wake);
    }
  }

  /** One detector with its per-key states. */
  private final class Slot<S> implements Detector.Context {
    final Detector<S> detector;
    final int index;
    final HashMap<String, S> states = new HashMap<>();
    long errors;
    private String key;

    Slot(Detector<S> detector, int index) {
      this.detector = detector;
      this.index = index;
    }

    void onEvent(Event e) {
      try {
        key = detector.keyOf(e);
        if (key == null) {
          return;
        }
        S state = states.get(key);
        if (state == null) {
          state = detector.newState();
          states.put(key, state);
        }
        detector.onEvent(state, e, this);
        if (detector.isEmpty(state)) {
          states.remove(key);
        }
      } catch (RuntimeException ex) {
        this.errors++;
        DetectorHost.this.errors.failed(detector.name(), key, e, ex);
      }
    }

    void onWake(String wakeKey, long time) {
      S state = states.get(wakeKey);
      if (state == null) {
        return; // the state was dropped as empty: nothing left to wake
      }
      key = wakeKey;
      try {
        detector.onWake(state, time, this);
        if (detector.isEmpty(state)) {
          states.remove(wakeKey);
        }
      } catch (RuntimeException ex) {
        this.errors++;
        DetectorHost.this.errors.failed(detector.name(), wakeKey, null, ex);
      }
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public void emit(Signal signal) {
      signals.accept(signal);
    }

    @Override
    public void wakeAt(long time) {
      schedule(index, key, time);
    }
  }
}
