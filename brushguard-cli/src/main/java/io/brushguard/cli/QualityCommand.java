package io.brushguard.cli;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.decide.Finding;
import io.brushguard.decide.LogisticFusion;
import io.brushguard.decide.RecurrenceNoisyOr;
import io.brushguard.detect.EntityKind;
import io.brushguard.embedded.Scan;
import io.brushguard.eval.EvaluationReport;
import io.brushguard.eval.EvaluationReport.Group;
import io.brushguard.eval.EvaluationReport.KindScore;
import io.brushguard.eval.EvaluationReport.Tally;
import io.brushguard.eval.Label;
import io.brushguard.eval.Labels;
import io.brushguard.eval.LabelsReader;
import io.brushguard.eval.Reliability;
import io.brushguard.eval.ShopEvaluation;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import io.brushguard.sim.Plan;
import io.brushguard.sim.SimulationFiles;
import io.brushguard.sim.SimulationSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code brushguard quality}: detection quality measured over several simulated markets, so that a
 * figure describes the method rather than one sample. For every seed and scale it simulates a
 * market, scans it with the standard detectors and evaluates the findings; then it prints, as
 * Markdown tables, the recall of each tactic's fraudulent orders and accounts (over all runs and
 * the worst run), the share of genuine orders flagged per run, and the share of each look-alike
 * flagged (over all runs and the worst run).
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Measures detection quality over several simulated markets.",
      "For each seed and scale: simulate, scan with the standard detectors, evaluate.",
      "Prints recall per tactic, genuine orders flagged and look-alikes flagged, as",
      "Markdown tables (the ones in docs/evaluation.md)."
    })
final class QualityCommand implements Callable<Integer> {
  @Option(
      names = "--seeds",
      defaultValue = "1-3",
      paramLabel = "LIST",
      description = "seeds: a range such as 1-3 or a list such as 1,5,9 (default ${DEFAULT-VALUE})")
  String seeds;

