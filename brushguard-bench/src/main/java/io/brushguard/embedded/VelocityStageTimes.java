package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.detect.Signal;
import io.brushguard.detect.velocity.Velocity;
import io.brushguard.detect.velocity.Wave;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import java.util.List;
import java.util.Set;

/**
 * Thread CPU per event of the gate alone, the standard velocity stages, and each velocity stage
 * alone (least of 3 runs) over the simulator's medium market: where {@link VelocityBenchmark}'s
 * difference goes.
 */
public final class VelocityStageTimes {
  public static void main(String[] args) {
    BrushguardConfig config = BrushguardConfig.DEFAULT;
    SimulatedEvents input = SimulatedEvents.simulate(7, 1_000_000).first(1_000_000);
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, Topology> rows = new java.util.LinkedHashMap<>();
    rows.put("gate", Topology.of(List.of(), Set.of()));
    rows.put("standard", Topology.of(Velocity.stages(config.velocity()), Set.of(Signal.class)));
    for (Stage<?> stage : Velocity.stages(config.velocity())) {
      if (!stage.name().equals("velocity-followup")) {
        rows.put(stage.name(), Topology.of(List.of(stage), Set.of(Signal.class, Wave.class)));
      }
    }
    for (var row : rows.entrySet()) {
      Topology t = row.getValue();
      long best = Long.MAX_VALUE;
      long facts = 0;
      for (int r = 0; r < 3; r++) {
        long c0 = bean.getCurrentThreadCpuTime();
        facts = DataflowBenchmark.feed(t, config, input, f -> {});
        best = Math.min(best, bean.getCurrentThreadCpuTime() - c0);
      }
      System.out.printf("%-22s %8.1f ns/event  %d facts%n", row.getKey(), best / 1e6, facts);
    }
  }
}
