package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.scripted.ScriptedSessions;
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
 * The scripted-session detector's cost per event of a whole simulated market (1M events, seed 7,
 * every tactic and trap planted), in ns per event of the stream: {@code gate} runs the event-time
 * gate and an empty dataflow, {@code scripted} adds the detector's six stages ({@code
 * scripted-tasks} on views and orders, {@code scripted-population} on one fact per task, {@code
 * scripted-payees} and {@code scripted-brokers} on transfers, {@code scripted-links} on links,
 * {@code scripted-reviews} on reviews). The difference is the detector's share; most events
 * (logistics scans, searches, reviews) never reach it.
 *
 * <p>In the {@code io.brushguard.embedded} package of the bench module because {@link Dataflow} is
 * package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class ScriptedSessionBenchmark {
  static final int EVENTS = 1_000_000;

  @Param({"gate", "scripted"})
  public String stages;

  private SimulatedEvents input;
  private Topology topology;
  private BrushguardConfig config;

  @Setup(Level.Trial)
  public void setUp() {
    config = BrushguardConfig.DEFAULT;
    input = SimulatedEvents.simulate(7, EVENTS).first(EVENTS);
    topology =
        stages.equals("gate")
            ? Topology.of(List.of(), Set.of())
            : Topology.of(
                ScriptedSessions.stages(ScriptedSessions.Config.DEFAULT), Set.of(Signal.class));
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long run(Blackhole bh) {
    return DataflowBenchmark.feed(topology, config, input, bh::consume);
  }
}
