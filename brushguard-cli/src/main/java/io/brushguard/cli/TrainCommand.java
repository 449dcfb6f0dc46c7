package io.brushguard.cli;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.decide.Finding;
import io.brushguard.decide.RecurrenceNoisyOr;
import io.brushguard.detect.EntityKind;
import io.brushguard.embedded.Scan;
import io.brushguard.eval.IsotonicFit;
import io.brushguard.eval.Label;
import io.brushguard.eval.Labels;
import io.brushguard.eval.LabelsReader;
import io.brushguard.eval.Reliability;
import io.brushguard.eval.TrainingRows;
import io.brushguard.ingest.EventReader;
import io.brushguard.sim.SimulationFiles;
import io.brushguard.sim.SimulationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brushguard train}: fits the fusion to labelled findings and writes a model file that
 * {@code scan --model} uses ({@link FusionTrainer}); with {@code --calibrate}, fits the default
 * fusion's calibration on simulated markets instead and prints the knots ({@code
 * decide.StandardCalibration} holds the ones in use).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Fits the fusion of signals to labelled findings (logistic regression, Tribuo) and writes",
      "a model file for scan --model. Findings must come from scan --all-scores.",
      "With --calibrate: fits the default fusion's calibration on simulated markets."
    })
final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--labels",
      split = ",",
      paramLabel = "FILE",
      description = "labels files (comma-separated), one per findings file")
  List<Path> labels = new ArrayList<>();

  @Option(
      names = "--findings",
      split = ",",
      paramLabel = "FILE",
      description = "findings files from scan --all-scores, in the order of --labels")
  List<Path> findings = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE", description = "model file to write")
  Path out;

  @Option(
      names = "--calibrate",
      description = "fit the default calibration on simulated markets (--seeds, --scales)")
  boolean calibrate;

  @Option(names = "--seeds", defaultValue = "1-3", paramLabel = "LIST", description = "seeds")
  String seeds;

  @Option(
      names = "--scales",
      defaultValue = "small,medium",
      split = ",",
      paramLabel = "LIST",
      description = "scales")
  List<String> scales;

  @Override
  public Integer call() throws IOException {
    PrintStream say = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    if (calibrate) {
      say.print(calibrate());
      return 0;
    }
    if (labels.isEmpty() || labels.size() != findings.size()) {
      throw new IllegalArgumentException(
          "--labels and --findings: give as many labels files as findings files, at least one"
              + " (were "
              + labels.size()
              + " and "
              + findings.size()
              + ")");
    }
    if (out == null) {
      throw new IllegalArgumentException("--out: the model file to write is required");
    }
    AtomicFile.requireWritableDirectory(out);
    List<TrainingRows.Row> rows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      rows.addAll(rows(labels.get(i), findings.get(i)));
    }
    FusionTrainer.Fitted fitted = FusionTrainer.fit(rows);
    fitted.model().write(out);
    say.print(fitted.summary());
    say.printf(Locale.ROOT, "model written to %s%n", out);
    return 0;
  }

  static List<TrainingRows.Row> rows(Path labelsFile, Path findingsFile) throws IOException {
    Labels l = labels(labelsFile);
    try (InputStream in = EventReader.open(findingsFile)) {
      return TrainingRows.read(
          in,
          l,
          r -> {
            throw new IllegalArgumentException(findingsFile + ": " + r.message());
          });
    }
  }

  static Labels labels(Path labelsFile) throws IOException {
    try (InputStream in = EventReader.open(labelsFile)) {
      return LabelsReader.read(
          in,
          r -> {
            throw new IllegalArgumentException(labelsFile + ": " + r.message());
          });
    }
  }

  /** Simulates, scans with the uncalibrated rule, fits isotonic knots per kind. */
  private String calibrate() throws IOException {
    Map<EntityKind, List<double[]>> points = new EnumMap<>(EntityKind.class);
    Reliability before = new Reliability();
    BrushguardConfig raw = BrushguardConfig.DEFAULT.withFusion(RecurrenceNoisyOr.RAW);
    for (String scale : scales) {
      for (long seed : QualityCommand.parseSeeds(seeds)) {
        Path dir = Files.createTempDirectory("brushguard-calibrate-");
        try {
          SimulationFiles.write(
              SimulationSpec.of(seed, SimulationSpec.parseScale(scale)), dir, false);
          Scan.Result result =
              DemoCommand.scan(dir.resolve(SimulationFiles.eventsFileName(false)), raw);
          Labels l = labels(dir.resolve("labels.jsonl"));
          for (Finding f : result.findings()) {
            if (f.score() > 0) {
              Label label = l.get(f.entity(), QualityCommand.wireId(f));
              boolean fraud = label != null && label.fraud();
              points
                  .computeIfAbsent(f.entity(), k -> new ArrayList<>())
                  .add(new double[] {f.score(), fraud ? 1 : 0});
              before.add(f.entity(), f.score(), fraud);
            }
          }
        } finally {
          QualityCommand.delete(dir);
        }
        System.err.printf(Locale.ROOT, "train: %s s%d scanned%n", scale, seed);
      }
    }
    StringBuilder md = new StringBuilder("Uncalibrated reliability:\n\n").append(before.markdown());
    md.append("\nKnots (decide.StandardCalibration):\n\n");
    for (Map.Entry<EntityKind, List<double[]>> e : points.entrySet()) {
      List<double[]> p = e.getValue();
      double[] s = new double[p.size()];
      boolean[] y = new boolean[p.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = p.get(i)[0];
        y[i] = p.get(i)[1] > 0;
      }
      long frauds = p.stream().filter(x -> x[1] > 0).count();
      if (e.getKey() == EntityKind.SHOP) {
        md.append(
            "    // shop: left raw (a victim of reverse brushing scores as its attacker wished)\n");
        continue;
      }
      if (frauds < MIN_BLOCK || p.size() - frauds < MIN_BLOCK) {
        md.append("    // ")
            .append(e.getKey().wire())
            .append(
                String.format(
                    Locale.ROOT,
                    ": %d fraud, %d genuine scored: left raw%n",
                    frauds,
                    p.size() - frauds));
        continue;
      }
      double[][] k = rounded(IsotonicFit.fit(s, y, MIN_BLOCK));
      md.append("    k.put(EntityKind.")
          .append(e.getKey().name())
          .append(", new double[][] {")
          .append(array(k[0]))
          .append(", ")
          .append(array(k[1]))
          .append("});\n");
    }
    return md.toString();
  }

  /** The fewest entities a knot rests on. */
  static final int MIN_BLOCK = 30;

  /** Knots at 4 decimals, dropping one whose score rounds onto the previous one's. */
  static double[][] rounded(double[][] k) {
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < k[0].length; i++) {
      double x = Math.round(k[0][i] * 10_000) / 10_000.0;
      double y = Math.round(k[1][i] * 10_000) / 10_000.0;
      if (x > 0 && (kept.isEmpty() || x > kept.get(kept.size() - 1)[0])) {
        kept.add(new double[] {x, y});
      }
    }
    double[][] out = new double[2][kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      out[0][i] = kept.get(i)[0];
      out[1][i] = kept.get(i)[1];
    }
    return out;
  }

  private static String array(double[] a) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < a.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", a[i]));
    }
    return b.append('}').toString();
  }
}
