package io.brushguard.cli;

import io.brushguard.sim.Plan;
import io.brushguard.sim.SimulationFiles;
import io.brushguard.sim.SimulationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brushguard simulate}: a marketplace with planted brushing and its ground truth. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a simulated marketplace in the event format with every brushing tactic planted",
      "and legitimate look-alikes as traps: DIR/events.jsonl (or .jsonl.gz), DIR/labels.jsonl,",
      "DIR/plan.json (planted counts per tactic and trap) and DIR/README.md.",
      "The same seed and scale give byte-identical files. See docs/simulator.md."
    })
final class SimulateCommand implements Callable<Integer> {
  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--scale",
      paramLabel = "SCALE",
      description =
          "small (about 100k events), medium (1M), large (10M) or an event count such as"
              + " 250000, 100k or 60M (default ${DEFAULT-VALUE})")
  String scale = "small";

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(names = "--gzip", description = "compress the events file (events.jsonl.gz)")
  boolean gzip;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "length of the simulated window, 7..120 (default ${DEFAULT-VALUE})")
  int days = 14;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      description =
          "first instant of the window, ISO-8601 with offset (default 2025-03-01T00:00+08:00)")
  String start;

  @Override
  public Integer call() throws Exception {
    long events = SimulationSpec.parseScale(scale);
    long startMs = SimulationSpec.DEFAULT_START;
    if (start != null) {
      try {
        startMs = OffsetDateTime.parse(start).toInstant().toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "--start must be ISO-8601 with an offset, such as 2025-03-01T00:00+08:00, was \""
                + start
                + "\"");
      }
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out must be a directory, and " + out + " is a file");
    }
    SimulationSpec spec = new SimulationSpec(seed, events, days, startMs);
    long t0 = System.nanoTime();
    Plan plan = SimulationFiles.write(spec, out, gzip);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Path eventsFile = out.resolve(SimulationFiles.eventsFileName(gzip));
    System.err.printf(
        Locale.ROOT,
        "brushguard: wrote %,d events (%,.1f MB) and %,d labels to %s in %.1f s (%,.0f events/s)%n",
        plan.events(),
        Files.size(eventsFile) / 1e6,
        plan.labels(),
        out,
        seconds,
        plan.events() / seconds);
    return 0;
  }
}
