package io.brushguard.detect.surge;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.surge.RecentViewers.Path;
import org.junit.jupiter.api.Test;

class RecentViewersTest {
  private static final long HOUR = 3_600_000L;

  @Test
  void path_unviewedGlanceOrBrowsed() {
    RecentViewers v = new RecentViewers(6 * HOUR, 4096);
    v.view("a", 0, 4_000, false);
    v.view("b", 0, 4_000, true);
    v.view("c", 0, 9_000, false);
    v.view("c", 1_000, 9_000, false);
    assertThat(v.path("a", 10_000, 15_000)).isEqualTo(Path.GLANCE);
    assertThat(v.path("b", 10_000, 15_000)).as("came from a search").isEqualTo(Path.BROWSED);
    assertThat(v.path("c", 10_000, 15_000)).as("dwell adds up").isEqualTo(Path.BROWSED);
    assertThat(v.path("d", 10_000, 15_000)).isEqualTo(Path.UNVIEWED);
    assertThat(v.path("a", 7 * HOUR, 15_000)).as("beyond the lookback").isEqualTo(Path.UNVIEWED);
  }

  @Test
  void unknownDwell_countsAsALook() {
    RecentViewers v = new RecentViewers(6 * HOUR, 4096);
    v.view("a", 0, -1, false);
    assertThat(v.path("a", 1_000, 15_000)).isEqualTo(Path.BROWSED);
  }

  @Test
  void staleEntriesAreDropped_andABusyShopKeepsTheMostRecent() {
    RecentViewers v = new RecentViewers(6 * HOUR, 64);
    for (int k = 0; k < 10_000; k++) {
      v.view("u" + k, k * 1_000L, 30_000, false); // ten thousand viewers within three hours
    }
    assertThat(v.slots()).isLessThanOrEqualTo(4 * 64);
    assertThat(v.path("u9999", 10_000_000L, 15_000)).isEqualTo(Path.BROWSED);
    assertThat(v.path("u0", 10_000_000L, 15_000)).isEqualTo(Path.UNVIEWED);
    RecentViewers quiet = new RecentViewers(HOUR, 4096);
    for (int k = 0; k < 1000; k++) {
      quiet.view("u" + k, k * 2 * HOUR, 30_000, false); // one at a time, hours apart
    }
    assertThat(quiet.slots()).isLessThanOrEqualTo(16);
  }
}