  @Option(
      names = "--scales",
      defaultValue = "small,medium",
      paramLabel = "LIST",
      split = ",",
      description =
          "scales, comma-separated: small, medium, large or counts (default small,medium)")
  List<String> scales;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "score with this trained fusion (brushguard train) instead of the default")
  Path model;

  @Option(
      names = "--raw",
      description = "score with the default fusion uncalibrated (to compare the calibration)")
  boolean raw;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "keep each market's files in DIR/<scale>-<seed> (default: deleted afterwards)")
  Path dir;

  /**
   * One market's outcome.
   *
   * @param seen how many entities of each kind the market holds (orders, reviews, likes)
   * @param shops how right the shop lines are
   */
  record Run(
      String scale,
      long seed,
      long events,
      Map<EntityKind, Long> seen,
      EvaluationReport report,
      ShopEvaluation.Outcome shops,
      Reliability reliability) {
    String name() {
      return scale + " s" + seed;
    }

    KindScore kind(EntityKind entity) {
      return report.kinds().stream()
          .filter(k -> k.name().equals(entity.wire()))
          .findFirst()
          .orElse(null);
    }

    /** Entities of the kind not labelled fraud (look-alikes included). */
    long genuine(EntityKind entity) {
      KindScore k = kind(entity);
      return seen.getOrDefault(entity, 0L) - (k == null ? 0 : k.labelled());
    }

    long genuineFlagged(EntityKind entity) {
      KindScore k = kind(entity);
      return k == null ? 0 : k.falsePositives();
    }

    long victimsPenalised() {
      return report.victims().stream().filter(EvaluationReport.Victim::penalised).count();
    }
  }

  @Override
  public Integer call() throws IOException {
    List<Long> seedList = parseSeeds(seeds);
    BrushguardConfig cfg = BrushguardConfig.DEFAULT;
    if (model != null && raw) {
      throw new IllegalArgumentException("--model and --raw: choose one");
    }
    if (model != null) {
      cfg = cfg.withFusion(LogisticFusion.read(model));
    } else if (raw) {
      cfg = cfg.withFusion(RecurrenceNoisyOr.RAW);
    }
    PrintStream say = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    List<Run> runs = new ArrayList<>();
    for (String scale : scales) {
      long events = SimulationSpec.parseScale(scale);
      for (long seed : seedList) {
        Path out =
            dir != null
                ? Files.createDirectories(dir.resolve(scale + "-" + seed))
                : Files.createTempDirectory("brushguard-quality-");
        try {
          runs.add(run(scale, seed, events, out, cfg));
        } finally {
          if (dir == null) {
            delete(out);
          }
        }
        Run last = runs.get(runs.size() - 1);
        System.err.printf(
            Locale.ROOT, "quality: %s done (%,d events)%n", last.name(), last.events());
      }
    }
    say.print(render(runs));
    return 0;
  }

  private static Run run(String scale, long seed, long events, Path out, BrushguardConfig cfg)
      throws IOException {
    Plan plan = SimulationFiles.write(SimulationSpec.of(seed, events), out, false);
    Path findings = out.resolve("findings.jsonl");
    Scan.Result result = DemoCommand.scan(out.resolve(SimulationFiles.eventsFileName(false)), cfg);
    FindingsFile.write(findings, result, 0);
    Path labelsFile = out.resolve("labels.jsonl");
    EvaluationReport report = EvalCommand.evaluate(labelsFile, findings, System.err);
    Labels labels;
    try (InputStream in = EventReader.open(labelsFile)) {
      labels = LabelsReader.read(in, r -> {});
    }
    ShopEvaluation shops = new ShopEvaluation(labels);
    try (InputStream in = EventReader.open(out.resolve(SimulationFiles.eventsFileName(false)))) {
      new EventReader()
          .read(
              in,
              new EventReader.Sink() {
                @Override
                public void accept(Event event, long line) {
                  shops.event(event);
                }

                @Override
                public void reject(Reject reject) {}
              });
    }
    Map<EntityKind, Long> seen =
        Map.of(
            EntityKind.ORDER, plan.events(EventType.ORDER),
            EntityKind.REVIEW, plan.events(EventType.REVIEW),
            EntityKind.LIKE, plan.events(EventType.LIKE));
    Reliability reliability = new Reliability();
    for (Finding f : result.findings()) {
      Label l = labels.get(f.entity(), wireId(f));
      reliability.add(f.entity(), f.score(), l != null && l.fraud());
    }
    return new Run(
        scale, seed, plan.events(), seen, report, shops.score(result.shops()), reliability);
  }

  /** The three tables, in Markdown. */
  static String render(List<Run> runs) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Markets: %s (%,d events in all).%n%n",
            String.join(", ", runs.stream().map(Run::name).toList()),
            runs.stream().mapToLong(Run::events).sum()));

    tacticTable(md, runs, EntityKind.ORDER, EntityKind.ACCOUNT);
    md.append('\n');
    tacticTable(
        md, runs, EntityKind.REVIEW, EntityKind.LIKE, EntityKind.PAYMENT, EntityKind.LISTING);

    md.append("\n| market | genuine orders | flagged | rate | genuine reviews | flagged | rate")
        .append(" | genuine likes | flagged | rate | victims penalised |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<EntityKind, long[]> sums = new LinkedHashMap<>();
    long victims = 0;
    long penalised = 0;
    for (Run r : runs) {
      md.append("| ").append(r.name());
      for (EntityKind kind : GENUINE_KINDS) {
        long[] sum = sums.computeIfAbsent(kind, k -> new long[2]);
        sum[0] += r.genuine(kind);
        sum[1] += r.genuineFlagged(kind);
        genuineCells(md, r.genuine(kind), r.genuineFlagged(kind));
      }
      victims += r.report().victims().size();
      penalised += r.victimsPenalised();
      md.append(" | ")
          .append(fraction(new Tally(r.victimsPenalised(), r.report().victims().size())))
          .append(" |\n");
    }
    md.append("| all");
    for (EntityKind kind : GENUINE_KINDS) {
      genuineCells(md, sums.get(kind)[0], sums.get(kind)[1]);
    }
    md.append(" | ").append(fraction(new Tally(penalised, victims))).append(" |\n");

    md.append("\n| market | shops that bought brushing | penalised | other shops penalised")
        .append(" | F1 | victims penalised | shops with fakes | corrected sales off by")
        .append(" | corrected rating off by |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Run r : runs) {
      ShopEvaluation.Outcome o = r.shops();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d | %s | %,d/%,d | %,d | %s | %s |%n",
              r.name(),
              o.brushers(),
              o.brushersPenalised(),
              o.penalised() - o.brushersPenalised(),
              rate(o.f1()),
              o.victimsPenalised(),
              o.victims(),
              o.shopsWithFakes(),
              Double.isNaN(o.salesError())
                  ? "-"
                  : String.format(Locale.ROOT, "%.2f units", o.salesError()),
              Double.isNaN(o.ratingError())
                  ? "-"
                  : String.format(Locale.ROOT, "%.3f stars", o.ratingError())));
    }

    kindTable(md, runs);
    md.append(
        "\nReliability (fraud share and count per score bin; entities scored 0 left out):\n\n");
    Reliability all = new Reliability();
    runs.forEach(r -> all.add(r.reliability()));
    md.append(all.markdown());

    md.append("\n| look-alike | flagged (all runs) | worst run |\n|---|---:|---:|\n");
    for (String trap : names(runs, false)) {
      Tally sum = new Tally(0, 0);
      double worst = Double.NaN;
      for (Run r : runs) {
        Group g = group(r.report().traps(), trap);
        if (g == null) {
          continue;
        }
        sum = new Tally(sum.flagged() + g.all().flagged(), sum.of() + g.all().of());
        worst = Double.isNaN(worst) ? g.all().rate() : Math.max(worst, g.all().rate());
      }
      md.append("| ")
          .append(trap)
          .append(" | ")
          .append(fraction(sum))
          .append(" | ")
          .append(percent(worst))
          .append(" |\n");
    }
    return md.toString();
  }

  /** A finding's id as the labels name it: a like's {@code <account>:<review>}. */
  static String wireId(Finding f) {
    return f.entity() == EntityKind.LIKE ? f.id().replace(Like.SEPARATOR, ':') : f.id();
  }

  /** Precision, recall and F1 per entity kind over all runs, and the worst run's F1. */
  private static void kindTable(StringBuilder md, List<Run> runs) {
    md.append(
            "\n| kind | fraud | flagged | true positives | precision | recall | F1 | worst F1 |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (EntityKind kind : EntityKind.values()) {
      long labelled = 0;
      long flagged = 0;
      long tp = 0;
      double worst = Double.NaN;
      for (Run r : runs) {
        KindScore k = r.kind(kind);
        if (k == null || k.labelled() == 0) {
          continue;
        }
        labelled += k.labelled();
        flagged += k.flagged();
        tp += k.truePositives();
        worst = Double.isNaN(worst) ? k.f1() : Math.min(worst, k.f1());
      }
      if (labelled == 0) {
        continue;
      }
      KindScore sum = new KindScore(kind.wire(), labelled, flagged, tp);
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %,d | %,d | %s | %s | %s | %s |%n",
              kind.wire(),
              labelled,
              flagged,
              tp,
              rate(sum.precision()),
              rate(sum.recall()),
              rate(sum.f1()),
              rate(worst)));
    }
  }

  /** The kinds whose genuine entities are counted per market. */
  private static final EntityKind[] GENUINE_KINDS = {
    EntityKind.ORDER, EntityKind.REVIEW, EntityKind.LIKE
  };

  /** Recall per tactic for the given kinds: all runs and the worst run, a column pair per kind. */
  private static void tacticTable(StringBuilder md, List<Run> runs, EntityKind... kinds) {
    md.append("| tactic");
    StringBuilder rule = new StringBuilder("|---");
    for (EntityKind kind : kinds) {
      md.append(" | ").append(kind.wire()).append("s flagged (all runs) | worst run");
      rule.append("|---:|---:");
    }
    md.append(" |\n").append(rule).append("|\n");
    for (String tactic : names(runs, true)) {
      StringBuilder row = new StringBuilder("| ").append(tactic);
      boolean any = false;
      for (EntityKind kind : kinds) {
        Tally sum = new Tally(0, 0);
        double worst = Double.NaN;
        for (Run r : runs) {
          Tally t = tally(r.report().tactics(), tactic, kind);
          if (t == null) {
            continue;
          }
          sum = new Tally(sum.flagged() + t.flagged(), sum.of() + t.of());
          worst = Double.isNaN(worst) ? t.rate() : Math.min(worst, t.rate());
        }
        any |= sum.of() > 0;
        row.append(" | ").append(fraction(sum)).append(" | ").append(rate(worst));
      }
      if (any) {
        md.append(row).append(" |\n");
      }
    }
  }

  private static void genuineCells(StringBuilder md, long genuine, long flagged) {
    md.append(
        String.format(
            Locale.ROOT, " | %,d | %,d | %s", genuine, flagged, percent(ratio(flagged, genuine))));
  }

  /** Tactic (or trap) names in the reports' order, each once. */
  private static List<String> names(List<Run> runs, boolean tactics) {
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (Run r : runs) {
      for (Group g : tactics ? r.report().tactics() : r.report().traps()) {
        names.put(g.name(), true);
      }
    }
    return new ArrayList<>(names.keySet());
  }

  private static Group group(List<Group> groups, String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst().orElse(null);
  }

  private static Tally tally(List<Group> groups, String name, EntityKind kind) {
    Group g = group(groups, name);
    return g == null ? null : g.byKind().get(kind);
  }

  private static String fraction(Tally t) {
    if (t.of() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%,d/%,d = %.3f", t.flagged(), t.of(), t.rate());
  }

  private static String rate(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
  }

  private static String percent(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * r);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  /** {@code 1-3} or {@code 1,5,9}. */
  static List<Long> parseSeeds(String text) {
    List<Long> out = new ArrayList<>();
    try {
      for (String part : text.split(",")) {
        String p = part.trim();
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          long from = Long.parseLong(p.substring(0, dash).trim());
          long to = Long.parseLong(p.substring(dash + 1).trim());
          if (to < from || to - from > 1000) {
            throw new IllegalArgumentException("--seeds: bad range " + p);
          }
          for (long s = from; s <= to; s++) {
            out.add(s);
          }
        } else {
          out.add(Long.parseLong(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--seeds: expected a range such as 1-3 or a list such as 1,5,9, got " + text);
    }
    return out;
  }

  static void delete(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
