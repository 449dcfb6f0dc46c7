package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.cashback.Brokers;
import io.brushguard.detect.cashback.BuyerVoice;
import io.brushguard.detect.cashback.CashbackDetector;
import io.brushguard.detect.cashback.Payouts;
import io.brushguard.detect.cashback.Rebate;
import io.brushguard.detect.cashback.ShopPayers;
import io.brushguard.detect.reverse.ReverseBrushing;
import io.brushguard.detect.subsidy.StaffDevices;
import io.brushguard.detect.subsidy.StaffPayers;
import io.brushguard.detect.subsidy.SubsidyDetector;
import io.brushguard.detect.subsidy.SubsidyPayments;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import io.brushguard.resolve.OrderLinked;
import io.brushguard.resolve.OrderThreads;
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
 * The cashback stages' cost, in nanoseconds per input event of the simulator's stream ({@value
 * DataflowBenchmark#EVENTS} events, every tactic and trap planted), through the gate and the
 * embedded {@link Dataflow} as {@link DataflowBenchmark} feeds it.
 *
 * <ul>
 *   <li>{@code gate}: the gate and a dataflow with no stage;
 *   <li>{@code order-threads}: the resolution stage {@link OrderThreads} alone (in a scan it runs
 *       anyway, for {@code CarryEvidence}; {@link Payouts} reads its order payments' receivers);
 *   <li>{@code cashback}: {@link OrderThreads} and the five cashback stages ({@link ShopPayers},
 *       {@link Payouts}, {@link BuyerVoice}, {@link CashbackDetector}, {@link Brokers}), their
 *       signals and rebates collected;
 *   <li>{@code reverse}: as {@code cashback}, with {@link ReverseBrushing} after it;
 *   <li>{@code subsidy}: the subsidy-abuse stages ({@link ShopPayers}, {@link StaffPayers}, {@link
 *       StaffDevices}, {@link SubsidyDetector}), their signals collected.
 * </ul>
 *
 * <p>The difference of {@code cashback} and {@code order-threads} is what cashback adds to a scan
 * per event; of {@code reverse} and {@code cashback}, what reverse brushing adds. The stages read
 * orders, reviews, reports, payments, accounts and links (about 17% of the stream).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class CashbackBenchmark {
  @Param({"gate", "order-threads", "cashback", "reverse", "subsidy"})
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
    if (stages.equals("gate")) {
      return Topology.of(List.of(), Set.of());
    }
    if (stages.equals("order-threads")) {
      return Topology.of(
          List.of(new OrderThreads(config.retentionMillis())), Set.of(OrderLinked.class));
    }
    long retention = config.retentionMillis();
    if (stages.equals("subsidy")) {
      return Topology.of(
          List.of(
              new ShopPayers(),
              new StaffPayers(),
              new StaffDevices(),
              new SubsidyPayments(),
              new SubsidyDetector()),
          Set.of(Signal.class));
    }
    CashbackDetector.Config c = CashbackDetector.Config.DEFAULT;
    List<Stage<?>> cashback =
        new java.util.ArrayList<>(
            List.of(
                new OrderThreads(retention),
                new ShopPayers(),
                new Payouts(),
                new BuyerVoice(retention),
                new CashbackDetector(c),
                new Brokers(c)));
    if (stages.equals("reverse")) {
      cashback.add(ReverseBrushing.of(c));
    }
    return Topology.of(cashback, Set.of(Signal.class, Rebate.class, OrderLinked.class));
  }

  @Benchmark
  @OperationsPerInvocation(DataflowBenchmark.EVENTS)
  public long run(Blackhole bh) {
    return DataflowBenchmark.feed(topology, config, input, bh::consume);
  }
}
