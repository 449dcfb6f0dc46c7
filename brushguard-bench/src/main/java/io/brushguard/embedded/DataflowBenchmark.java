package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.credit.Ledger;
import io.brushguard.credit.Standing;
import io.brushguard.decide.Decide;
import io.brushguard.decide.Finding;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.resolve.ResolutionSink;
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
 * The dataflow after parsing, in nanoseconds per input event: the simulator's stream ({@value
 * #EVENTS} events (the first of a simulated million), already parsed, in input order) through the
 * {@link EventTimeGate} and the embedded {@link Dataflow}, exactly as {@link Pipeline#accept} feeds
 * it, then {@code finish()}.
 *
 * <p>{@code stages} runs growing prefixes of the standard topology, so each stage's cost per event
 * is the difference between two rows:
 *
 * <ul>
 *   <li>{@code gate}: the gate and the dataflow with no stage (every event is read and dropped);
 *   <li>{@code concentration}: plus the concentration detector (its signals collected);
 *   <li>{@code decide}: plus the decision (findings collected);
 *   <li>{@code ledgers}: plus the order and review ledgers (standings collected);
 *   <li>{@code all}: the standard topology ({@link DetectorRegistry#topology}), shop books too;
 *   <li>{@code resolution}: plus every entity-resolution stage, which runs only when subscribed to,
 *       with a subscriber that takes their facts and does nothing with them ({@link
 *       ResolutionSink});
 *   <li>{@code resolution:NAME+NAME} (not in the default parameters): the standard topology plus
 *       only the named resolution stages and a subscriber, for one stage's cost.
 * </ul>
 *
 * <p>Per event means per event of the whole stream: the stages see only orders and reviews (7.5% of
 * it) and the facts those make. In the bench module's {@code io.brushguard.embedded} package
 * because {@link Dataflow} is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g", "-XX:+UseParallelGC"})
public class DataflowBenchmark {
  static final int EVENTS = 1_000_000;

  @Param({"gate", "concentration", "decide", "ledgers", "all", "resolution"})
  public String stages;

  private SimulatedEvents input;
  private Topology topology;
  private BrushguardConfig config;

  @Setup(Level.Trial)
  public void setUp() {
    config = BrushguardConfig.DEFAULT;
    input = SimulatedEvents.simulate(7, EVENTS).first(EVENTS);
    topology = topology(config, stages);
  }

  /** A prefix of the standard topology: see the class comment. */
  static Topology topology(BrushguardConfig config, String stages) {
    List<Stage<?>> detection = DetectorRegistry.standard(config);
    long retention = config.retentionMillis();
    List<Stage<?>> list = new ArrayList<>();
    switch (stages) {
      case "gate" -> {
        return Topology.of(List.of(), Set.of());
      }
      case "concentration" -> {
        return Topology.of(detection, Set.of(Signal.class));
      }
      case "surge" -> { // the sales-surge stage alone (SalesSurgeBenchmark; DataflowCpuTime
        // gate,surge)
        return Topology.of(
            List.of(
                new io.brushguard.detect.surge.SalesSurgeDetector(
                    config.surge().withRetentionMillis(retention))),
            Set.of(Signal.class));
      }
      case "decide" -> {
        list.addAll(detection);
        list.add(new Decide(config.decision(), retention));
        return Topology.of(list, Set.of(Finding.class));
      }
      case "ledgers" -> {
        list.addAll(detection);
        list.add(new Decide(config.decision(), retention));
        list.add(Ledger.orders(retention));
        list.add(Ledger.reviews(retention));
        return Topology.of(list, Set.of(Finding.class, Standing.class));
      }
      case "all" -> {
        return DetectorRegistry.topology(config, detection);
      }
      case "resolution" -> {
        list.addAll(detection);
        list.add(new ResolutionSink());
        return DetectorRegistry.topology(config, list);
      }
      default -> {
        if (stages.startsWith("upto:")) { // entity resolution and the first N detection stages
          list.addAll(DetectorRegistry.resolution(config));
          list.addAll(
              detection.subList(
                  0,
                  Math.min(
                      detection.size(), Integer.parseInt(stages.substring("upto:".length())))));
          return Topology.of(list, Set.of(Signal.class));
        }
        if (stages.startsWith("resolution:")) {
          return resolutionOnly(config, detection, stages.substring("resolution:".length()));
        }
        throw new IllegalArgumentException("unknown stages: " + stages);
      }
    }
  }

  /**
   * The standard topology plus only the named resolution stages ({@code link-payer+merchants}) and
   * a subscriber: one stage's cost is the difference to {@code all}.
   */
  private static Topology resolutionOnly(
      BrushguardConfig config, List<Stage<?>> detection, String names) {
    Set<String> wanted = Set.of(names.split("\\+"));
    List<Stage<?>> list = new ArrayList<>();
    for (Stage<?> s : DetectorRegistry.resolution(config)) {
      if (wanted.contains(s.name())) {
        list.add(s);
      }
    }
    if (list.size() != wanted.size()) {
      throw new IllegalArgumentException("unknown resolution stage in " + names);
    }
    Set<Class<? extends Fact>> produced = new java.util.HashSet<>();
    list.forEach(s -> produced.addAll(s.wiring().produces()));
    list.add(new ResolutionSink(produced));
    list.addAll(detection);
    list.add(new Decide(config.decision(), config.retentionMillis()));
    list.add(Ledger.orders(config.retentionMillis()));
    list.add(Ledger.reviews(config.retentionMillis()));
    list.add(new io.brushguard.credit.ShopLedger());
    return Topology.of(list, Set.of(Finding.class, io.brushguard.credit.ShopStanding.class));
  }

  /** The whole stream, from a fresh gate and dataflow, to the end. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long run(Blackhole bh) {
    return feed(topology, config, input, bh::consume);
  }

  /**
   * Feeds the events through a fresh gate and dataflow of {@code topology} to the end, as {@code
   * Pipeline.accept} does; returns the facts collected.
   */
  static long feed(
      Topology topology,
      BrushguardConfig config,
      SimulatedEvents input,
      java.util.function.Consumer<Fact> sink) {
    long[] facts = new long[1];
    Dataflow flow =
        new Dataflow(
            topology,
            (Fact f) -> {
              facts[0]++;
              sink.accept(f);
            },
            (stage, key, event, error) -> {
              throw error;
            });
    EventTimeGate gate = new EventTimeGate(config.latenessMillis(), config.aheadMillis());
    EventTimeGate.Sink admit =
        EventTimeGate.Sink.admittedOnly(
            (e, line) -> {
              flow.add(e, line);
              flow.advanceTo(gate.watermark());
            });
    List<Event> events = input.events();
    long[] lines = input.lines();
    for (int i = 0; i < events.size(); i++) {
      gate.offer(events.get(i), lines[i], admit);
    }
    gate.finish(admit);
    flow.finish();
    return facts[0];
  }
}
