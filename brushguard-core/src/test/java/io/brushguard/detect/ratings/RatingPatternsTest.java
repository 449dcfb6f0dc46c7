package io.brushguard.detect.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** BIRDNEST-style bursts against the population, and shops whose ratings jump. */
class RatingPatternsTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private final StageFlow flow =
      new StageFlow(
          List.of(
              new BadReviewers(), new RatingPopulation(), new RatingBursts(), new RatingShift()));
  private int n;

  private void review(String account, String shop, int rating, long at) {
    flow.feed(new Review("r" + ++n, account, shop, rating, at, null, null, null, null, null, null));
  }

  /** A population of accounts reviewing now and then (days apart), mostly four and five stars. */
  private void population(SplittableRandom rnd, long from, int accounts) {
    java.util.List<Review> all = new java.util.ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      long t = from + rnd.nextLong(2 * DAY);
      for (int k = 0; k < 3; k++) {
        int rating = rnd.nextInt(10) < 8 ? 4 + rnd.nextInt(2) : 1 + rnd.nextInt(3);
        all.add(
            new Review(
                "r" + ++n,
                "p" + a,
                "shop" + rnd.nextInt(50),
                rating,
                t,
                null,
                null,
                null,
                null,
                null,
                null));
        t += (long) (-Math.log(1 - rnd.nextDouble()) * 3 * DAY);
      }
    }
    all.sort(java.util.Comparator.comparingLong(Review::ts));
    all.forEach(flow::feed);
  }

  /** The accounts with a live signal of this code. */
  private java.util.Set<String> accounts(String code) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (io.brushguard.detect.Signal s : flow.signals) {
      if (s.entity() == EntityKind.ACCOUNT && s.code().equals(code) && !s.withdraws()) {
        out.add(s.id());
      }
    }
    return out;
  }

  @Test
  void chiSquareTail_matchesKnownValues() {
    assertThat(RatingMix.chiSquareTail(2, 2)).isEqualTo(Math.exp(-1), Offset.offset(1e-12));
    // chi-square 10 dof: P(X > 18.307) = 0.05, P(X > 29.588) = 0.001
    assertThat(RatingMix.chiSquareTail(18.307, 10)).isEqualTo(0.05, Offset.offset(1e-4));
    assertThat(RatingMix.chiSquareTail(29.588, 10)).isEqualTo(0.001, Offset.offset(1e-5));
  }

  @Test
  void extremeAndBurstyAccount_isARatingBurst_butOnlyCorroboration() {
    population(new SplittableRandom(1), T0, 300);
    long t = T0 + 30 * DAY;
    for (int k = 0; k < 8; k++) {
      review("burst", "s" + k, 1, t + k * 20 * MINUTE);
    }
    assertThat(accounts(RatingBursts.CODE)).containsExactly("burst");
  }

  @Test
  void pickyButCalm_isNotABurst() {
    population(new SplittableRandom(2), T0, 300);
    for (int k = 0; k < 10; k++) {
      review("picky", "s" + k, 1, T0 + 30 * DAY + k * 2 * DAY);
    }
    assertThat(accounts(RatingBursts.CODE)).isEmpty();
  }

  @Test
  void burstOfOrdinaryRatings_isNotABurst() {
    population(new SplittableRandom(3), T0, 300);
    for (int k = 0; k < 8; k++) {
      review("fresh", "s" + k, 5, T0 + 30 * DAY + k * 20 * MINUTE);
    }
    assertThat(accounts(RatingBursts.CODE)).isEmpty();
  }

  @Test
  void shopWhosePraiseJumps_isAShift_andADropIsNot() {
    SplittableRandom rnd = new SplittableRandom(4);
    for (int k = 0; k < 60; k++) {
      review("h" + k, "up", 2 + rnd.nextInt(3), T0 + k * 3 * HOUR);
      review("g" + k, "down", 4 + rnd.nextInt(2), T0 + k * 3 * HOUR);
    }
    long t = T0 + 10 * DAY;
    for (int k = 0; k < 25; k++) {
      review("hired" + k, "up", 5, t + k * 30 * MINUTE);
      review("angry" + k, "down", 1, t + k * 30 * MINUTE);
    }
    assertThat(flow.strongest(EntityKind.SHOP)).isEmpty();
    java.util.Set<String> shifted = new java.util.TreeSet<>();
    for (io.brushguard.detect.Signal s : flow.signals) {
      if (s.code().equals(RatingShift.CODE)) {
        shifted.add(s.id());
        assertThat(s.entity()).isEqualTo(EntityKind.REVIEW);
        assertThat(s.strength()).isLessThan(0.5);
      }
    }
    assertThat(shifted).isNotEmpty().allMatch(id -> Integer.parseInt(id.substring(1)) > 120);
  }

  @Test
  void steadyShop_isNoShift_evenOverManyJudgements() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int k = 0; k < 400; k++) {
      review(
          "c" + k,
          "steady",
          rnd.nextInt(10) < 8 ? 4 + rnd.nextInt(2) : 1 + rnd.nextInt(3),
          T0 + k * HOUR);
    }
    assertThat(flow.signals).noneMatch(s -> s.code().equals(RatingShift.CODE));
  }
}
