package io.brushguard.bench;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.embedded.Scan;
import io.brushguard.ingest.EventReader;
import io.brushguard.sim.SimulationFiles;
import io.brushguard.sim.SimulationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The end-to-end throughput benchmark: the embedded {@link Scan} (read, parse, validate, order,
 * detect, decide) with {@code DetectorRegistry.standard(BrushguardConfig.DEFAULT)} over a file of
 * events, timed as a user would time {@code brushguard scan} minus JVM start and writing findings.
 *
 * <pre>
 * java -cp brushguard-bench/target/benchmarks.jar io.brushguard.bench.EndToEndBenchmark \
 *     [--events N] [--source sim|market] [--in FILE] [--keep FILE] [--runs R] [--seed S]
 * </pre>
 *
 * Without {@code --in} it first generates {@code N} events (default one million) into a temporary
 * file (or {@code --keep FILE}, reused when it exists); generation is not timed. The source is the
 * marketplace simulator ({@code sim}, the default: every tactic and trap planted, epoch-millisecond
 * timestamps, 14 days) or the small {@link MarketGenerator} ({@code market}: a flatter mix with ISO
 * timestamps and more disorder, two days, so denser in event time). Each of the {@code R} runs
 * (default 3) prints events per second, wall time, peak heap (sum of the heap pools' peak usage,
 * reset before the run: an upper bound, as pools peak at different moments) and the time spent in
 * garbage collection. The first run includes JIT warm-up; the file is read from the page cache
 * after the first.
 */
public final class EndToEndBenchmark {
  private EndToEndBenchmark() {}

  public static void main(String[] args) throws IOException {
    long events = 1_000_000;
    Path in = null;
    Path keep = null;
    int runs = 3;
    long seed = 42;
    String source = "sim";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
        case "--in" -> in = Path.of(args[++i]);
        case "--keep" -> keep = Path.of(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--source" -> source = args[++i];
        default -> {
          System.err.println(
              "usage: EndToEndBenchmark [--events N] [--source sim|market] [--in FILE]"
                  + " [--keep FILE] [--runs R] [--seed S]");
          System.exit(2);
        }
      }
    }
    boolean temporary = false;
    if (in == null) {
      in = keep != null ? keep : Files.createTempFile("brushguard-e2e-", ".jsonl");
      temporary = keep == null;
      if (temporary || !Files.exists(in)) {
        long t0 = System.nanoTime();
        generate(source, events, seed, in);
        System.out.printf(
            Locale.ROOT,
            "generated %,d events with %s (%,d MB) in %.1f s: %s%n",
            events,
            source,
            Files.size(in) >> 20,
            (System.nanoTime() - t0) / 1e9,
            in);
      }
    }
    try {
      System.out.printf(
          Locale.ROOT,
          "input %s, %,d MB; JVM %s, %d cpus, max heap %,d MB%n",
          in,
          Files.size(in) >> 20,
          Runtime.version(),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      for (int r = 1; r <= runs; r++) {
        runOnce(r, in);
      }
    } finally {
      if (temporary) {
        Files.deleteIfExists(in);
      }
    }
  }

  private static void generate(String source, long events, long seed, Path file)
      throws IOException {
    switch (source) {
      case "market" -> new MarketGenerator(new MarketGenerator.Config(events, 2, seed)).write(file);
      case "sim" -> {
        Path dir = Files.createTempDirectory("brushguard-e2e-sim-");
        try {
          SimulationFiles.write(SimulationSpec.of(seed, events), dir, false);
          Files.move(
              dir.resolve(SimulationFiles.eventsFileName(false)),
              file,
              StandardCopyOption.REPLACE_EXISTING);
        } finally {
          try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
              Files.delete(p);
            }
          }
          Files.delete(dir);
        }
      }
      default -> throw new IllegalArgumentException("--source must be sim or market: " + source);
    }
  }

  private static void runOnce(int run, Path in) throws IOException {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
    long gcMillis0 = gcMillis();
    long gcCount0 = gcCount();
    long cpu0 = processCpuNanos();
    long main0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Scan.Result result;
    try (InputStream input = EventReader.open(in)) {
      BrushguardConfig cfg = BrushguardConfig.DEFAULT;
      result =
          new Scan(cfg, DetectorRegistry.standard(cfg), false).run(input, new Scan.Listener() {});
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (processCpuNanos() - cpu0) / 1e9;
    double mainCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - main0) / 1e9;
    long peakHeap = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakHeap += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT,
        "run %d: %,d events (%,d rejected, %,d late) in %.2f s = %,.0f events/s;"
            + " CPU %.2f s (scan thread %.2f s); peak heap %,d MB; GC %,d ms in %d collections;"
            + " %,d findings%n",
        run,
        result.events(),
        result.rejected(),
        result.late(),
        seconds,
        (result.events() + result.rejected() + result.late()) / seconds,
        cpu,
        mainCpu,
        peakHeap >> 20,
        gcMillis() - gcMillis0,
        gcCount() - gcCount0,
        result.findings().size());
  }

  /** CPU time of the whole process (all threads, GC and JIT included), or 0 when unknown. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static long gcMillis() {
    long t = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }
}
