package io.brushguard.cli;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.embedded.Scan;
import io.brushguard.eval.EvaluationReport;
import io.brushguard.eval.ReportJson;
import io.brushguard.eval.ReportText;
import io.brushguard.ingest.EventReader;
import io.brushguard.sim.Plan;
import io.brushguard.sim.SimulationFiles;
import io.brushguard.sim.SimulationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brushguard demo}: the whole loop in one command. Simulates a small market with planted
 * brushing and legitimate look-alikes, scans it with the standard detectors scoring every entity,
 * and prints the evaluation against the simulator's labels. Every file stays in the directory for a
 * closer look.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a small market, scans it and evaluates the findings.",
      "Runs simulate (planted brushing and legitimate look-alikes), scan --all-scores",
      "with the standard detectors, and eval against the labels; prints the tables",
      "and keeps every file in the directory. See docs/evaluation.md."
    })
final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "simulation seed (default ${DEFAULT-VALUE}); the same seed, the same market")
  long seed;

  @Option(
      names = "--scale",
      defaultValue = "small",
      paramLabel = "SCALE",
      description = "small (~100k events, default), medium (~1M) or an event count such as 300k")
  String scale;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "where to write events, labels, findings and the evaluation (default: new temp dir)")
  Path dir;

  @Override
  public Integer call() throws IOException {
    SimulationSpec spec = SimulationSpec.of(seed, SimulationSpec.parseScale(scale));
    Path out = dir != null ? dir : Files.createTempDirectory("brushguard-demo-");
    PrintStream say = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    say.printf(
        Locale.ROOT,
        "brushguard demo: seed %d, about %,d events, in %s%n",
        seed,
        spec.events(),
        out);

    long t0 = System.nanoTime();
    Plan plan = SimulationFiles.write(spec, out, false);
    Path events = out.resolve(SimulationFiles.eventsFileName(false));
    say.printf(
        Locale.ROOT,
        "  simulate  %,d events -> %s, labels.jsonl, plan.json (%.1f s)%n",
        plan.events(),
        events.getFileName(),
        since(t0));

    long t1 = System.nanoTime();
    Path findings = out.resolve("findings.jsonl");
    Scan.Result result = scan(events);
    FindingsFile.write(findings, result, since(t1));
    say.printf(
        Locale.ROOT,
        "  scan      %,d findings, every entity scored -> %s (%.1f s)%n",
        result.findings().size(),
        findings.getFileName(),
        since(t1));
    if (result.rejected() + result.late() + result.detectorErrors() > 0) {
      say.printf(
          Locale.ROOT,
          "            (%d lines rejected, %d late events, %d detector errors)%n",
          result.rejected(),
          result.late(),
          result.detectorErrors());
    }

    long t2 = System.nanoTime();
    EvaluationReport report =
        EvalCommand.evaluate(out.resolve("labels.jsonl"), findings, System.err);
    Files.writeString(
        out.resolve("evaluation.json"), ReportJson.render(report) + "\n", StandardCharsets.UTF_8);
    say.printf(Locale.ROOT, "  eval      -> evaluation.json (%.1f s)%n%n", since(t2));
    say.print(ReportText.render(report));
    say.printf(
        "%nWhat was planted: %s. Again by hand:%n"
            + "  ./brushguard scan --in %s --out %s --all-scores%n"
            + "  ./brushguard eval --labels %s --findings %s%n",
        out.resolve("README.md"), events, findings, out.resolve("labels.jsonl"), findings);
    return 0;
  }

  static Scan.Result scan(Path events) throws IOException {
    return scan(events, BrushguardConfig.DEFAULT);
  }

  /** Scans with every score written ({@code --all-scores}) under the given settings. */
  static Scan.Result scan(Path events, BrushguardConfig cfg) throws IOException {
    try (InputStream in = EventReader.open(events);
        Progress progress = Progress.of("scan", Files.size(events))) {
      return new Scan(cfg, DetectorRegistry.standard(cfg), true)
          .run(
              in,
              // rejects and late events are counted in the result (the simulator writes none)
              new Scan.Listener() {
                @Override
                public void progress(long bytes) {
                  progress.stepTo(bytes);
                }
              });
    }
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
