package io.brushguard.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionsTest {
  @Test
  void partitions_areStableAndSpreadKeysEvenly() {
    assertThat(Partitions.of("u42", 4)).isEqualTo("p" + Math.floorMod("u42".hashCode(), 4));
    assertThat(Partitions.of("any", 1)).isEqualTo("p0");
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 40_000; i++) {
      counts.merge(Partitions.of("account-" + i, 8), 1, Integer::sum);
    }
    assertThat(counts).hasSize(8);
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(4_500, 5_500));
  }

  @Test
  void noPartitions_isRefused() {
    assertThatThrownBy(() -> Partitions.of("k", 0)).hasMessageContaining("at least 1");
  }
}
