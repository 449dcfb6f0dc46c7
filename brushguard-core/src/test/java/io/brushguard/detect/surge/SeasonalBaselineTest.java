package io.brushguard.detect.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The baseline learns a level and a daily rhythm, forgets, resists bursts, and calibrates. */
class SeasonalBaselineTest {
  private static final long MONDAY = 20_003L * 24; // an hour index at a Monday 00:00

  /** A day shape: quiet nights, busy evenings (mean 1). */
  private static double shape(long hour) {
    int h = SeasonalBaseline.hourOfDay(hour);
    return h < 7 ? 0.3 : h >= 19 ? 1.9 : (24 - 7 * 0.3 - 5 * 1.9) / 12;
  }

  private static int poisson(SplittableRandom rnd, double mean) {
    double l = Math.exp(-mean);
    int k = 0;
    double p = 1;
    while ((p *= rnd.nextDouble()) > l) {
      k++;
    }
    return k;
  }

  @Test
  void dayOfWeek_mondayIsZero() {
    assertThat(SeasonalBaseline.dayOfWeek(MONDAY)).isZero();
    assertThat(SeasonalBaseline.dayOfWeek(MONDAY + 24 * 6 + 23)).isEqualTo(6);
  }

  @Test
  void learnsTheLevelAndTheHourOfDayProfile() {
    SeasonalBaseline b = new SeasonalBaseline(7 * 24);
    SplittableRandom rnd = new SplittableRandom(3);
    for (long h = MONDAY; h < MONDAY + 28 * 24; h++) {
      b.fold(h, poisson(rnd, 4 * shape(h)), 0, 0);
    }
    double mean = 0;
    for (int h = 0; h < 24; h++) {
      mean += shape(h) / 24;
    }
    assertThat(b.level()).isCloseTo(4 * mean, within(0.4 * mean));
    long evening = MONDAY + 28 * 24 + 20;
    long night = MONDAY + 28 * 24 + 3;
    assertThat(b.profile(evening) / b.profile(night)).isBetween(4.0, 8.0);
  }

  @Test
  void forgets_withTheHalfLife() {
    SeasonalBaseline b = new SeasonalBaseline(24);
    for (long h = MONDAY; h < MONDAY + 24 * 10; h++) {
      b.fold(h, 10, 0, 0);
    }
    double before = b.orders();
    for (long h = MONDAY + 24 * 10; h < MONDAY + 24 * 11; h++) {
      b.fold(h, 0, 0, 0); // a quiet day
    }
    assertThat(b.orders()).isCloseTo(before / 2, within(before * 0.05));
  }

  @Test
  void aBurstHourIsClipped_soItDoesNotTeachTheShopThatSurgesAreNormal() {
    SeasonalBaseline b = new SeasonalBaseline(7 * 24);
    for (long h = MONDAY; h < MONDAY + 7 * 24; h++) {
      b.fold(h, 2, 0, 0);
    }
    double level = b.level();
    b.fold(MONDAY + 7 * 24, 500, 0, 0);
    assertThat(b.level()).isLessThan(level * 1.1);
  }

  @Test
  void surgeTail_isCalibrated_falseAlarmsAtMostAlpha() {
    // a steady shop: how often does a 12-hour window reach a tail of 1e-2 under its own baseline?
    SplittableRandom rnd = new SplittableRandom(5);
    SeasonalBaseline b = new SeasonalBaseline(7 * 24);
    long h = MONDAY;
    for (; h < MONDAY + 14 * 24; h++) {
      b.fold(h, poisson(rnd, 1.5), 0, 0);
    }
    int alarms = 0;
    int trials = 20_000;
    double exposure = 0;
    for (int k = 0; k < 12; k++) {
      exposure += b.profile(h + k);
    }
    for (int t = 0; t < trials; t++) {
      int n = 0;
      for (int k = 0; k < 12; k++) {
        n += poisson(rnd, 1.5);
      }
      if (b.surgeTail(n, exposure) <= 1e-2) {
        alarms++;
      }
    }
    assertThat((double) alarms / trials).isLessThanOrEqualTo(1e-2 * 1.3);
    // and a real surge (four times the rate) is far in the tail
    assertThat(b.surgeTail(4 * 18, exposure)).isLessThan(1e-12);
  }

  @Test
  void thinHistory_givesAHeavyTail() {
    SeasonalBaseline fresh = new SeasonalBaseline(7 * 24);
    fresh.fold(MONDAY, 0, 0, 0);
    SeasonalBaseline known = new SeasonalBaseline(7 * 24);
    for (long h = MONDAY; h < MONDAY + 14 * 24; h++) {
      known.fold(h, h % 10 == 0 ? 1 : 0, 0, 0);
    }
    // 15 orders in 12 hours: unremarkable for a shop never seen, a surge for a known quiet one
    assertThat(fresh.surgeTail(15, 12)).isGreaterThan(1e-3);
    assertThat(known.surgeTail(15, 12)).isLessThan(1e-6);
  }

  @Test
  void unviewedTail_followsTheShopsOwnShare() {
    SeasonalBaseline b = new SeasonalBaseline(7 * 24);
    for (long h = MONDAY; h < MONDAY + 14 * 24; h++) {
      b.fold(h, 10, 3, 3); // a shop where 30% of orders come without a view (say, from the cart)
    }
    assertThat(b.unviewedTail(35, 100)).isGreaterThan(0.05);
    assertThat(b.unviewedTail(90, 100)).isLessThan(1e-6);
    assertThat(b.straightShare()).isCloseTo(0.3, within(0.01));
  }
}
