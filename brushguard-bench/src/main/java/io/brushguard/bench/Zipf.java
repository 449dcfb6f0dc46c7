package io.brushguard.bench;

import java.util.Arrays;

/**
 * Draws ranks {@code 0..n-1} with probability proportional to {@code 1 / (rank + q)^s}: rank 0 is
 * the most popular. Inverse-CDF sampling by binary search; space: one double per rank.
 */
final class Zipf {
  private final double[] cdf;

  Zipf(int n, double s, double q) {
    cdf = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + q, s);
      cdf[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
  }

  /** The rank for a uniform draw {@code u} in [0, 1). */
  int rank(double u) {
    int r = Arrays.binarySearch(cdf, u);
    r = r < 0 ? -r - 1 : r;
    return Math.min(r, cdf.length - 1);
  }
}
