package io.brushguard.eval;

import io.brushguard.decide.Action;
import io.brushguard.detect.EntityKind;
import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing findings with labels. "Flagged" means action {@code review} or {@code
 * block}. Rates that divide by zero are {@code NaN} (shown as "-" or {@code null}).
 *
 * @param inputs what was read
 * @param kinds precision and recall per entity kind that was labelled, flagged or scored
 * @param all the same, summed over kinds (micro-average)
 * @param tactics recall per fraud tactic: fraud entities of the tactic flagged ÷ labelled
 * @param traps false positives per trap: trap entities flagged ÷ trap entities
 * @param victims every labelled victim and what the system did to it
 * @param ranking ROC AUC and average precision per kind; empty unless the findings score every
 *     entity ({@link Inputs#scoresEveryEntity})
 */
public record EvaluationReport(
    Inputs inputs,
    List<KindScore> kinds,
    KindScore all,
    List<Group> tactics,
    List<Group> traps,
    List<Victim> victims,
    List<Ranking> ranking) {

  public EvaluationReport {
    kinds = List.copyOf(kinds);
    tactics = List.copyOf(tactics);
    traps = List.copyOf(traps);
    victims = List.copyOf(victims);
    ranking = List.copyOf(ranking);
  }

  /**
   * @param labels labels read
   * @param labelsRejected malformed label lines
   * @param findings entities with a finding
   * @param findingsRejected malformed finding lines
   * @param findingsSuperseded findings replaced by a later one on the same entity
   * @param scoresEveryEntity whether the findings include allowed entities ({@code --all-scores})
   */
  public record Inputs(
      long labels,
      long labelsRejected,
      long findings,
      long findingsRejected,
      long findingsSuperseded,
      boolean scoresEveryEntity) {}

  /**
   * Confusion counts for one entity kind (or all).
   *
   * @param name the entity kind's wire name, or {@code all}
   * @param labelled fraud-labelled entities
   * @param flagged entities flagged
   * @param truePositives flagged and fraud
   */
  public record KindScore(String name, long labelled, long flagged, long truePositives) {
    public long falsePositives() {
      return flagged - truePositives;
    }

    public long falseNegatives() {
      return labelled - truePositives;
    }

    public double precision() {
      return ratio(truePositives, flagged);
    }

    public double recall() {
      return ratio(truePositives, labelled);
    }

    /** Harmonic mean of precision and recall; 0 when both are 0, NaN when either is undefined. */
    public double f1() {
      double p = precision();
      double r = recall();
      if (Double.isNaN(p) || Double.isNaN(r)) {
        return Double.NaN;
      }
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /**
   * A count of entities and how many of them were flagged.
   *
   * @param flagged entities flagged
   * @param of entities counted
   */
  public record Tally(long flagged, long of) {
    public double rate() {
      return ratio(flagged, of);
    }

    Tally plus(boolean isFlagged) {
      return new Tally(flagged + (isFlagged ? 1 : 0), of + 1);
    }
  }

  /**
   * Entities sharing a tactic or a trap, per kind and overall.
   *
   * @param name the tactic or trap
   * @param byKind tallies for the kinds that have such entities
   * @param all the tally over all kinds
   */
  public record Group(String name, Map<EntityKind, Tally> byKind, Tally all) {
    public Group {
      byKind = Map.copyOf(byKind);
    }
  }

  /**
   * A victim of someone else's fraud and what the system did to it.
   *
   * @param tactic the tactic it fell to, or {@code null}
   * @param action the action of its finding ({@code allow} when there was none)
   * @param score the score of its finding, or NaN when there was none
   */
  public record Victim(EntityKind entity, String id, String tactic, Action action, double score) {
    /** Whether the system flagged the victim (action {@code review} or {@code block}). */
    public boolean penalised() {
      return action != Action.ALLOW;
    }
  }

  /**
   * Threshold-free ranking quality for one entity kind, over the entities that have a score.
   *
   * @param scored entities of the kind with a finding
   * @param fraud fraud entities among them
   * @param fraudUnscored fraud-labelled entities of the kind without a finding (not in the measure)
   * @param rocAuc ROC AUC (Mann-Whitney, ties count one half)
   * @param averagePrecision step-wise average precision
   */
  public record Ranking(
      EntityKind entity,
      long scored,
      long fraud,
      long fraudUnscored,
      double rocAuc,
      double averagePrecision) {}

  static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
