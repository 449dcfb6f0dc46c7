package io.brushguard.cli;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.ConfigLoader;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.decide.LogisticFusion;
import io.brushguard.decide.RingLine;
import io.brushguard.embedded.Scan;
import io.brushguard.event.Event;
import io.brushguard.findings.FindingsFormat;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brushguard scan}: events in, findings out. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = {
      "Scans a file of events (JSON Lines, optionally gzip) and writes findings as JSON Lines,",
      "with a summary line last. Bad lines and late events are counted, reported and skipped."
    })
final class ScanCommand implements Callable<Integer> {
  private static final int MAX_STDERR_MESSAGES = 10;

  @Option(
      names = "--in",
      required = true,
      paramLabel = "FILE",
      description = "events (.jsonl or .jsonl.gz)")
  Path in;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "findings file to write")
  Path out;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "write rejected lines and late events here")
  Path rejects;

  @Option(
      names = "--all-scores",
      description = "write a finding for every order, review, like, account and shop seen")
  boolean allScores;

  @Option(
      names = "--updates",
      paramLabel = "FILE",
      description = "also write the update stream here: every finding and shop line as decided")
  Path updates;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "settings (properties); see docs/configuration.md")
  Path config;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description =
          "score with a fusion trained by brushguard train (default: the documented rule)")
  Path model;

  @Option(
      names = "--lateness",
      paramLabel = "DURATION",
      description = "out-of-order bound, e.g. 10m (default from config)")
  String lateness;

  @Override
  public Integer call() throws Exception {
    BrushguardConfig cfg = config == null ? BrushguardConfig.DEFAULT : ConfigLoader.load(config);
    if (lateness != null) {
      cfg = cfg.withLatenessMillis(ConfigLoader.parseDuration(lateness).toMillis());
    }
    if (model != null) {
      if (!Files.isRegularFile(model)) {
        throw new IllegalArgumentException("--model: no such file: " + model);
      }
      cfg = cfg.withFusion(LogisticFusion.read(model));
    }
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException("no such file: " + in);
    }
    AtomicFile.requireWritableDirectory(out);
    if (updates != null) {
      AtomicFile.requireWritableDirectory(updates);
    }
    long started = System.nanoTime();
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    Scan.Result result;
    try (InputStream input = EventReader.open(in);
        RejectsFile rejectsFile = new RejectsFile(rejects);
        UpdatesFile updatesFile = new UpdatesFile(updates);
        Progress progress = Progress.of("scan", Files.size(in))) {
      long[] messages = {0};
      Scan.Listener listener =
          new Scan.Listener() {
            @Override
            public void rejected(Reject r) {
              rejectsFile.write(r);
              say(r.message());
            }

            @Override
            public void late(Event e, long line) {
              Reject r = Reject.late(e, line);
              rejectsFile.write(r);
              say(r.message());
            }

            @Override
            public void detectorFailed(String detector, String key, Event e, RuntimeException ex) {
              say("detector " + detector + " failed on key " + key + ": " + ex);
            }

            @Override
            public void finding(Finding f) {
              if (updatesFile.enabled()) { // formatting every update costs 2-5% of a scan
                updatesFile.write(FindingsFormat.finding(f));
              }
            }

            @Override
            public void shop(ShopStanding s) {
              if (updatesFile.enabled()) {
                updatesFile.write(FindingsFormat.shop(s));
              }
            }

            @Override
            public void ring(RingLine r) {
              if (updatesFile.enabled()) {
                updatesFile.write(FindingsFormat.ring(r));
              }
            }

            @Override
            public void progress(long bytes) {
              progress.stepTo(bytes);
            }

            private void say(String message) {
              if (messages[0]++ < MAX_STDERR_MESSAGES) {
                err.println("brushguard: " + message);
              } else if (messages[0] == MAX_STDERR_MESSAGES + 1) {
                err.println("brushguard: more problems; see the summary and --rejects");
              }
            }
          };
      result = new Scan(cfg, DetectorRegistry.standard(cfg), allScores).run(input, listener);
      rejectsFile.commit();
      updatesFile.commit();
    }
    warnIfMostlyLate(result, err);
    double seconds = (System.nanoTime() - started) / 1e9;
    FindingsFile.write(out, result, seconds);
    return 0;
  }

  /**
   * Many late events usually mean input far out of order, or an event whose clock runs ahead of the
   * rest by less than the ahead bound (one further ahead is rejected and spoils nothing): every
   * later event then counts as late. Say so, rather than let a quiet summary hide it.
   */
  private static void warnIfMostlyLate(Scan.Result result, PrintWriter err) {
    long seen = result.events() + result.late();
    if (result.late() >= 10 && result.late() * 100 >= seen) {
      err.printf(
          "brushguard: warning: %d of %d events (%.1f%%) were late; input far out of order, or an"
              + " event with a clock ahead of the rest (by less than the ahead bound), makes later"
              + " ones late: check the rejects file%n",
          result.late(), seen, 100.0 * result.late() / seen);
    }
  }
}
