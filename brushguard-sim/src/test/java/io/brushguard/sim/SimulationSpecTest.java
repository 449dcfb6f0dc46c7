package io.brushguard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulationSpecTest {
  @Test
  void parseScale_namesAndCounts() {
    assertThat(SimulationSpec.parseScale("small")).isEqualTo(100_000);
    assertThat(SimulationSpec.parseScale("MEDIUM")).isEqualTo(1_000_000);
    assertThat(SimulationSpec.parseScale("large")).isEqualTo(10_000_000);
    assertThat(SimulationSpec.parseScale("250000")).isEqualTo(250_000);
    assertThat(SimulationSpec.parseScale("60M")).isEqualTo(60_000_000);
    assertThat(SimulationSpec.parseScale("2.5m")).isEqualTo(2_500_000);
    assertThat(SimulationSpec.parseScale("100k")).isEqualTo(100_000);
    assertThat(SimulationSpec.parseScale("1_000_000")).isEqualTo(1_000_000);
  }

  @Test
  void parseScale_rejectsOtherWords_namingTheAcceptedForms() {
    for (String bad : new String[] {"huge", "", "-5", "1.5", "10x", "NaN"}) {
      assertThatThrownBy(() -> SimulationSpec.parseScale(bad))
          .as(bad)
          .hasMessageContaining("small, medium, large");
    }
  }

  @Test
  void spec_rejectsTooFewEvents_andOddWindows() {
    assertThatThrownBy(() -> SimulationSpec.of(1, 1_000)).hasMessageContaining("events must be");
    assertThatThrownBy(() -> new SimulationSpec(1, 100_000, 3, SimulationSpec.DEFAULT_START))
        .hasMessageContaining("days");
  }
}
