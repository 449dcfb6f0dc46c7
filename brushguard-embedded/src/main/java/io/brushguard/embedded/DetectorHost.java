package io.brushguard.embedded;

import io.brushguard.detect.Detector;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs detectors in one JVM: per-key state in hash maps, events released in event-time order as
 * time advances, wake-ups fired in time order after the events at or before them (the same order
 * the Flink adapter gives). A detector that throws is isolated: the error is counted and reported,
 * the event goes on to the other detectors, and the key's state stays as it was left.
 *
 * <p>Wake-up semantics (see {@link Detector.Context#wakeAt}): a wake-up for a time not after the
 * current one is moved to just past it; a wake-up already pending for the same detector, key and
 * time is not added again; pending wake-ups fire in (time, order asked) order, each after every
 * event at or before its time; a wake-up whose key has no state left (dropped as empty) fires
 * nothing.
 *
 * <p>Design note: each key's entry ({@link Keyed}) holds its state and its pending wake-up times,
 * and wake-ups sit in a binary heap of primitive arrays that points at the entry. So scheduling and
 * firing a wake-up costs no allocation and no extra hash lookup, and the heap compares without
 * touching objects. An entry lives while it has state or pending wake-ups; its state is dropped as
 * soon as the detector calls it empty, exactly when the first implementation removed it from its
 * map (kept as the oracle in {@code DetectorHostOracleTest}).
 */
final class DetectorHost {
  /** Receives a detector failure; the run goes on. */
  interface ErrorListener {
    void failed(String detector, String key, Event event, RuntimeException error);
  }

  private final List<Slot<?>> slots = new ArrayList<>();
  private final ReorderBuffer buffer = new ReorderBuffer();
  private final WakeHeap wakes = new WakeHeap();
  private final Consumer<Signal> signals;
  private final ErrorListener errors;
  private long now = Long.MIN_VALUE;

  DetectorHost(List<Detector<?>> detectors, Consumer<Signal> signals, ErrorListener errors) {
    this.signals = signals;
    this.errors = errors;
    for (Detector<?> d : detectors) {
      slots.add(new Slot<>(d));
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
      long wakeTs = wakes.isEmpty() ? Long.MAX_VALUE : wakes.topTime();
      if (eventTs <= wakeTs && eventTs <= watermark && eventTs != Long.MAX_VALUE) {
        Event e = buffer.poll();
        now = e.ts();
        for (Slot<?> s : slots) {
          s.onEvent(e);
        }
      } else if (wakeTs <= watermark && !wakes.isEmpty()) {
        Keyed<?> entry = wakes.pollEntry();
        now = wakeTs;
        entry.slot.onWake(entry, wakeTs);
      } else {
        return;
      }
    }
  }

  /** End of input: everything buffered and every pending wake-up is processed. */
  void finish() {
    advanceTo(Long.MAX_VALUE);
  }

  long errors() {
    long n = 0;
    for (Slot<?> s : slots) {
      n += s.errors;
    }
    return n;
  }

  /** One key of one detector: its state (null once dropped as empty) and pending wake-up times. */
  private static final class Keyed<S> {
    final Slot<S> slot;
    final String key;
    S state;
    private long[] wakeTimes = new long[2];
    private int wakeCount;

    Keyed(Slot<S> slot, String key) {
      this.slot = slot;
      this.key = key;
    }

    /** Adds a pending time; false when it was pending already. */
    boolean addWake(long time) {
      for (int i = 0; i < wakeCount; i++) {
        if (wakeTimes[i] == time) {
          return false;
        }
      }
      if (wakeCount == wakeTimes.length) {
        wakeTimes = Arrays.copyOf(wakeTimes, wakeCount * 2);
      }
      wakeTimes[wakeCount++] = time;
      return true;
    }

    void removeWake(long time) {
      for (int i = 0; i < wakeCount; i++) {
        if (wakeTimes[i] == time) {
          wakeTimes[i] = wakeTimes[--wakeCount];
          return;
        }
      }
    }

    boolean unused() {
      return state == null && wakeCount == 0;
    }
  }

  /** One detector with its per-key entries. */
  private final class Slot<S> implements Detector.Context {
    final Detector<S> detector;
    final HashMap<String, Keyed<S>> keyed = new HashMap<>();
    long errors;
    private String key;
    private Keyed<S> current;

    Slot(Detector<S> detector) {
      this.detector = detector;
    }

    void onEvent(Event e) {
      current = null;
      try {
        key = detector.keyOf(e);
        if (key == null) {
          return;
        }
        Keyed<S> k = keyed.get(key);
        if (k == null) {
          k = new Keyed<>(this, key);
          keyed.put(key, k);
        }
        current = k;
        if (k.state == null) {
          k.state = detector.newState();
        }
        detector.onEvent(k.state, e, this);
        if (detector.isEmpty(k.state)) {
          drop(k);
        }
      } catch (RuntimeException ex) {
        this.errors++;
        DetectorHost.this.errors.failed(detector.name(), key, e, ex);
      }
    }

    @SuppressWarnings("unchecked")
    void onWake(Keyed<?> entry, long time) {
      Keyed<S> k = (Keyed<S>) entry;
      k.removeWake(time);
      if (k.state == null) {
        if (k.unused()) {
          keyed.remove(k.key);
        }
        return; // the state was dropped as empty: nothing left to wake
      }
      key = k.key;
      current = k;
      try {
        detector.onWake(k.state, time, this);
        if (detector.isEmpty(k.state)) {
          drop(k);
        }
      } catch (RuntimeException ex) {
        this.errors++;
        DetectorHost.this.errors.failed(detector.name(), k.key, null, ex);
      }
    }

    private void drop(Keyed<S> k) {
      k.state = null;
      if (k.unused()) {
        keyed.remove(k.key);
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
      long t = Math.max(time, now + 1);
      if (current.addWake(t)) {
        wakes.add(t, current);
      }
    }
  }

  /**
   * A binary min-heap of pending wake-ups by (time, order added), in parallel primitive arrays.
   * Space: about 24 bytes per pending wake-up.
   */
  private static final class WakeHeap {
    private long[] times = new long[256];
    private long[] seqs = new long[256];
    private Keyed<?>[] entries = new Keyed<?>[256];
    private int size;
    private long nextSeq;

    boolean isEmpty() {
      return size == 0;
    }

    long topTime() {
      return times[0];
    }

    void add(long time, Keyed<?> entry) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        seqs = Arrays.copyOf(seqs, size * 2);
        entries = Arrays.copyOf(entries, size * 2);
      }
      long seq = nextSeq++;
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!less(time, seq, times[parent], seqs[parent])) {
          break;
        }
        move(parent, i);
        i = parent;
      }
      set(i, time, seq, entry);
    }

    /** Removes the top; returns its entry (its time was {@link #topTime}). */
    Keyed<?> pollEntry() {
      Keyed<?> top = entries[0];
      int last = --size;
      long time = times[last];
      long seq = seqs[last];
      Keyed<?> entry = entries[last];
      entries[last] = null;
      if (last > 0) {
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
          int child = 2 * i + 1;
          int right = child + 1;
          if (right < last && less(times[right], seqs[right], times[child], seqs[child])) {
            child = right;
          }
          if (!less(times[child], seqs[child], time, seq)) {
            break;
          }
          move(child, i);
          i = child;
        }
        set(i, time, seq, entry);
      }
      return top;
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
      return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(int from, int to) {
      times[to] = times[from];
      seqs[to] = seqs[from];
      entries[to] = entries[from];
    }

    private void set(int i, long time, long seq, Keyed<?> entry) {
      times[i] = time;
      seqs[i] = seq;
      entries[i] = entry;
    }
  }
}
