package io.brushguard.detect.concentration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The lazily expired table against the eager prune it stands for. */
class EngagedSessionsTest {
  private static final long KEEP = 3_600_000L;

  @Test
  void aView_countsForTheWindow_andOneMsMore_untilAViewAtThatInstant() {
    EngagedSessions s = new EngagedSessions(KEEP);
    s.viewed("ss1", 0);
    assertThat(s.engaged("ss1", KEEP)).isTrue();
    assertThat(s.engaged("ss1", KEEP + 1)).isTrue(); // its prune runs after this instant's inputs
    assertThat(s.engaged("ss1", KEEP + 2)).isFalse();
    assertThat(s.engaged("ss2", 1)).isFalse();
    s.viewed("ss2", KEEP + 1); // a view at that instant prunes first
    assertThat(s.engaged("ss1", KEEP + 1)).isFalse();
    assertThat(s.engaged("ss2", KEEP + 1)).isTrue();
  }

  /** Seeded: random views and queries against a map pruned on every view and every ms. */
  @Test
  void matchesAnEagerPrune_onRandomViews() {
    Random random = new Random(42);
    for (int run = 0; run < 50; run++) {
      long keep = 1 + random.nextInt(200);
      EngagedSessions lazy = new EngagedSessions(keep);
      Map<String, Long> eager = new HashMap<>();
      long t = 0;
      for (int step = 0; step < 2000; step++) {
        t += random.nextInt(4);
        // the wake-up of the eager version: prune at t - 1, after everything before t
        long prunedAt = t - 1;
        eager.values().removeIf(ts -> ts < prunedAt - keep);
        String session = "ss" + random.nextInt(60);
        if (random.nextBoolean()) {
          long now = t;
          eager.put(session, now);
          eager.values().removeIf(ts -> ts < now - keep);
          lazy.viewed(session, now);
        } else {
          assertThat(lazy.engaged(session, t)).isEqualTo(eager.containsKey(session));
        }
      }
    }
  }
}
