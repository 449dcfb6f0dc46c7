package io.brushguard.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Isotonic regression of fraud on score by pool-adjacent-violators (Barlow et al., 1972; Zadrozny
 * and Elkan, "Transforming classifier scores into accurate multiclass probability estimates", KDD
 * 2002): the non-decreasing step function of score that best fits the labels in squared error. The
 * steps become knots {@code (mean score, fraud share)} of a piecewise-linear calibration, after
 * pooling blocks smaller than {@code minBlock} entities with their neighbour so that no knot rests
 * on a handful. Running time O(n log n) for the sort, O(n) for the pooling.
 */
public final class IsotonicFit {
  private IsotonicFit() {}

  /**
   * The knots {@code {scores, rates}}: scores strictly increasing, rates non-decreasing.
   *
   * @throws IllegalArgumentException when the arrays differ in length or are empty
   */
  public static double[][] fit(double[] scores, boolean[] fraud, int minBlock) {
    if (scores.length != fraud.length || scores.length == 0) {
      throw new IllegalArgumentException("scores and labels: same non-zero length needed");
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    // blocks: sum of scores, sum of labels, count; equal scores start in one block
    List<double[]> blocks = new ArrayList<>();
    for (int idx : order) {
      double[] last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
      if (last != null && last[0] / last[2] == scores[idx]) {
        last[0] += scores[idx];
        last[1] += fraud[idx] ? 1 : 0;
        last[2]++;
      } else {
        blocks.add(new double[] {scores[idx], fraud[idx] ? 1 : 0, 1});
      }
      pool(blocks, 0);
    }
    // small blocks join a neighbour (then order is restored by pooling again)
    for (int i = 0; i < blocks.size() && blocks.size() > 1; ) {
      if (blocks.get(i)[2] < minBlock) {
        int j = i == blocks.size() - 1 ? i - 1 : i;
        merge(blocks, j);
        i = Math.max(0, j - 1);
      } else {
        i++;
      }
    }
    double[] x = new double[blocks.size()];
    double[] y = new double[blocks.size()];
    for (int i = 0; i < x.length; i++) {
      double[] b = blocks.get(i);
      x[i] = b[0] / b[2];
      y[i] = b[1] / b[2];
    }
    return new double[][] {x, y};
  }

  /** Merges the last block backwards while it violates the order. */
  private static void pool(List<double[]> blocks, int unused) {
    while (blocks.size() > 1) {
      double[] b = blocks.get(blocks.size() - 1);
      double[] a = blocks.get(blocks.size() - 2);
      if (a[1] / a[2] < b[1] / b[2]) {
        return;
      }
      merge(blocks, blocks.size() - 2);
    }
  }

  /** Merges block {@code i} with block {@code i + 1}. */
  private static void merge(List<double[]> blocks, int i) {
    double[] a = blocks.get(i);
    double[] b = blocks.remove(i + 1);
    a[0] += b[0];
    a[1] += b[1];
    a[2] += b[2];
  }
}
