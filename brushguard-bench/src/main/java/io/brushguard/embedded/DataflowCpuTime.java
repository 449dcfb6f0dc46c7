package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.flow.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link DataflowBenchmark}'s loop timed by the thread's CPU time instead of the wall clock, the
 * least of several runs per prefix of stages: on a machine shared with other work, time spent
 * waiting for a core does not count, which JMH's wall-clock averages cannot leave out.
 *
 * <p>Usage: {@code DataflowCpuTime [stages,... [runs]]}, default all six prefixes and 10 runs (the
 * first 3 are warm-up); a stage list may also name {@code resolution:NAME+NAME} (see {@link
 * DataflowBenchmark#topology}). {@code -Din=FILE} reads the events from a file (a slice of the
 * large market, say) instead of simulating the first million.
 */
public final class DataflowCpuTime {
  private DataflowCpuTime() {}

  public static void main(String[] args) {
    String[] stages =
        (args.length > 0 ? args[0] : "gate,concentration,decide,ledgers,all,resolution").split(",");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    BrushguardConfig config = BrushguardConfig.DEFAULT;
    String file = System.getProperty("in");
    SimulatedEvents input;
    try {
      input =
          file != null
              ? SimulatedEvents.read(java.nio.file.Path.of(file))
              : SimulatedEvents.simulate(7, DataflowBenchmark.EVENTS)
                  .first(DataflowBenchmark.EVENTS);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    int n = input.events().size();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[] best = new long[stages.length];
    long[] facts = new long[stages.length];
    String[] last = new String[stages.length];
    Arrays.fill(best, Long.MAX_VALUE);
    for (int r = 0; r < runs; r++) {
      for (int s = 0; s < stages.length; s++) {
        Topology topology = DataflowBenchmark.topology(config, stages[s]);
        last[s] =
            topology.size()
                + " stages, last "
                + (topology.size() == 0 ? "-" : topology.stage(topology.size() - 1).name());
        long cpu0 = threads.getCurrentThreadCpuTime();
        facts[s] = run(topology, config, input);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        if (r >= Math.min(3, runs - 1)) {
          best[s] = Math.min(best[s], cpu);
        }
      }
    }
    for (int s = 0; s < stages.length; s++) {
      System.out.printf(
          Locale.ROOT,
          "%-14s %6.1f ns/event (least thread CPU of %d runs; %,d facts out; %s)%n",
          stages[s],
          best[s] / (double) n,
          runs - Math.min(3, runs - 1),
          facts[s],
          last[s]);
    }
  }

  private static long run(Topology topology, BrushguardConfig config, SimulatedEvents input) {
    if (!Boolean.getBoolean("digest")) {
      return DataflowBenchmark.feed(topology, config, input, f -> {});
    }
    // -Ddigest=true: a digest of every fact out, in order, to check a change alters no output
    long[] digest = {17};
    long n =
        DataflowBenchmark.feed(
            topology,
            config,
            input,
            f -> digest[0] = digest[0] * 1_000_003L + f.toString().hashCode());
    System.out.printf(Locale.ROOT, "  digest %016x over %,d facts%n", digest[0], n);
    return n;
  }
}
