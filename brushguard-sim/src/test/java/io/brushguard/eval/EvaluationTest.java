package io.brushguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.brushguard.decide.Action;
import io.brushguard.detect.EntityKind;
import io.brushguard.eval.EvaluationReport.Group;
import io.brushguard.eval.EvaluationReport.KindScore;
import io.brushguard.eval.EvaluationReport.Ranking;
import io.brushguard.eval.EvaluationReport.Tally;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small market with known answers, worked by hand in the comments. */
class EvaluationTest {
  static final String LABELS =
      """
      {"entity":"order","id":"o1","fraud":true,"tactic":"concentration"}
      {"entity":"order","id":"o2","fraud":true,"tactic":"concentration"}
      {"entity":"order","id":"o3","fraud":true,"tactic":"concentration"}
      {"entity":"order","id":"o4","fraud":true,"tactic":"concentration"}
      {"entity":"order","id":"o5","fraud":true,"tactic":"cashback"}
      {"entity":"order","id":"o6","fraud":false,"trap":"loyal_customer"}
      {"entity":"account","id":"u1","fraud":true,"tactic":"concentration"}
      {"entity":"account","id":"u2","fraud":false,"trap":"dorm"}
      {"entity":"account","id":"u3","fraud":false,"trap":"dorm"}
      {"entity":"account","id":"u4","fraud":false,"trap":"family_device"}
      {"entity":"shop","id":"s1","fraud":true,"tactic":"concentration"}
      {"entity":"shop","id":"s5","fraud":false,"victim":true,"tactic":"reverse_brushing"}
      {"entity":"shop","id":"s6","fraud":false,"victim":true,"tactic":"reverse_brushing"}
      {"entity":"review","id":"r1","fraud":true,"tactic":"templated_praise"}
      """;

  /** What a scan writes by default: flagged entities only. */
  static final String FLAGGED =
      """
      {"type":"finding","entity":"order","id":"o1","score":0.7,"action":"review","reasons":[]}
      {"type":"finding","entity":"order","id":"o2","score":0.7,"action":"review","reasons":[]}
      {"type":"finding","entity":"order","id":"o3","score":0.95,"action":"block","reasons":[]}
      {"type":"finding","entity":"order","id":"o6","score":0.6,"action":"review","reasons":[]}
      {"type":"finding","entity":"order","id":"o9","score":0.6,"action":"review","reasons":[]}
      {"type":"finding","entity":"account","id":"u1","score":0.6,"action":"review","reasons":[]}
      {"type":"finding","entity":"account","id":"u2","score":0.6,"action":"review","reasons":[]}
      {"type":"finding","entity":"shop","id":"s1","score":0.8,"action":"review","reasons":[]}
      {"type":"finding","entity":"shop","id":"s5","score":0.7,"action":"review","reasons":[]}
      {"type":"summary","events":100,"rejected":0,"seconds":0.1,"findings":9,"rings":0}
      """;

  /** The same run with --all-scores: allowed entities too. */
  static final String ALL_SCORES =
      FLAGGED
          + """
          {"type":"finding","entity":"order","id":"o4","score":0,"action":"allow","reasons":[]}
          {"type":"finding","entity":"order","id":"o5","score":0.2,"action":"allow","reasons":[]}
          {"type":"finding","entity":"order","id":"o7","score":0,"action":"allow","reasons":[]}
          {"type":"finding","entity":"order","id":"o8","score":0,"action":"allow","reasons":[]}
          {"type":"finding","entity":"account","id":"u3","score":0,"action":"allow","reasons":[]}
          {"type":"finding","entity":"account","id":"u4","score":0,"action":"allow","reasons":[]}
          {"type":"finding","entity":"review","id":"r1","score":0,"action":"allow","reasons":[]}
          {"type":"finding","entity":"review","id":"r2","score":0,"action":"allow","reasons":[]}
          {"type":"finding","entity":"shop","id":"s6","score":0.3,"action":"allow","reasons":[]}
          """;

  static EvaluationReport evaluate(String labels, String findings) {
    List<Reject> rejects = new ArrayList<>();
    Labels l = LabelsReader.read(stream(labels), rejects::add);
    Findings f = FindingsReader.read(stream(findings), rejects::add);
    assertThat(rejects).isEmpty();
    return Evaluation.evaluate(l, f);
  }

