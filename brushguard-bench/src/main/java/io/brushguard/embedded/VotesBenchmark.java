package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.cashback.BuyerVoice;
import io.brushguard.detect.cashback.Payouts;
import io.brushguard.detect.cashback.ShopPayers;
import io.brushguard.detect.likes.Likes;
import io.brushguard.detect.photos.Photos;
import io.brushguard.detect.ratings.Ratings;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import java.util.ArrayList;
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
 * The vote detectors' cost, in nanoseconds per input event of the simulator's stream ({@value
 * DataflowBenchmark#EVENTS} events, every tactic and trap planted), through the gate and the
 * embedded {@link Dataflow} as {@link DataflowBenchmark} feeds it.
 *
 * <ul>
 *   <li>{@code gate}: the gate and a dataflow with no stage;
 *   <li>{@code likes}: {@code like-farm} and {@code like-rings} ({@link Likes});
 *   <li>{@code ratings}: the rating stages ({@link Ratings}) with the cashback stages the
 *       compensation test joins through ({@link ShopPayers}, {@link Payouts}, {@link BuyerVoice});
 *   <li>{@code photos}: {@code photo-bands}, {@code photo-index}, {@code photo-reuse} ({@link
 *       Photos}).
 * </ul>
 *
 * <p>A row minus {@code gate} is what those stages add to a scan per event of the whole stream;
 * divided by the share of reviews and likes (about 2% of the simulator's events) it is their cost
 * per review or like.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class VotesBenchmark {
  @Param({"gate", "likes", "ratings", "photos"})
  public String stages;

  private SimulatedEvents input;
  private Topology topology;
  private BrushguardConfig config;

  @Setup(Level.Trial)
  public void setUp() {
    config = BrushguardConfig.DEFAULT;
    input = SimulatedEvents.simulate(7, DataflowBenchmark.EVENTS).first(DataflowBenchmark.EVENTS);
    topology = topology(config, stages);
  }

  static Topology topology(BrushguardConfig config, String stages) {
    List<Stage<?>> list = new ArrayList<>();
    switch (stages) {
      case "gate" -> {}
      case "likes" -> list.addAll(Likes.stages());
      case "ratings" -> {
        list.add(new ShopPayers());
        list.add(new Payouts());
        list.add(new BuyerVoice(config.retentionMillis()));
        list.addAll(Ratings.stages());
      }
      case "photos" -> list.addAll(Photos.stages());
      default -> throw new IllegalArgumentException("unknown stages " + stages);
    }
    return Topology.of(list, list.isEmpty() ? Set.of() : Set.of(Signal.class));
  }

  @Benchmark
  @OperationsPerInvocation(DataflowBenchmark.EVENTS)
  public long run(Blackhole bh) {
    return DataflowBenchmark.feed(topology, config, input, bh::consume);
  }
}
