package io.brushguard.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

  @Test
  void text_alignedTablesWithEverySection() {
    String text =
        ReportText.render(
            EvaluationTest.evaluate(EvaluationTest.LABELS, EvaluationTest.ALL_SCORES));

    assertThat(text)
        .contains("Labels: 14 read. Findings: 18 entities; every entity scored.")
        .contains("  entity   labelled  flagged  TP  FP  FN  precision  recall     F1")
        .contains("  order           5        5   3   2   2      0.600   0.600  0.600")
        .contains("  review          1        0   0   0   1          -   0.000      -")
        .contains("  all             8        9   5   4   3      0.556   0.625  0.588")
        .contains("  tactic            order  review  account  shop  all  recall")
        .contains("  concentration       3/4       -      1/1   1/1  5/6   0.833")
        .contains("  trap            order  account  all  FP rate")
        .contains("  dorm                -      1/2  1/2    0.500")
        .contains("2 labelled, 1 penalised")
        .contains("  shop    s5  review  reverse_brushing  0.700")
        .contains("  order         9      5               0    0.750          0.844");
  }

  @Test
  void text_withoutAllScores_saysRankingNeedsThem() {
    String text =
        ReportText.render(EvaluationTest.evaluate(EvaluationTest.LABELS, EvaluationTest.FLAGGED));

    assertThat(text).contains("flagged entities only").contains("scan --all-scores");
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_oneDocumentWithTheSameFigures() {
    String json =
        ReportJson.render(
            EvaluationTest.evaluate(EvaluationTest.LABELS, EvaluationTest.ALL_SCORES));

    assertThat(json).doesNotContain("\n");
    Map<String, Object> doc = (Map<String, Object>) StrictJson.parse(json);
    assertThat((Map<String, Object>) doc.get("inputs"))
        .containsEntry("labels", 14.0)
        .containsEntry("all_scores", true);
    List<Map<String, Object>> entities = (List<Map<String, Object>>) doc.get("entities");
    assertThat(entities.get(0))
        .containsEntry("entity", "order")
        .containsEntry("tp", 3.0)
        .containsEntry("fp", 2.0)
        .containsEntry("precision", 0.6);
    assertThat(entities.get(1)).containsEntry("precision", null);
    Map<String, Object> concentration = ((List<Map<String, Object>>) doc.get("tactics")).get(1);
    assertThat(concentration)
        .containsEntry("tactic", "concentration")
        .containsEntry("labelled", 6.0)
        .containsEntry("flagged", 5.0)
        .containsEntry("recall", 0.8333);
    assertThat((Map<String, Object>) concentration.get("by_entity"))
        .containsEntry("order", Map.of("labelled", 4.0, "flagged", 3.0, "recall", 0.75));
    Map<String, Object> dorm = ((List<Map<String, Object>>) doc.get("traps")).get(0);
    assertThat(dorm).containsEntry("entities", 2.0).containsEntry("fp_rate", 0.5);
    Map<String, Object> victims = (Map<String, Object>) doc.get("victims");
    assertThat(victims.get("labelled")).isEqualTo(2.0);
    assertThat((List<Map<String, Object>>) victims.get("penalised"))
        .singleElement()
        .satisfies(v -> assertThat(v).containsEntry("id", "s5").containsEntry("action", "review"));
    Map<String, Object> orderRanking = ((List<Map<String, Object>>) doc.get("ranking")).get(0);
    assertThat(orderRanking)
        .containsEntry("roc_auc", 0.75)
        .containsEntry("average_precision", 0.8444);
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_withoutAllScores_rankingIsNull() {
    String json =
        ReportJson.render(EvaluationTest.evaluate(EvaluationTest.LABELS, EvaluationTest.FLAGGED));

    Map<String, Object> doc = (Map<String, Object>) StrictJson.parse(json);
    assertThat(doc).containsEntry("ranking", null);
  }
}
