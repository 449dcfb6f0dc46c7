package io.brushguard.sim;

import io.brushguard.event.Event;
import io.brushguard.ingest.EventWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a simulation to a directory: {@code events.jsonl} (or {@code events.jsonl.gz}), {@code
 * labels.jsonl}, {@code plan.json} and a short {@code README.md}. Existing files of those names are
 * replaced.
 */
public final class SimulationFiles {
  private SimulationFiles() {}

  /** The events file name for the compression chosen. */
  public static String eventsFileName(boolean gzip) {
    return gzip ? "events.jsonl.gz" : "events.jsonl";
  }

  /**
   * Simulates {@code spec} into {@code dir} (created if missing).
   *
   * @param gzip compress the events (fastest deflate level: generation stays the bottleneck-free
   *     part, files shrink about fivefold)
   */
  public static Plan write(SimulationSpec spec, Path dir, boolean gzip) throws IOException {
    Files.createDirectories(dir);
    Plan plan;
    try (JsonLinesOut events = new JsonLinesOut(open(dir.resolve(eventsFileName(gzip)), gzip));
        JsonLinesOut labels = new JsonLinesOut(open(dir.resolve("labels.jsonl"), false))) {
      try (PipelinedOutput pipeline = new PipelinedOutput(files(events, labels))) {
        plan = MarketSimulator.run(spec, pipeline);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Files.writeString(dir.resolve("plan.json"), plan.toJson(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("README.md"), plan.toMarkdown(), StandardCharsets.UTF_8);
    return plan;
  }

  /** Serialises to the two files (runs on the writer thread). */
  private static SimulationOutput files(JsonLinesOut events, JsonLinesOut labels) {
    return new SimulationOutput() {
      @Override
      public void event(Event event) {
        EventWriter.append(events.builder(), event);
        events.endLine();
      }

      @Override
      public void label(Truth truth) {
        labels.builder().append(truth.toJson());
        labels.endLine();
      }
    };
  }

  private static OutputStream open(Path file, boolean gzip) throws IOException {
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    if (!gzip) {
      return out;
    }
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }
}
