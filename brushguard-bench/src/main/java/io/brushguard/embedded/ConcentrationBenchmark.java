package io.brushguard.embedded;

import io.brushguard.bench.ShopeeLogGenerator;
import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.concentration.BrushingWindows;
import io.brushguard.detect.concentration.Cancellations;
import io.brushguard.detect.concentration.ConcentrationDetector;
import io.brushguard.event.Order;
import io.brushguard.flow.Topology;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.ingest.ShopeeCsv;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Concentration speed over a realistic order stream, in orders/s: the contest-sized log of {@link
 * ShopeeLogGenerator} (222,750 orders at 18,770 shops, a Zipf tail of small shops, a few shops with
 * thousands of orders, 350 brushing bursts) in event-time order.
 *
 * <ul>
 *   <li>{@code windows}: {@link BrushingWindows} alone, one per shop, as {@code ShopeeBrushing}
 *       uses it;
 *   <li>{@code detector}: the streaming {@link ConcentrationDetector} run by the embedded {@link
 *       Dataflow} (per-shop state, wake-ups, signals), behind the {@link EventTimeGate}: the
 *       detection half of a scan without parsing or decisions.
 * </ul>
 *
 * <p>This class lives in the {@code io.brushguard.embedded} package (of the bench module) because
 * {@link Dataflow} is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class ConcentrationBenchmark {
  static final int ORDERS = 222_750; // ShopeeLogGenerator.Config.CONTEST.orders()

  private Order[] orders;

  @Setup
  public void setUp() {
    List<ShopeeCsv.Row> rows =
        new ArrayList<>(ShopeeLogGenerator.generate(ShopeeLogGenerator.Config.CONTEST).rows());
    rows.sort(Comparator.comparingLong(ShopeeCsv.Row::second));
    SplittableRandom rnd = new SplittableRandom(7);
    if (rows.size() != ORDERS) {
      throw new IllegalStateException("ORDERS must match the contest log: " + rows.size());
    }
    orders = new Order[rows.size()];
    for (int i = 0; i < orders.length; i++) {
      ShopeeCsv.Row r = rows.get(i);
      orders[i] =
          Order.of(
              r.order(),
              r.buyer(),
              r.shop(),
              "i" + rnd.nextInt(50),
              100 + rnd.nextInt(10_000),
              r.second() * 1000 + rnd.nextInt(1000) / 100 * 100);
    }
    // ms within a second may now be out of order: restore event-time order
    java.util.Arrays.sort(orders, Comparator.comparingLong(Order::ts));
  }

  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public void windows(Blackhole bh) {
    Map<String, BrushingWindows> shops = new HashMap<>();
    BrushingWindows.Listener listener = (order, buyer, n, unique, from) -> bh.consume(order);
    for (Order o : orders) {
      shops
          .computeIfAbsent(o.shop(), s -> new BrushingWindows(3600, 3, listener))
          .add(o.ts() / 1000, o.account(), o);
    }
    for (BrushingWindows w : shops.values()) {
      w.finish();
    }
  }

  @Benchmark
  @OperationsPerInvocation(ORDERS)
  public void detector(Blackhole bh) {
    BrushguardConfig cfg = BrushguardConfig.DEFAULT;
    Dataflow host =
        new Dataflow(
            Topology.of(
                List.of(new Cancellations(), new ConcentrationDetector(cfg.concentration())),
                Set.of(Signal.class)),
            bh::consume,
            (d, key, e, error) -> {
              throw error;
            });
    EventTimeGate gate = new EventTimeGate(cfg.latenessMillis(), cfg.aheadMillis());
    EventTimeGate.Sink admit =
        EventTimeGate.Sink.admittedOnly(
            (e, line) -> {
              host.add(e, line);
              host.advanceTo(gate.watermark());
            });
    long line = 0;
    for (Order o : orders) {
      gate.offer(o, ++line, admit);
    }
    gate.finish(admit);
    host.finish();
  }
}
