package io.brushguard.detect.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LowTailTest {

  @Test
  void saysNothingUntilItHasEnough_thenTheMinimumOfTheRecentWindow() {
    LowTail tail = new LowTail();
    for (int k = 0; k < LowTail.ENOUGH - 1; k++) {
      tail.add(100 + k);
      assertThat(tail.lowest()).isEqualTo(-1);
    }
    tail.add(50);
    assertThat(tail.lowest()).isEqualTo(50);
    for (int k = 0; k < LowTail.SIZE; k++) {
      tail.add(200 + k);
    }
    assertThat(tail.count()).isEqualTo(LowTail.SIZE);
    assertThat(tail.lowest()).isEqualTo(200);
  }

  @Test
  void aNewDrawBelowTheMinimum_atAboutOneInSizePlusOne() {
    SplittableRandom rnd = new SplittableRandom(7);
    LowTail tail = new LowTail();
    int below = 0;
    int trials = 100_000;
    for (int k = 0; k < LowTail.SIZE; k++) {
      tail.add(rnd.nextInt(1_000_000));
    }
    for (int k = 0; k < trials; k++) {
      int v = rnd.nextInt(1_000_000);
      if (v < tail.lowest()) {
        below++;
      }
      tail.add(v);
    }
    double rate = below / (double) trials;
    assertThat(rate).isBetween(0.8 / (LowTail.SIZE + 1), 1.2 / (LowTail.SIZE + 1));
  }
}
