package io.brushguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AliasTableTest {
  @Test
  void draws_followTheWeights_andNeverAZeroWeight() {
    double[] weights = {0, 1, 0, 2, 7, 0};
    AliasTable table = new AliasTable(weights);
    SplittableRandom rnd = new SplittableRandom(1);
    int[] counts = new int[weights.length];
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      counts[table.next(rnd)]++;
    }
    assertThat(counts[0] + counts[2] + counts[5]).isZero();
    assertThat(counts[1] / (double) n).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
    assertThat(counts[4] / (double) n).isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.01));
  }
}
