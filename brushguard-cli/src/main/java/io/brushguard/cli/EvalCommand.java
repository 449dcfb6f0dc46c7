package io.brushguard.cli;

import io.brushguard.eval.Evaluation;
import io.brushguard.eval.EvaluationReport;
import io.brushguard.eval.Findings;
import io.brushguard.eval.FindingsReader;
import io.brushguard.eval.Labels;
import io.brushguard.eval.LabelsReader;
import io.brushguard.eval.ReportJson;
import io.brushguard.eval.ReportText;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brushguard eval}: findings against ground-truth labels. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measures findings against ground-truth labels.",
      "Prints, per entity kind, precision, recall and F1 of the entities flagged",
      "(action review or block); recall per tactic; false positives per trap; the",
      "victims penalised; and, when the findings score every entity",
      "(scan --all-scores), ROC AUC and average precision. See docs/evaluation.md."
    })
final class EvalCommand implements Callable<Integer> {
  private static final int MAX_STDERR_MESSAGES = 10;

  @Option(
      names = "--labels",
      required = true,
      paramLabel = "FILE",
      description = "labels (JSON Lines, optionally gzip)")
  Path labels;

  @Option(
      names = "--findings",
      required = true,
      paramLabel = "FILE",
      description = "findings (JSON Lines, optionally gzip)")
  Path findings;

  @Option(names = "--json", description = "print one JSON document instead of tables")
  boolean json;

  @Override
  public Integer call() throws IOException {
    EvaluationReport report = evaluate(labels, findings, System.err);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.print(json ? ReportJson.render(report) + "\n" : ReportText.render(report));
    out.flush();
    return 0;
  }

  /**
   * Reads both files and evaluates; the first few rejected lines of each are reported on {@code
   * err}, and all of them are counted in the report.
   */
  static EvaluationReport evaluate(Path labelsFile, Path findingsFile, PrintStream err)
      throws IOException {
    for (Path p : new Path[] {labelsFile, findingsFile}) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no such file: " + p);
      }
    }
    Labels labels;
    try (InputStream in = EventReader.open(labelsFile)) {
      labels = LabelsReader.read(in, reporter(labelsFile, err));
    }
    Findings found;
    try (InputStream in = EventReader.open(findingsFile)) {
      found = FindingsReader.read(in, reporter(findingsFile, err));
    }
    return Evaluation.evaluate(labels, found);
  }

  private static Consumer<Reject> reporter(Path file, PrintStream err) {
    long[] count = {0};
    return r -> {
      if (count[0]++ < MAX_STDERR_MESSAGES) {
        err.println("brushguard: " + file.getFileName() + " " + r.message());
      } else if (count[0] == MAX_STDERR_MESSAGES + 1) {
        err.println(
            "brushguard: more bad lines in " + file.getFileName() + "; counted in the report");
      }
    };
  }
}
