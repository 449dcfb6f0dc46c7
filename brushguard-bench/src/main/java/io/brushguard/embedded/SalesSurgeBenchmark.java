package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.surge.SalesSurgeDetector;
import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Sales-surge speed, in nanoseconds per event of the whole simulated stream (1M events, seed 7:
 * every tactic and trap, about 35% views and 6% orders, the only types the detector reads).
 *
 * <ul>
 *   <li>{@code dataflow}: the {@link SalesSurgeDetector} stage alone behind the gate in the
 *       embedded {@link Dataflow} (routing, per-shop state tables, wake-ups, signals): what adding
 *       it to a scan costs;
 *   <li>{@code stage}: the stage's own work, called directly per shop from a plain map in event
 *       order (no gate, no routing, no wake-ups): the detector without the runtime.
 * </ul>
 *
 * <p>Compare {@code dataflow} with {@code DataflowBenchmark}'s {@code gate} (the gate and an empty
 * dataflow) for the increment.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class SalesSurgeBenchmark {
  static final int EVENTS = 1_000_000;

  private SimulatedEvents input;
  private BrushguardConfig config;
  private Topology topology;

  @Setup(Level.Trial)
  public void setUp() {
    config = BrushguardConfig.DEFAULT;
    input = SimulatedEvents.simulate(7, EVENTS).first(EVENTS);
    topology = Topology.of(List.of(new SalesSurgeDetector(config.surge())), Set.of(Signal.class));
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long dataflow(Blackhole bh) {
    return DataflowBenchmark.feed(topology, config, input, bh::consume);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long stage(Blackhole bh) {
    SalesSurgeDetector detector = new SalesSurgeDetector(config.surge());
    Map<String, SalesSurgeDetector.ShopState> shops = new HashMap<>();
    Direct context = new Direct(bh);
    for (Event e : input.events()) {
      String key = detector.keyOf(e);
      if (key == null) {
        continue;
      }
      context.key = key;
      context.now = e.ts();
      detector.onEvent(shops.computeIfAbsent(key, k -> detector.newState()), e, context);
    }
    return context.emitted;
  }

  /** A context that counts what is emitted and ignores wake-ups (retention is months away). */
  static final class Direct implements Stage.Context {
    private final Blackhole bh;
    String key;
    long now;
    long emitted;

    Direct(Blackhole bh) {
      this.bh = bh;
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
      emitted++;
      bh.consume(fact);
    }

    @Override
    public void wakeAt(long time) {}
  }
}
