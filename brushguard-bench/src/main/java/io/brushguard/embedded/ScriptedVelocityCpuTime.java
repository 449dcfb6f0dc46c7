package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.scripted.ScriptedSessions;
import io.brushguard.detect.velocity.Velocity;
import io.brushguard.flow.Topology;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Thread CPU per event of the gate alone, the six scripted-session stages alone and the standard
 * velocity stages alone, each behind the gate, in alternation, the least of several runs: a
 * family's cost without the noise of the stages before it in {@code DataflowCpuTime upto:N}, and a
 * digest of its signals in order to check that a change alters no output.
 *
 * <p>Usage: {@code ScriptedVelocityCpuTime [runs]} (default 5), {@code -Din=FILE} for the events
 * (default: the simulator's first million).
 */
public final class ScriptedVelocityCpuTime {
  private ScriptedVelocityCpuTime() {}

  public static void main(String[] args) throws java.io.IOException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    BrushguardConfig config = BrushguardConfig.DEFAULT;
    String file = System.getProperty("in");
    SimulatedEvents input =
        file != null
            ? SimulatedEvents.read(java.nio.file.Path.of(file))
            : SimulatedEvents.simulate(7, 1_000_000).first(1_000_000);
    int n = input.events().size();
    Map<String, java.util.function.Supplier<Topology>> rows = new LinkedHashMap<>();
    rows.put("gate", () -> Topology.of(List.of(), Set.of()));
    rows.put(
        "scripted",
        () ->
            Topology.of(
                ScriptedSessions.stages(ScriptedSessions.Config.DEFAULT), Set.of(Signal.class)));
    rows.put(
        "velocity", () -> Topology.of(Velocity.stages(config.velocity()), Set.of(Signal.class)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> best = new LinkedHashMap<>();
    Map<String, String> digests = new LinkedHashMap<>();
    for (int r = 0; r < runs + 1; r++) {
      for (var row : rows.entrySet()) {
        Topology topology = row.getValue().get();
        long[] digest = {17};
        long c0 = threads.getCurrentThreadCpuTime();
        long facts =
            DataflowBenchmark.feed(
                topology,
                config,
                input,
                f -> digest[0] = digest[0] * 1_000_003L + f.toString().hashCode());
        long cpu = threads.getCurrentThreadCpuTime() - c0;
        digests.put(row.getKey(), String.format(Locale.ROOT, "%016x over %,d", digest[0], facts));
        if (r > 0) { // the first round warms up
          best.merge(row.getKey(), cpu, Math::min);
        }
      }
    }
    long gate = best.get("gate");
    for (var row : best.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "%-9s %7.1f ns/event, %7.1f above the gate (least of %d; digest %s)%n",
          row.getKey(),
          row.getValue() / (double) n,
          (row.getValue() - gate) / (double) n,
          runs,
          digests.get(row.getKey()));
    }
  }
}
