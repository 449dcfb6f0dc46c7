package io.brushguard.eval;

import java.util.Arrays;

/**
 * Threshold-free measures of how well scores rank fraud above genuine entities.
 *
 * <ul>
 *   <li>ROC AUC by the Mann-Whitney U statistic: the probability that a random fraud entity scores
 *       above a random genuine one, ties counting one half.
 *   <li>Average precision as the step-wise sum {@code Σ (R_k − R_{k−1}) · P_k} over the distinct
 *       scores from high to low, entities with equal scores entering together (as scikit-learn's
 *       {@code average_precision_score}); no interpolation.
 * </ul>
 *
 * <p>Both walk the distinct scores from high to low with the number of fraud and genuine entities
 * at each. Time O(n log n) for the sort, space O(n) primitives. Both are undefined ({@code NaN})
 * without at least one fraud entity; AUC also needs at least one genuine one.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** ROC AUC of {@code scores} against {@code fraud}; NaN unless both classes are present. */
  public static double rocAuc(double[] scores, boolean[] fraud) {
    Split s = Split.of(scores, fraud);
    long p = s.fraud.length;
    long n = s.genuine.length;
    if (p == 0 || n == 0) {
      return Double.NaN;
    }
    // For each group of equal scores: its fraud entities beat every genuine one below and tie
    // with the genuine ones beside them.
    double wins = 0;
    long genuineAbove = 0;
    int i = s.fraud.length - 1;
    int j = s.genuine.length - 1;
    while (i >= 0 || j >= 0) {
      double v = Math.max(top(s.fraud, i), top(s.genuine, j));
      long pos = 0;
      long neg = 0;
      while (i >= 0 && s.fraud[i] == v) {
        pos++;
        i--;
      }
      while (j >= 0 && s.genuine[j] == v) {
        neg++;
        j--;
      }
      long genuineBelow = n - genuineAbove - neg;
      wins += pos * (genuineBelow + neg / 2.0);
      genuineAbove += neg;
    }
    return wins / ((double) p * n);
  }

  /** Average precision of {@code scores} against {@code fraud}; NaN without a fraud entity. */
  public static double averagePrecision(double[] scores, boolean[] fraud) {
    Split s = Split.of(scores, fraud);
    long p = s.fraud.length;
    if (p == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long seen = 0;
    long hits = 0;
    int i = s.fraud.length - 1;
    int j = s.genuine.length - 1;
    while (i >= 0) { // below the last fraud entity recall stops rising
      double v = Math.max(s.fraud[i], top(s.genuine, j));
      long pos = 0;
      while (i >= 0 && s.fraud[i] == v) {
        pos++;
        i--;
      }
      while (j >= 0 && s.genuine[j] == v) {
        seen++;
        j--;
      }
      seen += pos;
      hits += pos;
      if (pos > 0) {
        ap += ((double) pos / p) * ((double) hits / seen);
      }
    }
    return ap;
  }

  private static double top(double[] sorted, int i) {
    return i >= 0 ? sorted[i] : Double.NEGATIVE_INFINITY;
  }

  /** Scores split by class, each sorted ascending. */
  private record Split(double[] fraud, double[] genuine) {
    static Split of(double[] scores, boolean[] isFraud) {
      if (scores.length != isFraud.length) {
        throw new IllegalArgumentException("scores and labels differ in length");
      }
      int p = 0;
      for (boolean f : isFraud) {
        p += f ? 1 : 0;
      }
      double[] fraud = new double[p];
      double[] genuine = new double[scores.length - p];
      int fi = 0;
      int gi = 0;
      for (int k = 0; k < scores.length; k++) {
        double v = scores[k];
        if (Double.isNaN(v)) {
          throw new IllegalArgumentException("score " + k + " is NaN");
        }
        v = v == 0 ? 0 : v; // -0.0 and 0.0 are one score
        if (isFraud[k]) {
          fraud[fi++] = v;
        } else {
          genuine[gi++] = v;
        }
      }
      Arrays.sort(fraud);
      Arrays.sort(genuine);
      return new Split(fraud, genuine);
    }
  }
}
