package io.brushguard.detect.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The windowed graph against a brute-force map of edges and their last minute. */
class RingGraphTest {
  @Test
  void randomTouchesAndExpiry_matchBruteForce() {
    SplittableRandom rnd = new SplittableRandom(9);
    int window = 300;
    RingGraph g = new RingGraph(window);
    Map<String, Integer> last = new HashMap<>(); // "a|c" -> minute it was last re-queued
    for (int minute = 0; minute < 3_000; minute++) {
      for (int k = 0; k < 5; k++) {
        String a = "a" + rnd.nextInt(40);
        String c = "c" + rnd.nextInt(30);
        int r = g.row(a);
        int col = g.col(RingGraph.tokenKey(RingGraph.DEVICE, c), RingGraph.DEVICE, null);
        g.touch(r, col, minute);
        Integer seen = last.get(a + "|" + c);
        if (seen == null || minute - seen >= RingGraph.REFRESH_MINUTES) {
          last.put(a + "|" + c, minute);
        }
      }
      if (minute % 17 == 0) {
        g.expire(minute);
        final int now = minute;
        last.values().removeIf(m -> m < now - window);
        assertThat(g.liveEdges()).isEqualTo(last.size());
        Map<String, Integer> degree = new HashMap<>();
        last.keySet().forEach(k -> degree.merge(k.substring(0, k.indexOf('|')), 1, Integer::sum));
        assertThat(g.liveRows()).isEqualTo(degree.size());
        degree.forEach((a, d) -> assertThat(g.rowDeg[g.findRow(a)]).isEqualTo(d));
      }
    }
  }
}
