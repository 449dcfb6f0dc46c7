package io.brushguard.detect.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LowTailTest {

  @Test
  void saysNothingUntilItHasEnough_thenTheMinimum_thenTheKthSmallestOfTheRecentWindow() {
    LowTail tail = new LowTail();
    for (int k = 0; k < LowTail.ENOUGH - 1; k++) {
      tail.add(100 + k);
      assertThat(tail.low()).isEqualTo(-1);
    }
    tail.add(50);
    assertThat(tail.low()).isEqualTo(50); // 8 values: the smallest
    for (int k = 0; k < LowTail.SIZE; k++) {
      tail.add(200 + (k * 7) % LowTail.SIZE); // 200..231 in scrambled order; the old ones gone
    }
    assertThat(tail.count()).isEqualTo(LowTail.SIZE);
    assertThat(tail.low()).isEqualTo(201); // 32 values: the second smallest
  }

  @Test
  void oneOddValue_doesNotMoveTheLowEnd() {
    LowTail tail = new LowTail();
    for (int k = 0; k < LowTail.SIZE; k++) {
      tail.add(k == 5 ? 5 : 500 + k);
    }
    assertThat(tail.low()).isEqualTo(500);
  }

  @Test
  void aNewDrawBelowTheLowEnd_atTwoInNPlusOne_andBelowHalfOfItRarely() {
    SplittableRandom rnd = new SplittableRandom(7);
    LowTail tail = new LowTail();
    int below = 0;
    int belowHalf = 0;
    int trials = 100_000;
    for (int k = 0; k < LowTail.SIZE; k++) {
      tail.add(30 + rnd.nextInt(220)); // packaging-like: 30-250 g
    }
    for (int k = 0; k < trials; k++) {
      int v = 30 + rnd.nextInt(220);
      int low = tail.low();
      below += v < low ? 1 : 0;
      belowHalf += 2 * v < low ? 1 : 0;
      tail.add(v);
    }
    double expected = 2 / (double) (LowTail.SIZE + 1);
    assertThat(below / (double) trials).isBetween(0.8 * expected, 1.2 * expected);
    assertThat(belowHalf / (double) trials).isLessThan(0.002);
  }
}
