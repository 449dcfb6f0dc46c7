package io.brushguard.detect.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** FRAUDAR's greedy peeling against the brute-force densest set on small graphs. */
class PeelingTest {

  /** f(S)/|S| for the rows in {@code mask} and every column two of them share. */
  private static double bestByBruteForce(RingGraph g, int[] rows) {
    double best = 0;
    for (int mask = 1; mask < 1 << rows.length; mask++) {
      double f = 0;
      java.util.Map<Integer, Integer> cols = new java.util.HashMap<>();
      int n = 0;
      for (int i = 0; i < rows.length; i++) {
        if ((mask >> i & 1) == 0) {
          continue;
        }
        n++;
        for (int e = g.rowHead[rows[i]]; e != -1; e = g.eNextR[e]) {
          cols.merge(g.eCol[e], 1, Integer::sum);
        }
      }
      // every column subset is not tried: a column with k rows of S adds k w; keep it when k w > g
      java.util.List<double[]> gains = new java.util.ArrayList<>();
      cols.forEach((c, k) -> gains.add(new double[] {k * Peeling.weight(g.colDeg[c]), k}));
      gains.sort((a, b) -> Double.compare(b[0], a[0]));
      int size = n;
      for (double[] gain : gains) {
        if (gain[1] < 2) {
          continue;
        }
        f += gain[0];
        size++;
        best = Math.max(best, f / size);
      }
    }
    return best;
  }

  @Test
  void peeling_isWithinHalfOfTheDensest_onRandomSmallGraphs() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int trial = 0; trial < 40; trial++) {
      RingGraph g = new RingGraph(7 * 24 * 60);
      int rows = 4 + rnd.nextInt(7);
      int[] rowIds = new int[rows];
      for (int r = 0; r < rows; r++) {
        rowIds[r] = g.row("a" + r);
      }
      int cols = 3 + rnd.nextInt(6);
      int[] colIds = new int[cols];
      for (int c = 0; c < cols; c++) {
        colIds[c] = g.col(RingGraph.tokenKey(RingGraph.DEVICE, "c" + c), RingGraph.DEVICE, null);
      }
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          if (rnd.nextDouble() < 0.45) {
            g.touch(rowIds[r], colIds[c], 0);
          }
        }
      }
      Peeling p = new Peeling();
      p.load(g, rowIds, Integer.MAX_VALUE);
      int[] all = new int[rows];
      for (int i = 0; i < rows; i++) {
        all[i] = i;
      }
      Peeling.Block b = p.densest(all, new int[1][]);
      double optimum = bestByBruteForce(g, rowIds);
      if (optimum == 0) {
        continue;
      }
      assertThat(b).isNotNull();
      assertThat(b.density()).as("trial %d", trial).isGreaterThanOrEqualTo(optimum / 2 - 1e-9);
      assertThat(b.density()).isLessThanOrEqualTo(optimum + 1e-9);
    }
  }

  @Test
  void plantedBlock_isPeeledOutOfRandomNoise() {
    SplittableRandom rnd = new SplittableRandom(5);
    RingGraph g = new RingGraph(7 * 24 * 60);
    int[] rows = new int[60];
    for (int r = 0; r < rows.length; r++) {
      rows[r] = g.row("a" + r);
    }
    for (int r = 0; r < rows.length; r++) {
      for (int k = 0; k < 3; k++) {
        String c = "noise" + rnd.nextInt(200);
        g.touch(rows[r], g.col(RingGraph.tokenKey(RingGraph.IP, c), RingGraph.IP, null), 0);
      }
      if (r < 12) {
        for (int c = 0; c < 6; c++) {
          g.touch(
              rows[r],
              g.col(RingGraph.tokenKey(RingGraph.DEVICE, "b" + c), RingGraph.DEVICE, null),
              0);
        }
      }
    }
    Peeling p = new Peeling();
    p.load(g, rows, Integer.MAX_VALUE);
    int[] all = new int[rows.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    Peeling.Block b = p.densest(all, new int[1][]);
    assertThat(b.rows()).containsExactlyInAnyOrder(java.util.Arrays.copyOf(rows, 12));
  }
}
