package io.brushguard.detect.scripted;

import java.util.List;

/**
 * The test of one account's browsing times against the population's spread: how unlikely it is that
 * a genuine account's tasks are as close to each other as these.
 *
 * <p><b>Null model.</b> A genuine account's log dwell times are independent draws from a
 * distribution with standard deviation at least {@code sigma} (dwell times on the web are heavy
 * tailed, close to log-normal or Weibull: Liu, White and Dumais, SIGIR 2010). Then for any fixed
 * {@code m} of its {@code n} tasks the sum of squares of their log dwell about their mean, divided
 * by {@code sigma²}, is at least as large as a χ² with {@code m − 1} degrees of freedom in
 * distribution (exact for normal log dwell; heavier tails only spread it further).
 *
 * <p><b>Statistic.</b> A brusher also shops for himself now and then, so the test looks for the
 * tightest {@code m = n − t} tasks for every {@code t ≤ n / 4}: the subset of {@code m} values with
 * the least sum of squares is contiguous in sorted order, so one sweep finds it. The bound takes
 * the union over all {@code C(n, t)} subsets and the {@code n/4 + 1} choices of {@code t}: {@code p
 * ≤ (T + 1) · min_t C(n, t) · F_{χ²(m−1)}(SS_min / sigma²)}. It is a bound on the false-alarm
 * probability of one test under the null, whatever subset the sweep picks.
 *
 * <p>Cost: a sort of at most {@code maxTasks} values and one sweep per {@code t}; no allocation
 * beyond the caller's scratch arrays. The χ² CDF is a series of up to a few hundred terms, most of
 * the cost; {@link #testAtMost} leaves out those {@code t} whose sum of squares is at least the
 * degrees of freedom (the CDF is then at least ½, as the median of a χ² is below its mean) and
 * whose {@code C(n, t)} alone puts them far above the caller's threshold: a genuine account's test
 * costs one series instead of {@code n/4 + 1}. The binomial coefficients and {@code ln Γ} of the
 * CDF's prefactor come from tables made once per capacity.
 */
final class Regularity {
  private final double[] x;
  private final int[] order;
  private final double[] sorted;
  private final boolean[] member;
  private final double[][] lnChoose;
  private final double[] lnGammaHalf;
  private int bestFrom;
  private int bestSize;
  private double bestLnP;

  Regularity(int capacity) {
    x = new double[capacity];
    order = new int[capacity];
    sorted = new double[capacity];
    member = new boolean[capacity];
    lnChoose = new double[capacity + 1][];
    for (int n = 0; n <= capacity; n++) {
      lnChoose[n] = new double[n / 4 + 1];
      for (int t = 0; t <= n / 4; t++) {
        lnChoose[n][t] = lnChoose(n, t);
      }
    }
    lnGammaHalf = new double[capacity + 1];
    for (int df = 0; df <= capacity; df++) {
      lnGammaHalf[df] = lnGamma(df / 2.0 + 1);
    }
  }

