package io.brushguard.detect.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tails against direct sums of their probability mass functions. */
class TailsTest {

  @Test
  void logGamma_matchesFactorialsAndHalfIntegers() {
    double fact = 1;
    for (int n = 1; n < 25; n++) {
      assertThat(Tails.logGamma(n + 1)).isCloseTo(Math.log(fact *= n), within(1e-9));
    }
    assertThat(Tails.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
    assertThat(Tails.logGamma(0.1)).isCloseTo(2.252712651734206, within(1e-10));
  }

  @Test
  void negativeBinomial_tailEqualsOneMinusTheSummedMassBelow() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 200; trial++) {
      double r = 0.3 + 40 * rnd.nextDouble();
      double p = 0.05 + 0.9 * rnd.nextDouble();
      long k = rnd.nextInt(120);
      double below = 0;
      double pmf = Math.pow(p, r);
      for (long j = 0; j < k; j++) {
        below += pmf;
        pmf *= (j + r) / (j + 1) * (1 - p);
      }
      double mean = r * (1 - p) / p;
      double tail = Tails.negativeBinomial(k, r, p);
      if (k <= mean) {
        assertThat(tail).isEqualTo(1);
      } else {
        assertThat(tail).as("r=%s p=%s k=%s", r, p, k).isCloseTo(1 - below, within(1e-9));
      }
    }
  }

  @Test
  void negativeBinomial_smallTailsAreRelativelyExact() {
    // r = 1 is geometric: P(X >= k) = (1 - p)^k exactly
    assertThat(Tails.negativeBinomial(30, 1, 0.8) / Math.pow(0.2, 30)).isCloseTo(1, within(1e-9));
  }

  @Test
  void betaBinomial_tailEqualsTheSummedMassAbove() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int trial = 0; trial < 200; trial++) {
      double a = 0.2 + 10 * rnd.nextDouble();
      double b = 0.2 + 50 * rnd.nextDouble();
      int n = 1 + rnd.nextInt(60);
      int k = rnd.nextInt(n + 2);
      double[] pmf = new double[n + 1];
      for (int j = 0; j <= n; j++) {
        pmf[j] =
            Math.exp(
                Tails.logGamma(n + 1.0)
                    - Tails.logGamma(j + 1.0)
                    - Tails.logGamma(n - j + 1.0)
                    + Tails.logGamma(j + a)
                    + Tails.logGamma(n - j + b)
                    - Tails.logGamma(n + a + b)
                    - Tails.logGamma(a)
                    - Tails.logGamma(b)
                    + Tails.logGamma(a + b));
      }
      double above = 0;
      for (int j = k; j <= n; j++) {
        above += pmf[j];
      }
      double tail = Tails.betaBinomial(k, n, a, b);
      if (k > 0 && k <= n * a / (a + b)) {
        assertThat(tail).isEqualTo(1);
      } else {
        assertThat(tail).as("a=%s b=%s n=%s k=%s", a, b, n, k).isCloseTo(above, within(1e-9));
      }
    }
  }
}
