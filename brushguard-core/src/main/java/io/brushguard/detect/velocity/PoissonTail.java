package io.brushguard.detect.velocity;

/**
 * The upper tail of the Poisson distribution, {@code P(X ≥ k)} for {@code X ~ Poisson(μ)}: the
 * chance of seeing at least {@code k} events where {@code μ} were expected.
 *
 * <p>Summed from {@code k} upwards in log space ({@code ln P(X = j) = -μ + j ln μ - ln j!}), so a
 * tail of 10⁻³⁰ is as exact as one of 0.1; at most 400 terms, each smaller than the last once
 * {@code j > μ}.
 */
final class PoissonTail {
  private static final double[] LN_FACTORIAL = new double[1024];

  static {
    for (int i = 1; i < LN_FACTORIAL.length; i++) {
      LN_FACTORIAL[i] = LN_FACTORIAL[i - 1] + Math.log(i);
    }
  }

  private PoissonTail() {}

  /** {@code P(X ≥ k)} for {@code X ~ Poisson(mu)}; 1 for {@code k ≤ 0}. */
  static double atLeast(int k, double mu) {
    if (k <= 0) {
      return 1;
    }
    if (mu <= 0) {
      return 0;
    }
    if (mu > k) {
      // the bulk lies below k: 1 - P(X < k), summed downwards from k - 1
      double below = 0;
      for (int j = k - 1; j >= 0; j--) {
        below += Math.exp(-mu + j * Math.log(mu) - lnFactorial(j));
      }
      return Math.max(0, Math.min(1, 1 - below));
    }
    double sum = 0;
    double lnMu = Math.log(mu);
    for (int j = k; j < k + 400; j++) {
      double term = Math.exp(-mu + j * lnMu - lnFactorial(j));
      sum += term;
      if (term < sum * 1e-12) {
        break;
      }
    }
    return Math.min(1, sum);
  }

  private static double lnFactorial(int n) {
    if (n < LN_FACTORIAL.length) {
      return LN_FACTORIAL[n];
    }
    double x = n + 1; // Stirling for ln Γ(x)
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
  }
}