  /**
   * Tests the tasks' dwell times against {@code sigma}; returns the natural log of the bound on the
   * p-value (0 when there is nothing to see).
   */
  double test(List<Task> tasks, double sigma) {
    return testAtMost(tasks, sigma, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #test}, exactly when the result is at most {@code cutoff} (and then with the same
   * cluster); otherwise some value above {@code cutoff}, computed with less work.
   */
  double testAtMost(List<Task> tasks, double sigma, double cutoff) {
    int n = tasks.size();
    for (int i = 0; i < n; i++) {
      x[i] = tasks.get(i).lnDwell();
    }
    sortIndices(n);
    double sigma2 = sigma * sigma;
    int maxTrim = n / 4;
    // a t whose ln C(n, t) + ln ½ is this far above the cutoff cannot reach it (margin 1 for
    // rounding)
    double skipAbove = cutoff - Math.log(maxTrim + 1) + 1 + Math.log(2);
    bestLnP = 0;
    bestFrom = 0;
    bestSize = n;
    for (int t = 0; t <= maxTrim; t++) {
      int m = n - t;
      double sum = 0;
      double sumSq = 0;
      for (int i = 0; i < m; i++) {
        sum += sorted[i];
        sumSq += sorted[i] * sorted[i];
      }
      double minSs = sumSq - sum * sum / m;
      int from = 0;
      for (int j = 1; j + m <= n; j++) {
        double out = sorted[j - 1];
        double in = sorted[j + m - 1];
        sum += in - out;
        sumSq += in * in - out * out;
        double ss = sumSq - sum * sum / m;
        if (ss < minSs) {
          minSs = ss;
          from = j;
        }
      }
      double chi = Math.max(0, minSs) / sigma2;
      if (chi >= m - 1 && lnChoose[n][t] > skipAbove) {
        continue; // P(χ²(m − 1) ≤ chi) ≥ ½: this t ends far above the cutoff
      }
      double lnP = lnChoose[n][t] + lnChiSquareCdf(m - 1, chi, lnGammaHalf[m - 1]);
      if (lnP < bestLnP) {
        bestLnP = lnP;
        bestFrom = from;
        bestSize = m;
      }
    }
    bestLnP = Math.min(0, bestLnP + Math.log(maxTrim + 1));
    java.util.Arrays.fill(member, 0, n, false);
    for (int r = bestFrom; r < bestFrom + bestSize; r++) {
      member[order[r]] = true;
    }
    return bestLnP;
  }

  private void sortIndices(int n) {
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    // insertion sort: n is at most a few dozen
    for (int i = 1; i < n; i++) {
      int k = order[i];
      double v = x[k];
      int j = i - 1;
      while (j >= 0 && x[order[j]] > v) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    for (int i = 0; i < n; i++) {
      sorted[i] = x[order[i]];
    }
  }

  /** Whether task {@code i} (index into the tested list) is in the tightest subset found. */
  boolean inCluster(int i) {
    return member[i];
  }

  int clusterSize() {
    return bestSize;
  }

  /** The spread (max − min) of log dwell within the tightest subset. */
  double clusterRange() {
    return sorted[bestFrom + bestSize - 1] - sorted[bestFrom];
  }

  /** The median log dwell of the tightest subset. */
  double clusterCentre() {
    return sorted[bestFrom + bestSize / 2];
  }

  static double lnChoose(int n, int k) {
    return lnGamma(n + 1.0) - lnGamma(k + 1.0) - lnGamma(n - k + 1.0);
  }

  /** ln P(χ²(df) ≤ x), by the series of the lower regularised incomplete gamma function. */
  static double lnChiSquareCdf(int df, double x) {
    return lnChiSquareCdf(df, x, lnGamma(df / 2.0 + 1));
  }

  /** As {@link #lnChiSquareCdf(int, double)}, given {@code ln Γ(df/2 + 1)}. */
  private static double lnChiSquareCdf(int df, double x, double lnGammaA1) {
    if (x <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double a = df / 2.0;
    double y = x / 2.0;
    if (y > a + 12 * Math.sqrt(a) + 30) {
      return 0; // far in the upper tail: the CDF is 1 for our purposes
    }
    double term = 1;
    double sum = 1;
    for (int k = 1; k < 2000; k++) {
      term *= y / (a + k);
      sum += term;
      if (term < sum * 1e-15) {
        break;
      }
    }
    return Math.min(0, a * Math.log(y) - y - lnGammaA1 + Math.log(sum));
  }

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

  /** ln Γ(z) for z > 0 (Lanczos, g = 7: about 15 significant digits). */
  static double lnGamma(double z) {
    if (z < 0.5) {
      return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
    }
    z -= 1;
    double a = LANCZOS[0];
    double t = z + 7.5;
    for (int i = 1; i < 9; i++) {
      a += LANCZOS[i] / (z + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
