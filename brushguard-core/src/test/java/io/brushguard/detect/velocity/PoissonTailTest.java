package io.brushguard.detect.velocity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonTailTest {
  /** P(X ≥ k) by the plain sum of the probability mass function, in doubles. */
  private static double oracle(int k, double mu) {
    double below = 0;
    double term = Math.exp(-mu);
    for (int j = 0; j < k; j++) {
      below += term;
      term *= mu / (j + 1);
    }
    return 1 - below;
  }

  @Test
  void agreesWithThePlainSum_whereThePlainSumIsExact() {
    for (double mu : new double[] {0.01, 0.3, 1, 2.5, 7, 20, 60}) {
      for (int k = 0; k <= 80; k++) {
        double expected = oracle(k, mu);
        if (expected > 1e-6) {
          assertThat(PoissonTail.atLeast(k, mu))
              .isCloseTo(expected, within(1e-9 + expected * 1e-7));
        }
      }
    }
  }

  @Test
  void farTails_areExactInLogSpace() {
    // P(X ≥ 10 | 0.1) ≈ e^-0.1 · 0.1^10 / 10! (the first term dominates)
    double first = Math.exp(-0.1) * 1e-10 / 3_628_800;
    assertThat(PoissonTail.atLeast(10, 0.1)).isCloseTo(first, within(first * 0.02));
    assertThat(PoissonTail.atLeast(0, 5)).isEqualTo(1);
    assertThat(PoissonTail.atLeast(3, 0)).isZero();
  }
}
