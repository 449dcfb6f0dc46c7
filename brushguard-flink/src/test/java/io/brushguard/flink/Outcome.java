package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.ConfigLoader;
import io.brushguard.decide.Finding;
import io.brushguard.embedded.Scan;
import io.brushguard.event.Event;
import io.brushguard.findings.FindingsFormat;
import io.brushguard.findings.Summary;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What a run produced, in a form both runtimes can be compared on.
 *
 * @param findings the flagged (not allowed) finding lines, by entity kind then id: what {@code
 *     brushguard scan} writes
 * @param scores the current finding line per entity, allowed ones included (embedded: {@code
 *     --all-scores}; Flink: the latest line per entity it wrote)
 * @param rejects reject-file lines, by line number
 * @param counts events, rejected, late, detector errors
 * @param shops the shop lines, by shop: what {@code brushguard scan} writes after the findings
 * @param updates every finding line the run wrote, in order (Flink only; empty for embedded)
 * @param rings the ring lines, by ring id: the last line per ring
 */
record Outcome(
    List<String> findings,
    List<String> shops,
    List<String> rings,
    Map<String, String> scores,
    List<String> rejects,
    Counts counts,
    List<String> updates) {

  record Counts(long events, long rejected, long late, long detectorErrors) {}

  /** Asserts that a Flink run found exactly what the embedded run found. */
  static void assertSame(Outcome flink, Outcome embedded) {
    assertThat(flink.findings()).as("findings").containsExactlyElementsOf(embedded.findings());
    assertThat(flink.shops()).as("shop lines").containsExactlyElementsOf(embedded.shops());
    assertThat(flink.rings()).as("ring lines").containsExactlyElementsOf(embedded.rings());
    assertThat(flink.counts()).as("counts").isEqualTo(embedded.counts());
    assertThat(flink.rejects()).as("rejects").containsExactlyElementsOf(embedded.rejects());
    assertThat(embedded.scores())
        .as("every entity the job has a finding for, allowed ones included")
        .containsAllEntriesOf(flink.scores());
  }

  /** Runs the embedded scan, as {@code brushguard scan} (and with {@code --all-scores}) does. */
  static Outcome embedded(Path input, Properties settings, DetectorFactory detectors)
      throws IOException {
    BrushguardConfig config = ConfigLoader.from(settings);
    List<String> rejects = new ArrayList<>();
    Scan.Listener listener =
        new Scan.Listener() {
          @Override
          public void rejected(Reject r) {
            rejects.add(RejectLines.line(r));
          }

          @Override
          public void late(Event e, long line) {
            // the CLI's rejects-file line for a late event (ScanCommand)
            rejects.add(
                RejectLines.line(
                    new Reject(
                        line,
                        "ts",
                        "is later than the out-of-order bound allows (late event, not used)",
                        e.type().wire() + " at " + Instant.ofEpochMilli(e.ts()))));
          }
        };
    Scan.Result r;
    try (InputStream in = EventReader.open(input)) {
      r = new Scan(config, detectors.create(config), false).run(in, listener);
    }
    Scan.Result all;
    try (InputStream in = EventReader.open(input)) {
      all = new Scan(config, detectors.create(config), true).run(in, new Scan.Listener() {});
    }
    Map<String, String> scores = new LinkedHashMap<>();
    for (Finding f : all.findings()) {
      scores.put(f.entity().wire() + "/" + f.id(), FindingsFormat.finding(f));
    }
    return new Outcome(
        r.findings().stream().map(FindingsFormat::finding).toList(),
        r.shops().stream().map(FindingsFormat::shop).toList(),
        r.rings().stream().map(FindingsFormat::ring).toList(),
        scores,
        byLine(rejects),
        new Counts(r.events(), r.rejected(), r.late(), r.detectorErrors()),
        List.of());
  }

  /** Runs the Flink job on the current (mini) cluster and folds its output directories. */
  static Outcome flink(
      Path input, Properties settings, DetectorFactory detectors, Path work, int parallelism)
      throws Exception {
    return flink(input, settings, detectors, work, parallelism, "hashmap");
  }

  /** As above, keeping keyed state in {@code stateBackend} ({@code hashmap} or {@code rocksdb}). */
  static Outcome flink(
      Path input,
      Properties settings,
      DetectorFactory detectors,
      Path work,
      int parallelism,
      String stateBackend)
      throws Exception {
    Path config = work.resolve("job.properties");
    try (Writer w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      settings.store(w, null);
    }
    Path out = work.resolve("findings");
    Path rejects = work.resolve("rejects");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    // a failure must fail the test, not restart the job from its last checkpoint for ever
    env.configure(
        new Configuration()
            .set(RestartStrategyOptions.RESTART_STRATEGY, "none")
            .set(StateBackendOptions.STATE_BACKEND, stateBackend)
            // every record the job ships has its own serializer: a Kryo fallback fails here
            .set(PipelineOptions.GENERIC_TYPES, false));
    Summary s =
        FindingsJob.run(
            env,
            JobArgs.parse(
                "--in", input.toString(),
                "--out", out.toString(),
                "--rejects", rejects.toString(),
                "--config", config.toString(),
                "--checkpoint-interval", "100ms"),
            detectors);
    Map<String, String> scores = new LinkedHashMap<>();
    CurrentFindings.current(out)
        .forEach((e, line) -> scores.put(e.kind().wire() + "/" + e.id(), line));
    assertThat(s.findings())
        .as("finding updates counted")
        .isEqualTo(
            readAll(out, "findings-").stream()
                .filter(l -> l.contains("\"type\":\"finding\""))
                .count());
    return new Outcome(
        CurrentFindings.flagged(out),
        CurrentFindings.shops(out),
        CurrentFindings.rings(out),
        scores,
        byLine(readAll(rejects, "rejects-")),
        new Counts(s.events(), s.rejected(), s.late(), s.detectorErrors()),
        readAll(out, "findings-"));
  }

  static List<String> readAll(Path dir, String prefix) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return lines;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p :
          files
              .filter(f -> f.getFileName().toString().startsWith(prefix))
              .filter(Files::isRegularFile)
              .sorted()
              .toList()) {
        lines.addAll(Files.readAllLines(p, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  static List<String> byLine(List<String> rejects) {
    return rejects.stream().sorted(Comparator.comparingLong(Outcome::lineNumber)).toList();
  }

  private static long lineNumber(String rejectLine) {
    int from = "{\"line\":".length();
    return Long.parseLong(rejectLine.substring(from, rejectLine.indexOf(',', from)));
  }
}
