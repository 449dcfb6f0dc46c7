package io.brushguard.eval;

import io.brushguard.decide.Action;
import io.brushguard.detect.EntityKind;
import io.brushguard.eval.EvaluationReport.Group;
import io.brushguard.eval.EvaluationReport.KindScore;
import io.brushguard.eval.EvaluationReport.Ranking;
import io.brushguard.eval.EvaluationReport.Tally;
import io.brushguard.eval.EvaluationReport.Victim;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares findings with labels. An entity is <em>flagged</em> when its finding's action is {@code
 * review} or {@code block}; an entity without a label is genuine, so a flagged entity not labelled
 * fraud is a false positive.
 *
 * <ul>
 *   <li>Per entity kind: precision = TP ÷ flagged, recall = TP ÷ fraud-labelled, F1.
 *   <li>Per tactic: fraud entities of the tactic flagged ÷ labelled, per kind and overall.
 *   <li>Per trap (a genuine look-alike): trap entities flagged ÷ trap entities.
 *   <li>Victims: each labelled victim with the action taken against it.
 *   <li>Ranking, only when the findings score every entity ({@code scan --all-scores}): ROC AUC and
 *       average precision per kind over the entities that have a score (see {@link
 *       RankingMetrics}).
 * </ul>
 *
 * <p>Time O(labels + findings log findings); no state beyond the report.
 */
public final class Evaluation {
  /** The simulator's tactic names, in the order the report lists them; others follow by name. */
  public static final List<String> TACTICS =
      List.of(
          "templated_praise",
          "group_control",
          "concentration",
          "cashback",
          "scripted_tasks",
          "fake_logistics",
          "insider_subsidy",
          "reverse_brushing",
          "bad_reviewers",
          "like_farm",
          "diversion_spam",
          "sales_surge");

  /** The simulator's trap (legitimate look-alike) names, in report order; others follow by name. */
  public static final List<String> TRAPS =
      List.of(
          "flash_sale",
          "livestream",
          "carrier_nat",
          "dorm",
          "family_device",
          "loyal_customer",
          "stock_phrase_review",
          "camouflage_shop",
          "gift_orders",
          "split_basket",
          "reorder_after_mistake",
          "power_shopper",
          "virtual_goods",
          "same_city_express",
          "light_parcels",
          "goodwill_red_packet",
          "price_protection",
          "shipping_insurance",
          "friends_transfer",
          "subsidy_for_all",
          "honest_staff");

  /** The group name for fraud labels that give no tactic. */
  public static final String NO_TACTIC = "(no tactic)";

  private Evaluation() {}

  public static EvaluationReport evaluate(Labels labels, Findings findings) {
    List<KindScore> kinds = new ArrayList<>();
    long labelled = 0;
    long flagged = 0;
    long tp = 0;
    for (EntityKind kind : EntityKind.values()) {
      KindScore k = score(kind, labels, findings);
      if (k.labelled() > 0 || !findings.of(kind).isEmpty()) {
        kinds.add(k);
      }
      labelled += k.labelled();
      flagged += k.flagged();
      tp += k.truePositives();
    }
    Map<String, Map<EntityKind, Tally>> tactics = new HashMap<>();
    Map<String, Map<EntityKind, Tally>> traps = new HashMap<>();
    List<Victim> victims = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      for (Label l : labels.of(kind)) {
        Scored s = findings.get(kind, l.id());
        boolean isFlagged = s != null && s.flagged();
        if (l.fraud()) {
          tally(tactics, l.tactic() == null ? NO_TACTIC : l.tactic(), kind, isFlagged);
        }
        if (l.trap() != null) {
          tally(traps, l.trap(), kind, isFlagged);
        }
        if (l.victim()) {
          victims.add(
              new Victim(
                  kind,
                  l.id(),
                  l.tactic(),
                  s == null ? Action.ALLOW : s.action(),
                  s == null ? Double.NaN : s.score()));
        }
      }
    }
    boolean ranked = findings.scoresEveryEntity();
    return new EvaluationReport(
        new EvaluationReport.Inputs(
            labels.size(),
            labels.rejected(),
            findings.size(),
            findings.rejected(),
            findings.superseded(),
            ranked),
        kinds,
        new KindScore("all", labelled, flagged, tp),
        groups(tactics, TACTICS),
        groups(traps, TRAPS),
        victims,
        ranked ? ranking(labels, findings) : List.of());
  }

  private static KindScore score(EntityKind kind, Labels labels, Findings findings) {
    long labelled = 0;
    for (Label l : labels.of(kind)) {
      labelled += l.fraud() ? 1 : 0;
    }
    long flagged = 0;
    long tp = 0;
    for (Scored s : findings.of(kind)) {
      if (s.flagged()) {
        flagged++;
        Label l = labels.get(kind, s.id());
        tp += l != null && l.fraud() ? 1 : 0;
      }
    }
    return new KindScore(kind.wire(), labelled, flagged, tp);
  }

  private static void tally(
      Map<String, Map<EntityKind, Tally>> groups, String name, EntityKind kind, boolean flagged) {
    groups
        .computeIfAbsent(name, n -> new EnumMap<>(EntityKind.class))
        .merge(kind, new Tally(flagged ? 1 : 0, 1), (a, b) -> a.plus(flagged));
  }

  private static List<Group> groups(
      Map<String, Map<EntityKind, Tally>> byName, List<String> knownOrder) {
    List<Group> out = new ArrayList<>();
    for (Map.Entry<String, Map<EntityKind, Tally>> e : byName.entrySet()) {
      long hit = 0;
      long of = 0;
      for (Tally t : e.getValue().values()) {
        hit += t.flagged();
        of += t.of();
      }
      out.add(new Group(e.getKey(), e.getValue(), new Tally(hit, of)));
    }
    out.sort(
        Comparator.comparingInt((Group g) -> rank(knownOrder, g.name()))
            .thenComparing(Group::name));
    return out;
  }

  private static int rank(List<String> knownOrder, String name) {
    int i = knownOrder.indexOf(name);
    return i < 0 ? knownOrder.size() : i;
  }

  private static List<Ranking> ranking(Labels labels, Findings findings) {
    List<Ranking> out = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      Collection<Scored> scored = findings.of(kind);
      if (scored.isEmpty()) {
        continue;
      }
      double[] scores = new double[scored.size()];
      boolean[] fraud = new boolean[scored.size()];
      int i = 0;
      long positives = 0;
      for (Scored s : scored) {
        Label l = labels.get(kind, s.id());
        scores[i] = s.score();
        fraud[i] = l != null && l.fraud();
        positives += fraud[i] ? 1 : 0;
        i++;
      }
      long labelled = 0;
      for (Label l : labels.of(kind)) {
        labelled += l.fraud() ? 1 : 0;
      }
      out.add(
          new Ranking(
              kind,
              scored.size(),
              positives,
              labelled - positives,
              RankingMetrics.rocAuc(scores, fraud),
              RankingMetrics.averagePrecision(scores, fraud)));
    }
    return out;
  }
}
