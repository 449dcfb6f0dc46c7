package io.brushguard.detect.ring;

import io.brushguard.embedded.SimulatedEvents;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Review;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.resolve.LikeLinked;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * CPU time of the {@code rings} stage alone over a whole market, per window of 131,072 events (the
 * split report's window), measured as this thread's CPU time: on a shared machine wall-clock stage
 * times grow with the other processes' load, CPU time much less. The events are read and sorted
 * first; a like's shop comes from the review it likes, as the resolution stage links it. Prints the
 * first window, the median, the slowest and the total.
 *
 * <pre>
 * java -cp brushguard-bench/target/benchmarks.jar io.brushguard.detect.ring.RingStageCost EVENTS
 * </pre>
 */
public final class RingStageCost {
  static final int WINDOW = 1 << 17;

  private RingStageCost() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RingStageCost EVENTS.jsonl");
      System.exit(2);
    }
    List<Event> events = new ArrayList<>(SimulatedEvents.read(Path.of(args[0])).events());
    events.sort(Comparator.comparingLong(Event::ts)); // stable: file order within a millisecond
    Rings stage = Rings.standard();
    Rings.State state = stage.newState();
    TreeSet<Long> wakes = new TreeSet<>();
    long[] emitted = new long[1];
    long[] now = new long[1];
    Stage.Context ctx =
        new Stage.Context() {
          @Override
          public String key() {
            return Rings.KEY;
          }

          @Override
          public long now() {
            return now[0];
          }

          @Override
          public void emit(Fact fact) {
            emitted[0]++;
          }

          @Override
          public void wakeAt(long time) {
            wakes.add(Math.max(time, now[0] + 1));
          }
        };
    Map<String, Review> reviews = new HashMap<>();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<Double> windows = new ArrayList<>();
    long windowStart = mx.getCurrentThreadCpuTime();
    long total = 0;
    int inWindow = 0;
    for (Event e : events) {
      while (!wakes.isEmpty() && wakes.first() <= e.ts()) {
        now[0] = wakes.pollFirst();
        stage.onWake(state, now[0], ctx);
      }
      now[0] = e.ts();
      if (e instanceof Review v) {
        reviews.put(v.review(), v);
      }
      if (stage.keyOf(e) != null) {
        stage.onEvent(state, e, ctx);
      }
      if (e instanceof Like l) {
        Review v = reviews.get(l.review());
        if (v != null) {
          stage.onFact(
              state,
              new LikeLinked(v.review(), l.account(), v.account(), v.shop(), v.rating(), l.ts()),
              ctx);
        }
      }
      if (++inWindow == WINDOW) {
        long t = mx.getCurrentThreadCpuTime();
        windows.add((t - windowStart) / 1e6);
        total += t - windowStart;
        windowStart = t;
        inWindow = 0;
      }
    }
    long t = mx.getCurrentThreadCpuTime();
    total += t - windowStart;
    double[] sorted = windows.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "rings: %,d events, %d full windows of %,d: CPU ms per window first %.0f, median %.0f,"
            + " max %.0f; total %.0f ms (%.2f us per event); %,d facts emitted; %,d live edges at"
            + " the end%n",
        events.size(),
        windows.size(),
        WINDOW,
        windows.isEmpty() ? 0 : windows.get(0),
        sorted.length == 0 ? 0 : sorted[sorted.length / 2],
        sorted.length == 0 ? 0 : sorted[sorted.length - 1],
        total / 1e6,
        total / 1e3 / Math.max(1, events.size()),
        emitted[0],
        state.graph.liveEdges());
    System.out.println(
        "per window (ms): " + Arrays.toString(windows.stream().mapToLong(Math::round).toArray()));
  }
}
