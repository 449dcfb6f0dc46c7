package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.logistics.FakeLogistics;
import io.brushguard.flow.Topology;
import java.util.List;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fake-logistics speed in nanoseconds per input event: the simulator's stream ({@value
 * DataflowBenchmark#EVENTS} events, already parsed, in input order, about a quarter of them orders
 * and parcel scans) through the {@link io.brushguard.ingest.EventTimeGate} and the embedded {@link
 * Dataflow}, with
 *
 * <ul>
 *   <li>{@code gate}: no stage (every event read and dropped), the baseline;
 *   <li>{@code fakeLogistics}: every stage of {@link FakeLogistics#stages} (the order-parcel join,
 *       the waybill, weight and route baselines, the judge and the tallies), signals collected.
 * </ul>
 *
 * <p>The detector's cost per event is the difference of the two rows. In the bench module's {@code
 * io.brushguard.embedded} package because {@link Dataflow} is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class FakeLogisticsBenchmark {
  @Param({"gate", "fakeLogistics"})
  public String stages;

  private SimulatedEvents input;
  private Topology topology;
  private BrushguardConfig config;

  @Setup(Level.Trial)
  public void setUp() {
    config = BrushguardConfig.DEFAULT;
    input = SimulatedEvents.simulate(7, DataflowBenchmark.EVENTS).first(DataflowBenchmark.EVENTS);
    topology =
        stages.equals("gate")
            ? Topology.of(List.of(), Set.of())
            : Topology.of(FakeLogistics.stages(config.retentionMillis()), Set.of(Signal.class));
  }

  @Benchmark
  @OperationsPerInvocation(DataflowBenchmark.EVENTS)
  public long run(Blackhole bh) {
    return DataflowBenchmark.feed(topology, config, input, bh::consume);
  }
}
