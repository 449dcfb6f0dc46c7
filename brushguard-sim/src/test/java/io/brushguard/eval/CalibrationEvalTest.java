package io.brushguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.brushguard.detect.EntityKind;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationEvalTest {
  @Test
  void isotonic_poolsViolators_intoANonDecreasingStepFunction() {
    double[] s = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    boolean[] y = {false, true, false, false, true, true};
    double[][] k = IsotonicFit.fit(s, y, 1);
    // 0.1 alone (0), then 0.2-0.4 pooled (1/3), then 0.5, 0.6 (1, pooled: same rate)
    assertThat(k[0]).containsExactly(new double[] {0.1, 0.3, 0.55}, within(1e-12));
    assertThat(k[1]).containsExactly(new double[] {0, 1.0 / 3, 1}, within(1e-12));
  }

  @Test
  void isotonic_onRandomData_isMonotone_andKeepsTheOverallRate() {
    Random r = new Random(5);
    int n = 2_000;
    double[] s = new double[n];
    boolean[] y = new boolean[n];
    int frauds = 0;
    for (int i = 0; i < n; i++) {
      s[i] = r.nextDouble();
      y[i] = r.nextDouble() < s[i] * s[i];
      frauds += y[i] ? 1 : 0;
    }
    double[][] k = IsotonicFit.fit(s, y, 50);
    for (int i = 1; i < k[0].length; i++) {
      assertThat(k[0][i]).isGreaterThan(k[0][i - 1]);
      assertThat(k[1][i]).isGreaterThanOrEqualTo(k[1][i - 1]);
    }
    assertThat(k[0].length).isGreaterThan(3);
    // each knot is a block's mean; the blocks' fraud counts add up to the labels'
    assertThat(k[1][k[1].length - 1]).isGreaterThan(0.6);
    assertThat(frauds).isPositive();
    assertThatThrownBy(() -> IsotonicFit.fit(new double[0], new boolean[0], 1))
        .hasMessageContaining("non-zero length");
  }

  @Test
  void reliability_binsByTenths_leavesZeroOut_andAddsUp() {
    Reliability a = new Reliability();
    a.add(EntityKind.ORDER, 0.82, true);
    a.add(EntityKind.ORDER, 0.85, false);
    a.add(EntityKind.ORDER, 0, true);
    a.add(EntityKind.ORDER, 1.0, true);
    Reliability b = new Reliability();
    b.add(EntityKind.ORDER, 0.88, true);
    b.add(a);
    assertThat(b.count(EntityKind.ORDER, 8)).isEqualTo(3);
    assertThat(b.fraudRate(EntityKind.ORDER, 8)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(b.meanScore(EntityKind.ORDER, 8)).isCloseTo(0.85, within(1e-12));
    assertThat(b.count(EntityKind.ORDER, 9)).as("a score of 1 is in the top bin").isEqualTo(1);
    assertThat(b.count(EntityKind.ORDER, 0)).as("score 0 is not a claim").isZero();
    assertThat(b.calibrationError(EntityKind.ORDER))
        .isCloseTo((3 * Math.abs(2.0 / 3 - 0.85) + 0) / 4, within(1e-12));
    assertThat(b.markdown()).contains("| order |").contains("0.67 (3)");
  }

  @Test
  void trainingRows_joinTheReasonsEvidenceWithTheLabels_lastFindingPerEntity() {
    Labels labels =
        LabelsReader.read(
            in(
                """
                {"entity":"order","id":"o1","fraud":true,"tactic":"cashback"}
                {"entity":"order","id":"o2","fraud":false}
                """),
            r -> {});
    List<Reject> rejects = new ArrayList<>();
    List<TrainingRows.Row> rows =
        TrainingRows.read(
            in(
                """
                {"type":"finding","entity":"order","id":"o1","score":0.5,"action":"review",\
                "reasons":[{"code":"CASHBACK","evidence":{"strength":0.5,"origins":1}}]}
                {"type":"finding","entity":"order","id":"o1","score":0.8,"action":"review",\
                "reasons":[{"code":"CASHBACK","evidence":{"strength":0.6,"origins":2}},\
                {"code":"VELOCITY","evidence":{"strength":0.5,"origins":1}}]}
                {"type":"finding","entity":"order","id":"o2","score":0.3,"action":"allow",\
                "reasons":[{"code":"VELOCITY","evidence":{"strength":0.3,"origins":1}}]}
                {"type":"finding","entity":"order","id":"o3","score":0,"action":"allow","reasons":[]}
                {"type":"finding","entity":"order","id":"o4","score":0.3,"action":"allow",\
                "reasons":[{"code":"VELOCITY","evidence":{"strength":3,"origins":1}}]}
                {"type":"summary","events":3}
                """),
            labels,
            rejects::add);
    assertThat(rows)
        .containsExactly(
            new TrainingRows.Row(
                EntityKind.ORDER,
                "o1",
                List.of(
                    new TrainingRows.Code("CASHBACK", 0.6, 2),
                    new TrainingRows.Code("VELOCITY", 0.5, 1)),
                true),
            new TrainingRows.Row(
                EntityKind.ORDER, "o2", List.of(new TrainingRows.Code("VELOCITY", 0.3, 1)), false));
    assertThat(rejects)
        .singleElement()
        .satisfies(r -> assertThat(r.message()).contains("reasons.evidence.strength"));
  }

  private static ByteArrayInputStream in(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
