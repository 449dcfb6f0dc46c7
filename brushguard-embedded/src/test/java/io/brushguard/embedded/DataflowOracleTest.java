package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Detector;
import io.brushguard.detect.DetectorStage;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Login;
import io.brushguard.flow.Topology;
import io.brushguard.ingest.EventTimeGate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The optimised {@link Dataflow} and {@link ReorderBuffer} (ring plus heap, one allocation per
 * wake-up) must call a detector exactly as the first, simplest host did: same events, same
 * wake-ups, same order, same signals. {@link ReferenceHost} below is that host, kept as the oracle.
 */
class DataflowOracleTest {

  @Test
  void randomStreams_callDetectorsExactlyAsTheReferenceHost() {
    for (long seed = 1; seed <= 60; seed++) {
      List<Event> events = stream(new Random(seed), 3_000, 20 + (int) seed);
      long bound = seed % 3 == 0 ? 0 : 60_000;
      assertThat(run(events, bound, true))
          .as("seed %d", seed)
          .containsExactlyElementsOf(run(events, bound, false));
    }
  }

  @Test
  void sortedStream_andStreamWithTies_matchTheReference() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      events.add(new Login("k" + (i % 7), 1_700_000_000_000L + (i / 5) * 1000L, null, null));
    }
    assertThat(run(events, 10_000, true)).containsExactlyElementsOf(run(events, 10_000, false));
  }

  @Test
  void reorderBuffer_releasesByTimeThenArrival_likeOneHeap() {
    // many ties; most events in order, some a little out of order (moved within the run), some far
    // out of order (more than MAX_SHIFT events back: the heap)
    Random rnd = new Random(5);
    ReorderBuffer buffer = new ReorderBuffer();
    PriorityQueue<long[]> reference =
        new PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    List<Event> byArrival = new ArrayList<>();
    long t = 10_000;
    for (int i = 0; i < 200_000; i++) {
      if (rnd.nextInt(5) > 1 || buffer.size() == 0) {
        t += rnd.nextInt(3);
        int kind = rnd.nextInt(50);
        long ts = kind < 5 ? t - rnd.nextInt(40) : kind == 5 ? t - rnd.nextInt(5_000) : t;
        Event e = new Login("a", ts, null, null);
        buffer.push(e, byArrival.size());
        reference.add(new long[] {ts, byArrival.size()});
        byArrival.add(e);
      } else {
        assertThat(buffer.nextTs()).isEqualTo(reference.peek()[0]);
        assertThat(buffer.poll()).isSameAs(byArrival.get((int) reference.poll()[1]));
      }
      assertThat(buffer.size()).isEqualTo(reference.size());
    }
    while (buffer.size() > 0) {
      assertThat(buffer.poll()).isSameAs(byArrival.get((int) reference.poll()[1]));
    }
  }

  private static List<Event> stream(Random rnd, int n, int keys) {
    List<Event> out = new ArrayList<>();
    long t = 1_700_000_000_000L;
    for (int i = 0; i < n; i++) {
      t += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(5_000);
      long ts = rnd.nextInt(8) == 0 ? t - rnd.nextInt(90_000) : t; // some late beyond the bound
      out.add(new Login("k" + rnd.nextInt(keys), ts, null, null));
    }
    return out;
  }

  /** Runs the recording detector over the stream through one host; returns its call log. */
  private static List<String> run(List<Event> events, long bound, boolean optimised) {
    List<String> log = new ArrayList<>();
    Recording detector = new Recording(log);
    Consumer<Signal> signals = s -> log.add("signal " + s.id() + " " + s.ts() + " " + s.detail());
    Dataflow.ErrorListener errors =
        (d, key, e, error) -> log.add("error " + key + " " + error.getMessage());
    EventTimeGate gate = new EventTimeGate(bound, BrushguardConfig.DEFAULT.aheadMillis());
    if (optimised) {
      Topology topology = Topology.of(List.of(new DetectorStage<>(detector)), Set.of(Signal.class));
      Dataflow host = new Dataflow(topology, f -> signals.accept((Signal) f), errors);
      EventTimeGate.Sink admit =
          EventTimeGate.Sink.admittedOnly(
              (e, line) -> {
                host.add(e, line);
                host.advanceTo(gate.watermark());
              });
      long line = 0;
      for (Event e : events) {
        gate.offer(e, ++line, admit);
      }
      gate.finish(admit);
      host.finish();
    } else {
      ReferenceHost host = new ReferenceHost(detector, signals, errors);
      EventTimeGate.Sink admit =
          EventTimeGate.Sink.admittedOnly(
              (e, line) -> {
                host.add(e);
                host.advanceTo(gate.watermark());
              });
      for (Event e : events) {
        gate.offer(e, 0, admit);
      }
      gate.finish(admit);
      host.advanceTo(Long.MAX_VALUE);
    }
    return log;
  }

  /** Logs every call, asks for wake-ups (some in the past, some repeated), emits, throws. */
  private static final class Recording implements Detector<int[]> {
    private final List<String> log;

    Recording(List<String> log) {
      this.log = log;
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public String keyOf(Event event) {
      return ((Login) event).account();
    }

    @Override
    public int[] newState() {
      return new int[1];
    }

    @Override
    public void onEvent(int[] state, Event event, Context context) {
      int n = ++state[0];
      log.add("event " + context.key() + " " + event.ts() + " " + n);
      int h = (context.key().hashCode() * 31 + n) & 0xFFFF;
      context.wakeAt(event.ts() + (h % 7 - 2) * 1_000L);
      if (h % 5 == 0) {
        context.wakeAt(event.ts() + 3_000); // duplicates of other wake-ups
      }
      if (h % 11 == 0) {
        context.emit(
            new Signal(EntityKind.ACCOUNT, context.key(), "X", "r", 0.5, event.ts(), "e" + n));
      }
      if (h % 97 == 0) {
        throw new IllegalStateException("boom " + n);
      }
    }

    @Override
    public void onWake(int[] state, long time, Context context) {
      int n = ++state[0];
      log.add("wake " + context.key() + " " + time + " " + n);
      if (n % 4 == 0) {
        context.wakeAt(time + 2_500);
      }
      if (n % 6 == 0) {
        state[0] = 0; // becomes empty: dropped, and its pending wake-ups find nothing
      }
    }

    @Override
    public boolean isEmpty(int[] state) {
      return state[0] == 0;
    }
  }

  /** The first detector host and reorder buffer, reduced to one detector: the oracle. */
  private static final class ReferenceHost implements Detector.Context {
    private record Entry(Event event, long seq) implements Comparable<Entry> {
      @Override
      public int compareTo(Entry o) {
        int c = Long.compare(event.ts(), o.event.ts());
        return c != 0 ? c : Long.compare(seq, o.seq);
      }
    }

    private record Wake(long time, long seq, String key) implements Comparable<Wake> {
      @Override
      public int compareTo(Wake o) {
        int c = Long.compare(time, o.time);
        return c != 0 ? c : Long.compare(seq, o.seq);
      }
    }

    private final Detector<int[]> detector;
    private final Consumer<Signal> signals;
    private final Dataflow.ErrorListener errors;
    private final PriorityQueue<Entry> buffer = new PriorityQueue<>();
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>();
    private final Set<Wake> pending = new HashSet<>();
    private final HashMap<String, int[]> states = new HashMap<>();
    private long seq;
    private long wakeSeq;
    private long now = Long.MIN_VALUE;
    private String key;

    ReferenceHost(
        Detector<int[]> detector, Consumer<Signal> signals, Dataflow.ErrorListener errors) {
      this.detector = detector;
      this.signals = signals;
      this.errors = errors;
    }

    void add(Event e) {
      buffer.add(new Entry(e, seq++));
    }

    void advanceTo(long watermark) {
      while (true) {
        long eventTs = buffer.isEmpty() ? Long.MAX_VALUE : buffer.peek().event.ts();
        Wake wake = wakes.peek();
        long wakeTs = wake == null ? Long.MAX_VALUE : wake.time;
        if (eventTs <= wakeTs && eventTs <= watermark && eventTs != Long.MAX_VALUE) {
          Event e = buffer.poll().event;
          now = e.ts();
          onEvent(e);
        } else if (wakeTs <= watermark && wake != null) {
          wakes.poll();
          pending.remove(new Wake(wake.time, 0, wake.key));
          now = wake.time;
          onWake(wake.key, wake.time);
        } else {
          return;
        }
      }
    }

    private void onEvent(Event e) {
      try {
        key = detector.keyOf(e);
        int[] state = states.computeIfAbsent(key, k -> detector.newState());
        detector.onEvent(state, e, this);
        if (detector.isEmpty(state)) {
          states.remove(key);
        }
      } catch (RuntimeException ex) {
        errors.failed(detector.name(), key, e, ex);
      }
    }

    private void onWake(String wakeKey, long time) {
      int[] state = states.get(wakeKey);
      if (state == null) {
        return;
      }
      key = wakeKey;
      try {
        detector.onWake(state, time, this);
        if (detector.isEmpty(state)) {
          states.remove(wakeKey);
        }
      } catch (RuntimeException ex) {
        errors.failed(detector.name(), wakeKey, null, ex);
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
      if (pending.add(new Wake(t, 0, key))) {
        wakes.add(new Wake(t, wakeSeq++, key));
      }
    }
  }
}
