package io.brushguard.sim;

import java.util.SplittableRandom;

/** The few distributions the simulator draws from, over a seeded {@link SplittableRandom}. */
final class Rand {
  private Rand() {}

  /** Uniform in [from, to] (inclusive); {@code from} when the range is empty. */
  static int between(SplittableRandom rnd, int from, int to) {
    return to <= from ? from : rnd.nextInt(from, to + 1);
  }

  /** Uniform in [from, to) as a long; {@code from} when the range is empty. */
  static long between(SplittableRandom rnd, long from, long to) {
    return to <= from ? from : rnd.nextLong(from, to);
  }

  static boolean chance(SplittableRandom rnd, double p) {
    return rnd.nextDouble() < p;
  }

  static <T> T pick(SplittableRandom rnd, T[] options) {
    return options[rnd.nextInt(options.length)];
  }

  /** Poisson: Knuth's product method below 30, a rounded normal approximation above. */
  static int poisson(SplittableRandom rnd, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean < 30) {
      double limit = Math.exp(-mean);
      double p = rnd.nextDouble();
      int k = 0;
      while (p > limit) {
        p *= rnd.nextDouble();
        k++;
      }
      return k;
    }
    return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rnd)));
  }

  static double gaussian(SplittableRandom rnd) {
    // Box-Muller, one of the pair; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and shape (sigma of the underlying normal). */
  static double logNormal(SplittableRandom rnd, double median, double sigma) {
    return median * Math.exp(sigma * gaussian(rnd));
  }

  /** Exponential with the given mean. */
  static double exponential(SplittableRandom rnd, double mean) {
    return -mean * Math.log(1.0 - rnd.nextDouble());
  }

  /** Number of failures before the first success, success probability {@code p}. */
  static int geometric(SplittableRandom rnd, double p) {
    return (int) Math.floor(Math.log(1.0 - rnd.nextDouble()) / Math.log(1.0 - p));
  }

  /**
   * Pareto (Lomax-free, classic) with scale 1 and shape {@code alpha}: heavy tail for alpha < 2.
   */
  static double pareto(SplittableRandom rnd, double alpha) {
    return Math.pow(1.0 - rnd.nextDouble(), -1.0 / alpha);
  }

  /** SplitMix64's finaliser: a good 64-bit mix, for ids derived from numbers. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
