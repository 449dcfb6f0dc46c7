package io.brushguard.eval;

import io.brushguard.detect.EntityKind;
import io.brushguard.eval.EvaluationReport.Group;
import io.brushguard.eval.EvaluationReport.KindScore;
import io.brushguard.eval.EvaluationReport.Ranking;
import io.brushguard.eval.EvaluationReport.Tally;
import io.brushguard.eval.EvaluationReport.Victim;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Renders an {@link EvaluationReport} as aligned plain-text tables for people. */
public final class ReportText {
  private static final String INDENT = "  ";

  private ReportText() {}

  public static String render(EvaluationReport r) {
    StringBuilder out = new StringBuilder(2048);
    EvaluationReport.Inputs in = r.inputs();
    out.append("Labels: ").append(in.labels()).append(" read");
    rejected(out, in.labelsRejected());
    out.append(". Findings: ").append(in.findings()).append(" entities");
    rejected(out, in.findingsRejected());
    if (in.findingsSuperseded() > 0) {
      out.append(", ").append(in.findingsSuperseded()).append(" superseded by later findings");
    }
    out.append(in.scoresEveryEntity() ? "; every entity scored.\n" : "; flagged entities only.\n");

    out.append("\nFlagged (action review or block) against fraud labels\n");
    TextTable kinds =
        new TextTable(
            "entity", "labelled", "flagged", "TP", "FP", "FN", "precision", "recall", "F1");
    for (KindScore k : r.kinds()) {
      kindRow(kinds, k);
    }
    kindRow(kinds, r.all());
    kinds.appendTo(out, INDENT);

    out.append("\nRecall per tactic (fraud entities flagged / labelled)\n");
    groups(out, r.tactics(), "tactic", "recall", "no fraud labels");

    out.append("\nFalse positives per trap (trap entities flagged / trap entities)\n");
    groups(out, r.traps(), "trap", "FP rate", "no trap labels");

    victims(out, r.victims());
    ranking(out, r);
    return out.toString();
  }

  private static void rejected(StringBuilder out, long n) {
    if (n > 0) {
      out.append(" (").append(n).append(" lines rejected)");
    }
  }

  private static void kindRow(TextTable t, KindScore k) {
    t.row(
        k.name(),
        Long.toString(k.labelled()),
        Long.toString(k.flagged()),
        Long.toString(k.truePositives()),
        Long.toString(k.falsePositives()),
        Long.toString(k.falseNegatives()),
        rate(k.precision()),
        rate(k.recall()),
        rate(k.f1()));
  }

  private static void groups(
      StringBuilder out, List<Group> groups, String first, String rateName, String none) {
    if (groups.isEmpty()) {
      out.append(INDENT).append("(").append(none).append(")\n");
      return;
    }
    Set<EntityKind> used = EnumSet.noneOf(EntityKind.class);
    for (Group g : groups) {
      used.addAll(g.byKind().keySet());
    }
    List<String> header = new ArrayList<>();
    header.add(first);
    used.forEach(k -> header.add(k.wire()));
    header.add("all");
    header.add(rateName);
    TextTable t = new TextTable(header.toArray(String[]::new));
    for (Group g : groups) {
      List<String> row = new ArrayList<>();
      row.add(g.name());
      for (EntityKind k : used) {
        Tally tally = g.byKind().get(k);
        row.add(tally == null ? "-" : fraction(tally));
      }
      row.add(fraction(g.all()));
      row.add(rate(g.all().rate()));
      t.row(row.toArray(String[]::new));
    }
    t.appendTo(out, INDENT);
  }

  private static void victims(StringBuilder out, List<Victim> victims) {
    List<Victim> penalised = victims.stream().filter(Victim::penalised).toList();
    out.append("\nVictims (genuine entities framed by others' fraud): ")
        .append(victims.size())
        .append(" labelled, ")
        .append(penalised.size())
        .append(" penalised\n");
    if (penalised.isEmpty()) {
      return;
    }
    TextTable t = new TextTable(4, "entity", "id", "action", "tactic", "score");
    for (Victim v : penalised) {
      t.row(
          v.entity().wire(),
          v.id(),
          v.action().wire(),
          v.tactic() == null ? "-" : v.tactic(),
          rate(v.score()));
    }
    t.appendTo(out, INDENT);
  }

  private static void ranking(StringBuilder out, EvaluationReport r) {
    out.append("\nRanking by score (entities with a finding)\n");
    if (!r.inputs().scoresEveryEntity()) {
      out.append(INDENT).append("(needs findings for every entity: scan --all-scores)\n");
      return;
    }
    TextTable t =
        new TextTable("entity", "scored", "fraud", "fraud unscored", "ROC AUC", "avg precision");
    for (Ranking k : r.ranking()) {
      t.row(
          k.entity().wire(),
          Long.toString(k.scored()),
          Long.toString(k.fraud()),
          Long.toString(k.fraudUnscored()),
          rate(k.rocAuc()),
          rate(k.averagePrecision()));
    }
    t.appendTo(out, INDENT);
  }

  private static String fraction(Tally t) {
    return t.flagged() + "/" + t.of();
  }

  static String rate(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }
}
