package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.velocity.Velocity;
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
 * The velocity stages' cost, in nanoseconds per event of the stream: the simulator's medium market
 * ({@value DataflowBenchmark#EVENTS} events, seed 7, parsed in memory, in input order) through the
 * {@link io.brushguard.ingest.EventTimeGate} and the embedded {@link Dataflow}, as {@link
 * DataflowBenchmark} feeds it.
 *
 * <ul>
 *   <li>{@code gate}: the gate and the dataflow with no stage;
 *   <li>{@code velocity}: every velocity stage ({@link Velocity#stages}: six token stages, three
 *       target stages and the follow-up), their signals collected.
 * </ul>
 *
 * <p>The velocity stages' own cost is the difference. They read orders, reviews and likes (about 9%
 * of this stream); per such event they cost about eleven times their figure here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class VelocityBenchmark {
  @Param({"gate", "velocity"})
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
            : Topology.of(Velocity.stages(config.velocity()), Set.of(Signal.class));
  }

  /** The whole stream, from a fresh gate and dataflow, to the end. */
  @Benchmark
  @OperationsPerInvocation(DataflowBenchmark.EVENTS)
  public long run(Blackhole bh) {
    return DataflowBenchmark.feed(topology, config, input, bh::consume);
  }
}
