package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.cashback.ShopPayers;
import io.brushguard.detect.subsidy.StaffDevices;
import io.brushguard.detect.subsidy.StaffPayers;
import io.brushguard.detect.subsidy.SubsidyDetector;
import io.brushguard.detect.subsidy.SubsidyPayments;
import io.brushguard.detect.surge.SalesSurgeDetector;
import io.brushguard.flow.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sales-surge and subsidy-abuse families alone behind the gate, by thread CPU (least of several
 * runs, the topologies in alternation), each with a digest of its signals so that a change can be
 * shown to alter no output.
 *
 * <ul>
 *   <li>{@code gate}: the gate and a dataflow with no stage;
 *   <li>{@code surge}: the {@link SalesSurgeDetector} alone;
 *   <li>{@code payers}: {@link ShopPayers} alone (what the subsidy stages need upstream);
 *   <li>{@code subsidy}: {@link ShopPayers} and the four subsidy stages; minus {@code payers} is
 *       the family's cost;
 *   <li>{@code route}, {@code keyed}: what the runtime alone costs a stage that reads views and
 *       orders, skipping them all or keeping a counter per shop (the floor under {@code surge});
 *   <li>{@code payers-route}: {@code payers} plus the buffering and routing of the subsidy stages'
 *       events (orders, payments, accounts) to a stage that skips them (the floor under {@code
 *       subsidy}).
 * </ul>
 *
 * <p>Usage: {@code SurgeSubsidyCpuTime [names,... [runs]]} with {@code -Din=FILE} (a slice of the
 * large market; default the first simulated million); the first run of each is warm-up.
 */
public final class SurgeSubsidyCpuTime {
  private SurgeSubsidyCpuTime() {}

  static Topology topology(BrushguardConfig config, String name) {
    long retention = config.retentionMillis();
    switch (name) {
      case "gate":
        return Topology.of(List.of(), Set.of());
      case "surge":
        return Topology.of(
            List.of(new SalesSurgeDetector(config.surge().withRetentionMillis(retention))),
            Set.of(Signal.class));
      case "payers":
        return Topology.of(List.of(new ShopPayers()), Set.of(Signal.class));
      case "subsidy":
        return Topology.of(
            List.of(
                new ShopPayers(),
                new StaffPayers(),
                new StaffDevices(),
                new SubsidyPayments(),
                new SubsidyDetector()),
            Set.of(Signal.class));
      case "route": // views and orders buffered and routed to a stage that skips them all
        return Topology.of(List.of(new Probe(false, VIEWS_ORDERS)), Set.of(Signal.class));
      case "keyed": // ... to a stage that keys them by shop and keeps a tiny state per shop
        return Topology.of(List.of(new Probe(true, VIEWS_ORDERS)), Set.of(Signal.class));
      case "payers-route": // ShopPayers, and the subsidy stages' events routed and skipped
        return Topology.of(
            List.of(new ShopPayers(), new Probe(false, SUBSIDY_EVENTS)), Set.of(Signal.class));
      default:
        throw new IllegalArgumentException("unknown family: " + name);
    }
  }

  /**
   * What the runtime alone costs a stage that reads views and orders: none kept ({@code keyed}
   * false), or a state per shop that only counts.
   */
  private static final io.brushguard.flow.Wiring VIEWS_ORDERS =
      io.brushguard.flow.Wiring.events(
              io.brushguard.event.EventType.ORDER, io.brushguard.event.EventType.VIEW)
          .produces(Signal.class);

  private static final io.brushguard.flow.Wiring SUBSIDY_EVENTS =
      io.brushguard.flow.Wiring.events(
              io.brushguard.event.EventType.ORDER,
              io.brushguard.event.EventType.PAYMENT,
              io.brushguard.event.EventType.ACCOUNT)
          .produces(Signal.class);

  private static final class Probe implements io.brushguard.flow.Stage<long[]> {
    private final boolean keyed;
    private final io.brushguard.flow.Wiring wiring;

    Probe(boolean keyed, io.brushguard.flow.Wiring wiring) {
      this.keyed = keyed;
      this.wiring = wiring;
    }

    @Override
    public String name() {
      return keyed ? "probe-keyed" : "probe-route";
    }

    @Override
    public io.brushguard.flow.Wiring wiring() {
      return wiring;
    }

    @Override
    public String keyOf(io.brushguard.event.Event event) {
      if (!keyed) {
        return null;
      }
      return event instanceof io.brushguard.event.View v
          ? v.shop()
          : ((io.brushguard.event.Order) event).shop();
    }

    @Override
    public long[] newState() {
      return new long[1];
    }

    @Override
    public void onEvent(long[] state, io.brushguard.event.Event event, Context context) {
      state[0]++;
    }

    @Override
    public boolean isEmpty(long[] state) {
      return false;
    }
  }

  public static void main(String[] args) throws java.io.IOException {
    String[] names = (args.length > 0 ? args[0] : "gate,surge,payers,subsidy").split(",");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    BrushguardConfig config = BrushguardConfig.DEFAULT;
    String file = System.getProperty("in");
    SimulatedEvents input =
        file != null
            ? SimulatedEvents.read(java.nio.file.Path.of(file))
            : SimulatedEvents.simulate(7, DataflowBenchmark.EVENTS).first(DataflowBenchmark.EVENTS);
    int n = input.events().size();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] best = new long[names.length];
    long[] digests = new long[names.length];
    long[] facts = new long[names.length];
    Arrays.fill(best, Long.MAX_VALUE);
    for (int r = 0; r < runs; r++) {
      for (int s = 0; s < names.length; s++) {
        Topology topology = topology(config, names[s]);
        long[] digest = {17};
        long cpu0 = threads.getCurrentThreadCpuTime();
        facts[s] =
            DataflowBenchmark.feed(
                topology,
                config,
                input,
                f -> digest[0] = digest[0] * 1_000_003L + f.toString().hashCode());
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        digests[s] = digest[0];
        if (r > 0 || runs == 1) {
          best[s] = Math.min(best[s], cpu);
        }
      }
    }
    for (int s = 0; s < names.length; s++) {
      System.out.printf(
          Locale.ROOT,
          "%-8s %7.1f ns/event (least thread CPU of %d runs; %,d facts, digest %016x)%n",
          names[s],
          best[s] / (double) n,
          Math.max(1, runs - 1),
          facts[s],
          digests[s]);
    }
  }
}
