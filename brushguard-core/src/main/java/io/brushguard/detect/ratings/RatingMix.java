package io.brushguard.detect.ratings;

/**
 * The histograms of BIRDNEST (Hooi et al., SDM 2016): ratings 1..5 and the gaps between an
 * account's consecutive reviews in {@value #GAP_BINS} logarithmic bins, and the G-test of an
 * account's histograms against the population's.
 *
 * <p><b>The test.</b> For an account's counts {@code o} over the bins and the population's shares
 * {@code p}, the account's Dirichlet posterior mean under a prior of {@value #PRIOR} pseudo-counts
 * spread as the population is {@code q = (o + c p) / (n + c)}; its surprise is the log-likelihood
 * ratio {@code G = 2 Σ o ln(q / p)} over both histograms, which under the null (the account rates
 * and times its reviews as the population does) is asymptotically χ² with (5 − 1) + ({@value
 * #GAP_BINS} − 1) = 10 degrees of freedom. With an even number of degrees of freedom the χ² tail is
 * exact in closed form ({@link #chiSquareTail}). The shrinkage makes the test conservative for few
 * reviews.
 */
final class RatingMix {
  static final int GAP_BINS = 7;
  static final double PRIOR = 5;
  static final int DOF = 4 + GAP_BINS - 1;
  private static final long MINUTE = 60_000L;
  private static final long[] GAP_EDGES = {
    10 * MINUTE,
    60 * MINUTE,
    6 * 60 * MINUTE,
    24 * 60 * MINUTE,
    3 * 24 * 60 * MINUTE,
    7 * 24 * 60 * MINUTE
  };

  private RatingMix() {}

  /**
   * The bin of a gap: under 10 min, 1 h, 6 h, 1 day, 3 days, 7 days; the last bin is longer or
   * first.
   */
  static int gapBin(long gapMillis) {
    if (gapMillis < 0) {
      return GAP_BINS - 1;
    }
    for (int i = 0; i < GAP_EDGES.length; i++) {
      if (gapMillis < GAP_EDGES[i]) {
        return i;
      }
    }
    return GAP_BINS - 1;
  }

  /** The G statistic of counts against shares (both parts), shrunk as described. */
  static double g(int[] ratings, int[] gaps, double[] population) {
    return part(ratings, population, 0) + part(gaps, population, 5);
  }

  private static double part(int[] counts, double[] p, int offset) {
    int n = 0;
    for (int c : counts) {
      n += c;
    }
    double g = 0;
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] > 0) {
        double pi = Math.max(p[offset + i], 1e-4);
        double q = (counts[i] + PRIOR * pi) / (n + PRIOR);
        g += 2 * counts[i] * Math.log(q / pi);
      }
    }
    return g;
  }

  /** {@code P(χ²_k > x)} for even {@code k}: {@code e^(-x/2) Σ_{j < k/2} (x/2)^j / j!}. */
  static double chiSquareTail(double x, int k) {
    if (k % 2 != 0 || k <= 0) {
      throw new IllegalArgumentException("even degrees of freedom only, was " + k);
    }
    if (x <= 0) {
      return 1;
    }
    double half = x / 2;
    double term = 1;
    double sum = 1;
    for (int j = 1; j < k / 2; j++) {
      term *= half / j;
      sum += term;
    }
    return Math.min(1, Math.exp(-half + Math.log(sum)));
  }
}
