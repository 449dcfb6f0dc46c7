package io.brushguard.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A timed main for the simulator's speed: generates each requested scale into a temporary directory
 * (plain and gzip), several rounds after a warm-up, and prints events per second and file sizes.
 * Not a unit test: run it on a quiet machine.
 *
 * <pre>
 * java -cp brushguard-cli/target/brushguard.jar io.brushguard.sim.SimulationSpeed [small|medium|EVENTS ...]
 * </pre>
 */
public final class SimulationSpeed {
  private SimulationSpeed() {}

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  public static void main(String[] args) throws IOException {
    String[] scales = args.length == 0 ? new String[] {"small", "medium"} : args;
    Path dir = Files.createTempDirectory("brushguard-sim-speed");
    try {
      for (int w = 0; w < 3; w++) { // warm-up: let the JIT compile the hot paths
        SimulationFiles.write(SimulationSpec.of(99 + w, SimulationSpec.SMALL), dir, w == 2);
      }
      for (String scale : scales) {
        long events = SimulationSpec.parseScale(scale);
        int rounds = events <= 200_000 ? 5 : events <= 2_000_000 ? 3 : 1;
        for (boolean gzip : new boolean[] {false, true}) {
          double best = Double.MAX_VALUE;
          double bestCpu = 0;
          Plan plan = null;
          for (int r = 0; r < rounds; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            plan = SimulationFiles.write(SimulationSpec.of(1 + r, events), dir, gzip);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (seconds < best) {
              best = seconds;
              bestCpu = (processCpuNanos() - c0) / 1e9;
            }
          }
          long size = Files.size(dir.resolve(SimulationFiles.eventsFileName(gzip)));
          System.out.printf(
              Locale.ROOT,
              "%-8s %-5s %,12d events  best of %d: %6.2f s  %,10.0f events/s  (%.2f CPU-s)"
                  + "  events file %,d bytes, labels %,d bytes  load %s%n",
              scale,
              gzip ? "gzip" : "plain",
              plan.events(),
              rounds,
              best,
              plan.events() / best,
              bestCpu,
              size,
              Files.size(dir.resolve("labels.jsonl")),
              loadAverage());
        }
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }
}
