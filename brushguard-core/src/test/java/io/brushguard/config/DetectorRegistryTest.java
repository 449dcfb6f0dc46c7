package io.brushguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DetectorRegistryTest {

  private static List<String> names(List<Stage<?>> stages) {
    List<String> out = new ArrayList<>();
    for (Stage<?> s : stages) {
      out.add(s.name());
    }
    return out;
  }

  @Test
  void theDefaultFamilies_areEveryStageButTheRings() {
    List<String> all = names(DetectorRegistry.standard(BrushguardConfig.DEFAULT));
    List<String> withRings =
        names(DetectorRegistry.standard(BrushguardConfig.DEFAULT.withRings(true)));
    assertThat(withRings).containsAll(all).hasSize(all.size() + 1);
    assertThat(all).contains("concentration", "template-text-shops", "photo-index");
  }

  /**
   * Each family alone makes a whole topology, with the family it reads if any; without that one,
   * the check at start names the input that lacks a producer.
   */
  @ParameterizedTest
  @EnumSource(DetectorFamily.class)
  void eachFamilyAlone_isAValidTopology_withWhatItReads(DetectorFamily family) {
    if (family.requires() != null) {
      BrushguardConfig alone = BrushguardConfig.DEFAULT.withDetectors(Set.of(family));
      assertThatThrownBy(() -> DetectorRegistry.topology(alone, DetectorRegistry.standard(alone)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("which no stage produces");
    }
    EnumSet<DetectorFamily> families = EnumSet.of(family);
    if (family.requires() != null) {
      families.add(family.requires());
    }
    BrushguardConfig config = BrushguardConfig.DEFAULT.withDetectors(families);
    List<Stage<?>> stages = DetectorRegistry.standard(config);
    assertThat(stages).isNotEmpty();
    List<String> everyOther =
        names(
            DetectorRegistry.standard(
                BrushguardConfig.DEFAULT.withDetectors(EnumSet.complementOf(families))));
    assertThat(everyOther).doesNotContainAnyElementsOf(names(stages));
    Topology topology = DetectorRegistry.topology(config, stages);
    assertThat(topology.size()).isGreaterThan(stages.size());
  }
}
