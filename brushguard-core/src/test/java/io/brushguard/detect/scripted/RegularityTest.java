package io.brushguard.detect.scripted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The χ² bound: its arithmetic, and its false-alarm rate under the null it states. */
class RegularityTest {

  @Test
  void chiSquareCdf_matchesClosedForms() {
    // df = 2: 1 - e^{-x/2}; df = 4: 1 - e^{-x/2}(1 + x/2)
    for (double x : new double[] {1e-6, 0.01, 0.5, 2, 7}) {
      assertThat(Math.exp(Regularity.lnChiSquareCdf(2, x)))
          .isCloseTo(1 - Math.exp(-x / 2), within(1e-12 + 1e-9 * x));
      assertThat(Math.exp(Regularity.lnChiSquareCdf(4, x)))
          .isCloseTo(1 - Math.exp(-x / 2) * (1 + x / 2), within(1e-9));
    }
    assertThat(Regularity.lnGamma(10)).isCloseTo(Math.log(362_880), within(1e-10));
    assertThat(Regularity.lnChoose(20, 3)).isCloseTo(Math.log(1140), within(1e-10));
  }

  @Test
  void underTheNull_theBoundIsNeverExceeded() {
    // genuine accounts: independent normal log dwell with spread sigma; the test at level a
    // must fire on at most a of them (it is a bound, so usually far fewer)
    Random rnd = new Random(11);
    Regularity r = new Regularity(48);
    double sigma = 0.9;
    int fired01 = 0;
    int fired001 = 0;
    int trials = 4000;
    for (int k = 0; k < trials; k++) {
      int n = 6 + rnd.nextInt(43);
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        tasks.add(Task.of("o" + i, "s", i, (long) (60_000 * Math.exp(sigma * rnd.nextGaussian()))));
      }
      double lnP = r.test(tasks, sigma);
      fired01 += lnP <= Math.log(0.1) ? 1 : 0;
      fired001 += lnP <= Math.log(0.01) ? 1 : 0;
    }
    assertThat(fired01).isLessThanOrEqualTo(trials / 10);
    assertThat(fired001).isLessThanOrEqualTo(trials / 100);
  }

  @Test
  void scriptedTimes_giveATinyBound_andTheClusterLeavesTheOutlierOut() {
    Random rnd = new Random(12);
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tasks.add(
          Task.of("o" + i, "s", i, Math.round(360_000 * (1 + 0.1 * (2 * rnd.nextDouble() - 1)))));
    }
    tasks.add(Task.of("own", "s", 99, 20_000));

    Regularity r = new Regularity(48);
    double lnP = r.test(tasks, 0.45);

    assertThat(lnP).isLessThan(Math.log(1e-6));
    assertThat(r.clusterSize()).isEqualTo(20);
    assertThat(r.inCluster(20)).isFalse();
    for (int i = 0; i < 20; i++) {
      assertThat(r.inCluster(i)).isTrue();
    }
  }

  @Test
  void testAtMost_agreesWithTheFullTest_atOrBelowItsCutoff() {
    // genuine, half-scripted and scripted accounts against several cutoffs: at or below the
    // cutoff the same bound and the same cluster, above it only "above"
    Random rnd = new Random(13);
    Regularity full = new Regularity(48);
    Regularity cut = new Regularity(48);
    int agreedBelow = 0;
    for (int k = 0; k < 3000; k++) {
      int n = 6 + rnd.nextInt(43);
      double spread = new double[] {0.9, 0.3, 0.05}[k % 3];
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        double s = rnd.nextInt(5) == 0 ? 0.9 : spread;
        tasks.add(Task.of("o" + i, "s", i, (long) (60_000 * Math.exp(s * rnd.nextGaussian()))));
      }
      double cutoff = Math.log(new double[] {1e-5, 1e-2, 0.5}[rnd.nextInt(3)]);
      double exact = full.test(tasks, 0.45);
      double fast = cut.testAtMost(tasks, 0.45, cutoff);
      if (exact <= cutoff) {
        agreedBelow++;
        assertThat(fast).isEqualTo(exact);
        assertThat(cut.clusterSize()).isEqualTo(full.clusterSize());
        assertThat(cut.clusterRange()).isEqualTo(full.clusterRange());
        assertThat(cut.clusterCentre()).isEqualTo(full.clusterCentre());
        for (int i = 0; i < n; i++) {
          assertThat(cut.inCluster(i)).isEqualTo(full.inCluster(i));
        }
      } else {
        assertThat(fast).isGreaterThan(cutoff);
      }
    }
    assertThat(agreedBelow).isGreaterThan(500);
  }
}
