package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * Draws an index with probability proportional to its weight in O(1): Walker's alias method (Walker
 * 1977; Vose 1991, "A linear algorithm for generating random numbers with a given distribution").
 * Space: 8 bytes per index. Zero weights are never drawn.
 */
final class AliasTable {
  private final double[] probability;
  private final int[] alias;

  AliasTable(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("no weights");
    }
    double total = 0;
    for (double w : weights) {
      if (w < 0 || Double.isNaN(w)) {
        throw new IllegalArgumentException("weights must be non-negative, was " + w);
      }
      total += w;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights must not all be zero");
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    while (largeCount > 0) {
      probability[large[--largeCount]] = 1;
    }
    int anyPositive = 0;
    while (weights[anyPositive] == 0) {
      anyPositive++;
    }
    while (smallCount > 0) {
      // Only rounding leaves entries here; a zero weight must stay undrawable.
      int s = small[--smallCount];
      probability[s] = weights[s] > 0 ? 1 : 0;
      alias[s] = weights[s] > 0 ? s : anyPositive;
    }
  }

  int size() {
    return probability.length;
  }

  int next(SplittableRandom rnd) {
    int i = rnd.nextInt(probability.length);
    return rnd.nextDouble() < probability[i] ? i : alias[i];
  }
}
