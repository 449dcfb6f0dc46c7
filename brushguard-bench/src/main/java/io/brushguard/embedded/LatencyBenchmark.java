package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.ConfigLoader;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.decide.Finding;
import io.brushguard.event.Event;
import io.brushguard.event.Order;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How soon a finding comes out of the embedded {@link Pipeline}, measured from outside it: the
 * simulator's stream fed event by event, as fast as possible or at a steady rate, for several
 * out-of-order bounds.
 *
 * <p>The <em>completing input</em> of a finding update is the detector call that decided it: an
 * order (the evidence was complete when it arrived) or a wake-up at a window's end (complete when
 * event time reached it; its moment is the accept of the first event at or after that time). A
 * wrapper around the detection stage records which it was; nothing in production code is timed. Per
 * update it prints:
 *
 * <ul>
 *   <li><b>event time</b>: the update's {@code ts} minus the completing input's time (the order's
 *       {@code ts}, or the wake-up's time);
 *   <li><b>hold</b>: how far the stream's event time (the newest {@code ts} accepted) was past the
 *       update's {@code ts} when it came out: the gate holds every event until the watermark
 *       ({@code max ts - bound}) passes it, so this is the bound plus the gap to the next event. In
 *       a live feed, where event time runs at wall-clock speed, it is also the wall delay;
 *   <li><b>engine</b>: wall time from the start of the {@code accept()} that released the update
 *       (moved the watermark past it) to the listener's call: the runtime's own share;
 *   <li><b>wall</b>: wall time from the accept of the completing input to the listener's call, at
 *       this feed's speed.
 * </ul>
 *
 * <p>Usage: {@code LatencyBenchmark [--events N] [--bounds 10m,1m,0] [--rate EVENTS_PER_S]}; no
 * rate means as fast as possible.
 */
public final class LatencyBenchmark {
  private LatencyBenchmark() {}

  public static void main(String[] args) {
    long events = 1_000_000;
    String bounds = "10m,1m,10s,0";
    double rate = 0;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[i + 1]);
        case "--bounds" -> bounds = args[i + 1];
        case "--rate" -> rate = Double.parseDouble(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    SimulatedEvents input = SimulatedEvents.simulate(7, events);
    System.out.printf(
        Locale.ROOT,
        "%,d simulated events, fed %s%n",
        input.events().size(),
        rate > 0 ? String.format(Locale.ROOT, "at %,.0f events/s", rate) : "as fast as possible");
    for (String bound : bounds.split(",")) {
      run(input, millis(bound), rate, false); // warm-up
      run(input, millis(bound), rate, true);
    }
  }

  /** A bound as the CLI's {@code --lateness} takes it: {@code 10m}, {@code 90s}, {@code 0}. */
  private static long millis(String s) {
    return s.equals("0") ? 0 : ConfigLoader.parseDuration(s).toMillis();
  }

  private static void run(SimulatedEvents input, long bound, double rate, boolean print) {
    BrushguardConfig config = BrushguardConfig.DEFAULT.withLatenessMillis(bound);
    List<Event> events = input.events();
    int n = events.size();
    long[] ts = new long[n];
    long[] newest = new long[n]; // newest ts accepted up to i
    long max = Long.MIN_VALUE;
    Map<Event, Integer> orderIndex = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      Event e = events.get(i);
      ts[i] = e.ts();
      max = Math.max(max, ts[i]);
      newest[i] = max;
      if (e instanceof Order) {
        orderIndex.put(e, i);
      }
    }
    long[] acceptNanos = new long[n];
    int[] current = new int[1];
    Recorder<?> recorder = Recorder.of(DetectorRegistry.standard(config).get(0), orderIndex);
    Samples eventTime = new Samples();
    Samples hold = new Samples();
    Samples engine = new Samples();
    Samples wall = new Samples();
    Pipeline pipeline =
        new Pipeline(
            config,
            List.of(recorder),
            new Pipeline.Listener() {
              @Override
              public void finding(Finding f) {
                long now = System.nanoTime();
                int releasing = Math.min(current[0], n - 1);
                int completing;
                long completedAt;
                if (recorder.lastEvent >= 0 && recorder.lastTime == f.ts()) {
                  completing = recorder.lastEvent;
                  completedAt = ts[completing];
                } else {
                  completedAt = f.ts(); // a wake-up: complete when event time reached it
                  completing = firstAtOrAfter(newest, completedAt, releasing);
                }
                eventTime.add(f.ts() - completedAt);
                hold.add(newest[releasing] - f.ts());
                engine.add(now - acceptNanos[releasing]);
                wall.add(now - acceptNanos[completing]);
              }
            });
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        while (System.nanoTime() < due) {
          Thread.onSpinWait();
        }
      }
      current[0] = i;
      acceptNanos[i] = System.nanoTime();
      pipeline.accept(events.get(i), input.lines()[i]);
    }
    current[0] = n; // updates from finish(): released by the end of input
    pipeline.finish();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (print) {
      System.out.printf(
          Locale.ROOT,
          "bound %,d ms: %,d finding updates in %.2f s (%,.0f events/s)%n"
              + "  event time (ms): %s%n  hold (ms):       %s%n"
              + "  engine (us):     %s%n  wall (ms):       %s%n",
          bound,
          wall.size,
          seconds,
          n / seconds,
          eventTime.summary(1),
          hold.summary(1),
          engine.summary(1e3),
          wall.summary(1e6));
    }
  }

  /** The first index at or before {@code limit} whose newest ts has reached {@code time}. */
  private static int firstAtOrAfter(long[] newest, long time, int limit) {
    int lo = 0;
    int hi = limit;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (newest[mid] >= time) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** A growable array of longs with percentiles. */
  private static final class Samples {
    long[] values = new long[1024];
    int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    String summary(double unit) {
      if (size == 0) {
        return "none";
      }
      long[] v = Arrays.copyOf(values, size);
      Arrays.sort(v);
      return String.format(
          Locale.ROOT,
          "min %.1f  p50 %.1f  p90 %.1f  p99 %.1f  max %.1f",
          v[0] / unit,
          v[size / 2] / unit,
          v[(int) (size * 0.9)] / unit,
          v[(int) (size * 0.99)] / unit,
          v[size - 1] / unit);
    }
  }

  /** The detection stage, unchanged, remembering its latest call: an order or a wake-up. */
  private static final class Recorder<S> implements Stage<S> {
    private final Stage<S> stage;
    private final Map<Event, Integer> orderIndex;
    int lastEvent = -1;
    long lastTime;

    private Recorder(Stage<S> stage, Map<Event, Integer> orderIndex) {
      this.stage = stage;
      this.orderIndex = orderIndex;
    }

    static <S> Recorder<S> of(Stage<S> stage, Map<Event, Integer> orderIndex) {
      return new Recorder<>(stage, orderIndex);
    }

    @Override
    public String name() {
      return stage.name();
    }

    @Override
    public Wiring wiring() {
      return stage.wiring();
    }

    @Override
    public String keyOf(Event event) {
      return stage.keyOf(event);
    }

    @Override
    public String keyOf(Fact fact) {
      return stage.keyOf(fact);
    }

    @Override
    public S newState() {
      return stage.newState();
    }

    @Override
    public void onEvent(S state, Event event, Context context) {
      lastEvent = orderIndex.getOrDefault(event, -1);
      lastTime = event.ts();
      stage.onEvent(state, event, context);
    }

    @Override
    public void onFact(S state, Fact fact, Context context) {
      stage.onFact(state, fact, context);
    }

    @Override
    public void onWake(S state, long time, Context context) {
      lastEvent = -1;
      lastTime = time;
      stage.onWake(state, time, context);
    }

    @Override
    public boolean isEmpty(S state) {
      return stage.isEmpty(state);
    }
  }
}
