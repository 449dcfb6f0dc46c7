package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One detector family alone, timed as {@link DataflowCpuTime} times prefixes: {@code range:A-B} is
 * stages A..B (1-based, both included) of {@code DetectorRegistry.standard}, without entity
 * resolution or the stages before, so that a family's cost is not the small difference of two large
 * figures (on a shared machine those differ by more than a family costs). Valid for families whose
 * stages read only events and each other's facts: concentration ({@code range:1-2}) and cashback
 * ({@code range:22-26}). {@code range:0-0} is the gate and the runtime with no stage.
 *
 * <p>Usage: {@code FamilyCpuTime range:A-B[,range:C-D...] [runs]}, {@code -Din=FILE}, {@code
 * -Ddigest=true} as for {@link DataflowCpuTime}.
 */
public final class FamilyCpuTime {
  private FamilyCpuTime() {}

  public static void main(String[] args) throws java.io.IOException {
    String[] ranges = args[0].split(",");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    BrushguardConfig config = BrushguardConfig.DEFAULT;
    SimulatedEvents input = SimulatedEvents.read(java.nio.file.Path.of(System.getProperty("in")));
    int n = input.events().size();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] best = new long[ranges.length];
    java.util.Arrays.fill(best, Long.MAX_VALUE);
    for (int r = 0; r < runs; r++) {
      for (int s = 0; s < ranges.length; s++) {
        Topology topology = topology(config, ranges[s]);
        long[] digest = {17};
        long cpu0 = threads.getCurrentThreadCpuTime();
        long facts =
            DataflowBenchmark.feed(
                topology,
                config,
                input,
                Boolean.getBoolean("digest")
                    ? f -> digest[0] = digest[0] * 1_000_003L + f.toString().hashCode()
                    : f -> {});
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        if (r >= Math.min(3, runs - 1)) {
          best[s] = Math.min(best[s], cpu);
        }
        if (r == runs - 1) {
          System.out.printf(
              Locale.ROOT,
              "%-12s %6.1f ns/event (least thread CPU of %d runs; digest %016x over %,d facts)%n",
              ranges[s],
              best[s] / (double) n,
              runs - Math.min(3, runs - 1),
              digest[0],
              facts);
        }
      }
    }
  }

  static Topology topology(BrushguardConfig config, String range) {
    String[] ab = range.substring("range:".length()).split("-");
    int a = Integer.parseInt(ab[0]);
    int b = Integer.parseInt(ab[1]);
    List<Stage<?>> detection = DetectorRegistry.standard(config);
    List<Stage<?>> list = new ArrayList<>();
    if (a > 0) {
      list.addAll(detection.subList(a - 1, b));
    }
    return Topology.of(list, Set.of(Signal.class));
  }
}
