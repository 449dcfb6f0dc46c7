package io.brushguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void auc_perfectInvertedAndAllTied() {
    assertThat(RankingMetrics.rocAuc(d(0.9, 0.8, 0.1), b(T, T, F))).isEqualTo(1.0);
    assertThat(RankingMetrics.rocAuc(d(0.1, 0.2, 0.9), b(T, T, F))).isEqualTo(0.0);
    assertThat(RankingMetrics.rocAuc(d(0.5, 0.5, 0.5, 0.5), b(T, F, F, T))).isEqualTo(0.5);
  }

  @Test
  void auc_tieBetweenFraudAndGenuine_countsOneHalf() {
    // pairs (fraud, genuine): (0.8,0.5)=1 (0.8,0.2)=1 (0.5,0.5)=½ (0.5,0.2)=1 → 3.5 / 4
    assertThat(RankingMetrics.rocAuc(d(0.8, 0.5, 0.5, 0.2), b(T, T, F, F))).isEqualTo(0.875);
  }

  @Test
  void auc_oneClassOnly_undefined() {
    assertThat(RankingMetrics.rocAuc(d(0.8, 0.5), b(T, T))).isNaN();
    assertThat(RankingMetrics.rocAuc(d(0.8, 0.5), b(F, F))).isNaN();
    assertThat(RankingMetrics.rocAuc(d(), b())).isNaN();
  }

  @Test
  void averagePrecision_scikitLearnDocExample() {
    // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
    assertThat(RankingMetrics.averagePrecision(d(0.1, 0.4, 0.35, 0.8), b(F, F, T, T)))
        .isCloseTo(5 / 6.0, within(1e-12));
  }

  @Test
  void averagePrecision_tiedGroupEntersTogether() {
    // at 0.5: recall ½, precision ½ (one fraud, one genuine tied); at 0.2: recall 1, precision ⅔
    assertThat(RankingMetrics.averagePrecision(d(0.5, 0.5, 0.2), b(T, F, T)))
        .isCloseTo(0.5 * 0.5 + 0.5 * 2 / 3.0, within(1e-12));
  }

  @Test
  void averagePrecision_perfectIsOneAndNoFraudUndefined() {
    assertThat(RankingMetrics.averagePrecision(d(0.9, 0.8, 0.1, 0.0), b(T, T, F, F)))
        .isEqualTo(1.0);
    assertThat(RankingMetrics.averagePrecision(d(0.9, 0.8), b(F, F))).isNaN();
  }

  @Test
  void averagePrecision_everythingTied_isTheFraudShare() {
    assertThat(RankingMetrics.averagePrecision(d(0, 0, 0, 0), b(T, F, F, F))).isEqualTo(0.25);
  }

  /** Against the definitions computed the slow way, on random scores with many ties. */
  @RepeatedTest(50)
  void bothMetrics_matchBruteForce(RepetitionInfo rep) {
    Random random = new Random(rep.getCurrentRepetition());
    int n = 1 + random.nextInt(60);
    double[] scores = new double[n];
    boolean[] fraud = new boolean[n];
    for (int i = 0; i < n; i++) {
      scores[i] = random.nextInt(8) / 7.0;
      fraud[i] = random.nextInt(3) == 0;
    }

    assertThat(RankingMetrics.rocAuc(scores, fraud))
        .isCloseTo(bruteAuc(scores, fraud), within(1e-12));
    assertThat(RankingMetrics.averagePrecision(scores, fraud))
        .isCloseTo(bruteAp(scores, fraud), within(1e-12));
  }

  private static double bruteAuc(double[] s, boolean[] y) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (y[i] && !y[j]) {
          pairs++;
          wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    return pairs == 0 ? Double.NaN : wins / pairs;
  }

  /**
   * Σ over each distinct threshold t (high to low) of (R(t) − R(prev)) · P(t), with ≥ t flagged.
   */
  private static double bruteAp(double[] s, boolean[] y) {
    long p = 0;
    for (boolean f : y) {
      p += f ? 1 : 0;
    }
    if (p == 0) {
      return Double.NaN;
    }
    double[] thresholds = java.util.Arrays.stream(s).distinct().sorted().toArray();
    double ap = 0;
    double prevRecall = 0;
    for (int k = thresholds.length - 1; k >= 0; k--) {
      long tp = 0;
      long flagged = 0;
      for (int i = 0; i < s.length; i++) {
        if (s[i] >= thresholds[k]) {
          flagged++;
          tp += y[i] ? 1 : 0;
        }
      }
      double recall = (double) tp / p;
      ap += (recall - prevRecall) * tp / flagged;
      prevRecall = recall;
    }
    return ap;
  }

  private static double[] d(double... v) {
    return v;
  }

  private static boolean[] b(boolean... v) {
    return v;
  }
}
