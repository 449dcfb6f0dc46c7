package io.brushguard.eval;

import io.brushguard.detect.EntityKind;
import io.brushguard.eval.EvaluationReport.Group;
import io.brushguard.eval.EvaluationReport.KindScore;
import io.brushguard.eval.EvaluationReport.Ranking;
import io.brushguard.eval.EvaluationReport.Tally;
import io.brushguard.eval.EvaluationReport.Victim;
import io.brushguard.findings.Json;
import java.util.List;

/**
 * Renders an {@link EvaluationReport} as one JSON document (one line) for machines. Rates are
 * rounded to 4 decimals; undefined rates are {@code null}. Shape:
 *
 * <pre>{@code
 * {"inputs":{"labels":..,"labels_rejected":..,"findings":..,"findings_rejected":..,
 *            "findings_superseded":..,"all_scores":true},
 *  "entities":[{"entity":"order","labelled":..,"flagged":..,"tp":..,"fp":..,"fn":..,
 *               "precision":..,"recall":..,"f1":..}, ...],
 *  "all":{...same fields, "entity":"all"},
 *  "tactics":[{"tactic":"concentration","labelled":..,"flagged":..,"recall":..,
 *              "by_entity":{"order":{"labelled":..,"flagged":..,"recall":..}}}],
 *  "traps":[{"trap":"dorm","entities":..,"flagged":..,"fp_rate":..,"by_entity":{...}}],
 *  "victims":{"labelled":..,"penalised":[{"entity":"shop","id":"s5","action":"review",
 *             "score":0.72,"tactic":"reverse_brushing"}]},
 *  "ranking":[{"entity":"order","scored":..,"fraud":..,"fraud_unscored":..,"roc_auc":..,
 *              "average_precision":..}]   (null without --all-scores findings)
 * }
 * }</pre>
 */
public final class ReportJson {
  private ReportJson() {}

  public static String render(EvaluationReport r) {
    StringBuilder out = new StringBuilder(2048);
    EvaluationReport.Inputs in = r.inputs();
    out.append("{\"inputs\":{\"labels\":").append(in.labels());
    out.append(",\"labels_rejected\":").append(in.labelsRejected());
    out.append(",\"findings\":").append(in.findings());
    out.append(",\"findings_rejected\":").append(in.findingsRejected());
    out.append(",\"findings_superseded\":").append(in.findingsSuperseded());
    out.append(",\"all_scores\":").append(in.scoresEveryEntity()).append('}');
    out.append(",\"entities\":[");
    for (int i = 0; i < r.kinds().size(); i++) {
      kind(out.append(i == 0 ? "" : ","), r.kinds().get(i));
    }
    kind(out.append("],\"all\":"), r.all());
    groups(out.append(",\"tactics\":"), r.tactics(), "tactic", "labelled", "recall");
    groups(out.append(",\"traps\":"), r.traps(), "trap", "entities", "fp_rate");
    victims(out.append(",\"victims\":"), r.victims());
    out.append(",\"ranking\":");
    if (!in.scoresEveryEntity()) {
      out.append("null");
    } else {
      out.append('[');
      for (int i = 0; i < r.ranking().size(); i++) {
        Ranking k = r.ranking().get(i);
        out.append(i == 0 ? "{" : ",{").append("\"entity\":\"").append(k.entity().wire());
        out.append("\",\"scored\":").append(k.scored());
        out.append(",\"fraud\":").append(k.fraud());
        out.append(",\"fraud_unscored\":").append(k.fraudUnscored());
        number(out.append(",\"roc_auc\":"), k.rocAuc());
        number(out.append(",\"average_precision\":"), k.averagePrecision()).append('}');
      }
      out.append(']');
    }
    return out.append('}').toString();
  }

  private static void kind(StringBuilder out, KindScore k) {
    out.append("{\"entity\":\"").append(k.name());
    out.append("\",\"labelled\":").append(k.labelled());
    out.append(",\"flagged\":").append(k.flagged());
    out.append(",\"tp\":").append(k.truePositives());
    out.append(",\"fp\":").append(k.falsePositives());
    out.append(",\"fn\":").append(k.falseNegatives());
    number(out.append(",\"precision\":"), k.precision());
    number(out.append(",\"recall\":"), k.recall());
    number(out.append(",\"f1\":"), k.f1()).append('}');
  }

  private static void groups(
      StringBuilder out, List<Group> groups, String nameField, String ofField, String rateField) {
    out.append('[');
    for (int i = 0; i < groups.size(); i++) {
      Group g = groups.get(i);
      Json.string(
          out.append(i == 0 ? "{" : ",{").append('"').append(nameField).append("\":"), g.name());
      tally(out.append(','), g.all(), ofField, rateField);
      out.append(",\"by_entity\":{");
      boolean first = true;
      for (EntityKind k : EntityKind.values()) {
        Tally t = g.byKind().get(k);
        if (t != null) {
          out.append(first ? "" : ",").append('"').append(k.wire()).append("\":{");
          tally(out, t, ofField, rateField).append('}');
          first = false;
        }
      }
      out.append("}}");
    }
    out.append(']');
  }

  private static StringBuilder tally(StringBuilder out, Tally t, String ofField, String rateField) {
    out.append('"').append(ofField).append("\":").append(t.of());
    out.append(",\"flagged\":").append(t.flagged());
    return number(out.append(",\"").append(rateField).append("\":"), t.rate());
  }

  private static void victims(StringBuilder out, List<Victim> victims) {
    out.append("{\"labelled\":").append(victims.size()).append(",\"penalised\":[");
    boolean first = true;
    for (Victim v : victims) {
      if (!v.penalised()) {
        continue;
      }
      out.append(first ? "{" : ",{").append("\"entity\":\"").append(v.entity().wire());
      Json.string(out.append("\",\"id\":"), v.id());
      out.append(",\"action\":\"").append(v.action().wire()).append('"');
      number(out.append(",\"score\":"), v.score());
      Json.string(out.append(",\"tactic\":"), v.tactic()).append('}');
      first = false;
    }
    out.append("]}");
  }

  private static StringBuilder number(StringBuilder out, double v) {
    return Double.isNaN(v) ? out.append("null") : Json.score(out, v);
  }
}
