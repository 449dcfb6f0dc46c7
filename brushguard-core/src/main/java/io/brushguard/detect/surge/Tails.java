package io.brushguard.detect.surge;

/**
 * Upper tail probabilities of the two predictive distributions the surge test uses, computed in log
 * space so that tails down to 1e-300 stay exact enough to compare with a threshold.
 *
 * <ul>
 *   <li>{@link #negativeBinomial}: the count in a window whose Poisson rate is itself uncertain,
 *       Gamma-distributed after the key's own history (the Poisson–Gamma predictive).
 *   <li>{@link #betaBinomial}: how many of {@code n} orders are of one kind when the kind's share
 *       is Beta-distributed after the key's own history.
 * </ul>
 *
 * <p>Both sum the probability mass from the observed value upward until the terms no longer add to
 * the sum (they fall geometrically past the mode), so a call costs a few log-gamma evaluations.
 * Log-gamma is the Lanczos approximation (g = 7, 9 terms; relative error below 1e-13), written out
 * here to keep the core free of a numerics dependency for one function.
 */
final class Tails {
  private Tails() {}

  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** ln Γ(x) for x > 0. */
  static double logGamma(double x) {
    if (x < 0.5) {
      // reflection: Γ(x) Γ(1 - x) = π / sin(πx)
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = LANCZOS[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (x + i);
    }
    return HALF_LOG_TWO_PI + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }

  /**
   * P(X ≥ k) for X negative-binomial with shape {@code r} > 0 and success probability {@code p} in
   * (0, 1): P(X = j) = Γ(j + r) / (Γ(r) j!) p^r (1 - p)^j, mean r (1 - p) / p.
   */
  static double negativeBinomial(long k, double r, double p) {
    if (k <= 0) {
      return 1;
    }
    double mean = r * (1 - p) / p;
    if (k <= mean) {
      return 1; // not in the upper tail; callers only compare with small thresholds
    }
    double logQ = Math.log1p(-p);
    double logTerm = logGamma(k + r) - logGamma(r) - logGamma(k + 1.0) + r * Math.log(p) + k * logQ;
    double term = 1;
    double sum = 1;
    // terms relative to the first: ratio (j + r) / (j + 1) * (1 - p) < 1 past the mode
    for (long j = k; j < k + 100_000; j++) {
      term *= (j + r) / (j + 1) * (1 - p);
      sum += term;
      if (term < sum * 1e-12) {
        break;
      }
    }
    return Math.min(1, Math.exp(logTerm + Math.log(sum)));
  }

  /**
   * P(X ≥ k) for X beta-binomial: {@code n} trials whose success probability is Beta({@code a},
   * {@code b}) distributed, a, b > 0.
   */
  static double betaBinomial(long k, long n, double a, double b) {
    if (k <= 0) {
      return 1;
    }
    if (k > n) {
      return 0;
    }
    if (k <= n * a / (a + b)) {
      return 1; // not in the upper tail
    }
    double logTerm =
        logGamma(n + 1.0)
            - logGamma(k + 1.0)
            - logGamma(n - k + 1.0)
            + logGamma(k + a)
            + logGamma(n - k + b)
            - logGamma(n + a + b)
            - (logGamma(a) + logGamma(b) - logGamma(a + b));
    double term = 1;
    double sum = 1;
    // P(j + 1) / P(j) = (n - j) / (j + 1) * (j + a) / (n - j - 1 + b)
    for (long j = k; j < n; j++) {
      term *= (double) (n - j) / (j + 1) * (j + a) / (n - j - 1 + b);
      sum += term;
      if (term < sum * 1e-12) {
        break;
      }
    }
    return Math.min(1, Math.exp(logTerm + Math.log(sum)));
  }

  /** P(X ≥ k) for X Poisson with mean {@code mean} > 0. */
  static double poisson(long k, double mean) {
    if (k <= 0) {
      return 1;
    }
    if (k <= mean) {
      return 1; // not in the upper tail
    }
    double logTerm = -mean + k * Math.log(mean) - logGamma(k + 1.0);
    double term = 1;
    double sum = 1;
    for (long j = k; j < k + 100_000; j++) {
      term *= mean / (j + 1);
      sum += term;
      if (term < sum * 1e-12) {
        break;
      }
    }
    return Math.min(1, Math.exp(logTerm + Math.log(sum)));
  }
}
