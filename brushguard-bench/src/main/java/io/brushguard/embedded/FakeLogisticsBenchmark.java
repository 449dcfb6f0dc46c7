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
 * <p>The detector's cost per event is the difference of the two rows. The simulator's first million
 * events are mostly registrations, which no stage of the detector reads, so {@link #main} also
 * times, by the thread's CPU (least of several runs, as {@link DataflowCpuTime}), the same stream
 * with only the orders, scans and reviews left in: the cost per event it reads. In the bench
 * module's {@code io.brushguard.embedded} package because {@link Dataflow} is package-private.
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

  /** Usage: {@code FakeLogisticsBenchmark [runs]}: ns per event by thread CPU, see above. */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    BrushguardConfig config = BrushguardConfig.DEFAULT;
    SimulatedEvents all =
        SimulatedEvents.simulate(7, DataflowBenchmark.EVENTS).first(DataflowBenchmark.EVENTS);
    java.util.List<io.brushguard.event.Event> read = new java.util.ArrayList<>();
    java.util.List<Long> readLines = new java.util.ArrayList<>();
    for (int i = 0; i < all.events().size(); i++) {
      io.brushguard.event.EventType t = all.events().get(i).type();
      if (t == io.brushguard.event.EventType.ORDER
          || t == io.brushguard.event.EventType.LOGISTICS
          || t == io.brushguard.event.EventType.REVIEW) {
        read.add(all.events().get(i));
        readLines.add(all.lines()[i]);
      }
    }
    SimulatedEvents parcels =
        new SimulatedEvents(read, readLines.stream().mapToLong(Long::longValue).toArray());
    Topology gate = Topology.of(List.of(), Set.of());
    Topology detector =
        Topology.of(FakeLogistics.stages(config.retentionMillis()), Set.of(Signal.class));
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    SimulatedEvents[] inputs = {all, parcels};
    String[] names = {"market", "orders+scans+reviews"};
    for (int in = 0; in < inputs.length; in++) {
      long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
      long signals = 0;
      for (int r = 0; r < runs; r++) {
        Topology[] tops = {gate, detector};
        for (int k = 0; k < 2; k++) {
          long cpu0 = threads.getCurrentThreadCpuTime();
          long facts = DataflowBenchmark.feed(tops[k], config, inputs[in], f -> {});
          long cpu = threads.getCurrentThreadCpuTime() - cpu0;
          if (r >= Math.min(3, runs - 1)) {
            best[k] = Math.min(best[k], cpu);
          }
          signals = k == 1 ? facts : signals;
        }
      }
      int n = inputs[in].events().size();
      System.out.printf(
          java.util.Locale.ROOT,
          "%-22s %,d events: gate %.1f ns/event, with fake logistics %.1f ns/event: %.1f ns/event"
              + " its own (%,d signals)%n",
          names[in],
          n,
          best[0] / (double) n,
          best[1] / (double) n,
          (best[1] - best[0]) / (double) n,
          signals);
    }
  }
}