  static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void perKind_precisionRecallF1() {
    EvaluationReport r = evaluate(LABELS, FLAGGED);

    // order: fraud o1..o5, flagged o1 o2 o3 o6 o9 → TP 3, FP 2, FN 2
    assertThat(r.kinds())
        .containsExactly(
            new KindScore("order", 5, 5, 3),
            new KindScore("review", 1, 0, 0),
            new KindScore("account", 1, 2, 1),
            new KindScore("shop", 1, 2, 1));
    KindScore order = r.kinds().get(0);
    assertThat(order.falsePositives()).isEqualTo(2);
    assertThat(order.falseNegatives()).isEqualTo(2);
    assertThat(order.precision()).isEqualTo(0.6);
    assertThat(order.recall()).isEqualTo(0.6);
    assertThat(order.f1()).isCloseTo(0.6, within(1e-12));
    KindScore account = r.kinds().get(2);
    assertThat(account.precision()).isEqualTo(0.5);
    assertThat(account.recall()).isEqualTo(1.0);
    assertThat(account.f1()).isCloseTo(2 / 3.0, within(1e-12));
    KindScore review = r.kinds().get(1);
    assertThat(review.precision()).isNaN(); // nothing flagged
    assertThat(review.recall()).isZero();
    assertThat(review.f1()).isNaN();
    assertThat(r.all()).isEqualTo(new KindScore("all", 8, 9, 5));
  }

  @Test
  void perTactic_recallPerKindAndOverall_inTheSimulatorsOrder() {
    EvaluationReport r = evaluate(LABELS, FLAGGED);

    assertThat(r.tactics())
        .extracting(Group::name)
        .containsExactly("templated_praise", "concentration", "cashback");
    Group concentration = r.tactics().get(1);
    assertThat(concentration.byKind())
        .isEqualTo(
            Map.of(
                EntityKind.ORDER, new Tally(3, 4),
                EntityKind.ACCOUNT, new Tally(1, 1),
                EntityKind.SHOP, new Tally(1, 1)));
    assertThat(concentration.all()).isEqualTo(new Tally(5, 6));
    assertThat(r.tactics().get(2).all().rate()).isZero();
  }

  @Test
  void perTrap_falsePositiveRate() {
    EvaluationReport r = evaluate(LABELS, FLAGGED);

    assertThat(r.traps())
        .extracting(Group::name, Group::all)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("dorm", new Tally(1, 2)),
            org.assertj.core.groups.Tuple.tuple("family_device", new Tally(0, 1)),
            org.assertj.core.groups.Tuple.tuple("loyal_customer", new Tally(1, 1)));
    assertThat(r.traps().get(0).all().rate()).isEqualTo(0.5);
  }

  @Test
  void victims_penalisedOnesListed() {
    EvaluationReport r = evaluate(LABELS, FLAGGED);

    assertThat(r.victims()).hasSize(2);
    assertThat(r.victims().stream().filter(EvaluationReport.Victim::penalised))
        .containsExactly(
            new EvaluationReport.Victim(
                EntityKind.SHOP, "s5", "reverse_brushing", Action.REVIEW, 0.7));
    assertThat(r.victims().get(1).action()).isEqualTo(Action.ALLOW);
    assertThat(r.victims().get(1).score()).isNaN();
  }

  @Test
  void ranking_onlyWhenEveryEntityIsScored() {
    assertThat(evaluate(LABELS, FLAGGED).ranking()).isEmpty();
    assertThat(evaluate(LABELS, FLAGGED).inputs().scoresEveryEntity()).isFalse();

    EvaluationReport r = evaluate(LABELS, ALL_SCORES);

    assertThat(r.inputs().scoresEveryEntity()).isTrue();
    assertThat(r.ranking())
        .extracting(Ranking::entity)
        .containsExactly(EntityKind.ORDER, EntityKind.REVIEW, EntityKind.ACCOUNT, EntityKind.SHOP);
    Ranking order = r.ranking().get(0);
    assertThat(order.scored()).isEqualTo(9);
    assertThat(order.fraud()).isEqualTo(5);
    assertThat(order.fraudUnscored()).isZero();
    // fraud .95 .7 .7 .2 0 vs genuine .6 .6 0 0: wins 4+4+4+2+½·2 = 15 of 20
    assertThat(order.rocAuc()).isEqualTo(0.75);
    // steps: .95 → R⅕ P1; .7 → R⅗ P1; .2 → R⅘ P4/6; 0 → R1 P5/9
    assertThat(order.averagePrecision())
        .isCloseTo(0.2 + 0.4 + 0.2 * 4 / 6 + 0.2 * 5 / 9, within(1e-12));
    Ranking review = r.ranking().get(1);
    assertThat(review.rocAuc()).isEqualTo(0.5); // r1 and r2 tied at 0
    assertThat(review.averagePrecision()).isEqualTo(0.5);
    // counts do not change with the extra allowed findings
    assertThat(r.kinds()).isEqualTo(evaluate(LABELS, FLAGGED).kinds());
  }

  @Test
  void ranking_fraudWithoutAFinding_countedAsUnscored() {
    EvaluationReport r =
        evaluate(
            LABELS,
            """
            {"type":"finding","entity":"order","id":"o1","score":0.7,"action":"review"}
            {"type":"finding","entity":"order","id":"o7","score":0,"action":"allow"}
            """);

    Ranking order = r.ranking().get(0);
    assertThat(order.scored()).isEqualTo(2);
    assertThat(order.fraud()).isEqualTo(1);
    assertThat(order.fraudUnscored()).isEqualTo(4);
    assertThat(order.rocAuc()).isEqualTo(1.0);
  }
}
