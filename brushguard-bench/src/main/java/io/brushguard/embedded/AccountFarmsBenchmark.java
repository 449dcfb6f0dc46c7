package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.farm.AccountFarms;
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
 * The account-farm stage's cost, in nanoseconds per input event of the simulator's stream ({@value
 * DataflowBenchmark#EVENTS} events, every tactic and trap planted), through the gate and the
 * embedded {@link Dataflow} as {@link DataflowBenchmark} feeds it: {@code gate} (no stage) and
 * {@code farm} ({@link AccountFarms} alone, its signals collected). It reads buyer registrations
 * only (the stream's prelude of aged accounts, then 0.4% of the buyer base a day); the difference
 * of the two rows is what it adds to a scan per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class AccountFarmsBenchmark {
  @Param({"gate", "farm"})
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
            : Topology.of(List.of(AccountFarms.standard()), Set.of(Signal.class));
  }

  @Benchmark
  @OperationsPerInvocation(DataflowBenchmark.EVENTS)
  public long run(Blackhole bh) {
    return DataflowBenchmark.feed(topology, config, input, bh::consume);
  }
}
