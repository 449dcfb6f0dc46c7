package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * The day-night cycle of shopping in China (UTC+8): a trough before dawn, a lunch peak and the
 * evening peak around 21:00, and a little more on weekends. The simulated window starts at local
 * midnight, so the hour of day is the hour since the start modulo 24.
 */
final class Diurnal {
  private static final double[] HOURLY = {
    0.60, 0.35, 0.20, 0.12, 0.10, 0.12, 0.25, 0.45, 0.60, 0.75, 0.85, 0.90,
    1.00, 0.95, 0.80, 0.80, 0.80, 0.85, 0.90, 1.00, 1.20, 1.35, 1.20, 0.90
  };
  private static final double MEAN;
  private static final AliasTable HOURS = new AliasTable(HOURLY);

  static {
    double sum = 0;
    for (double w : HOURLY) {
      sum += w;
    }
    MEAN = sum / HOURLY.length;
  }

  private final long start;
  private final int startWeekday; // 0 = Monday

  Diurnal(long start) {
    this.start = start;
    // 1970-01-01 was a Thursday (3); shift to local time first.
    long localDays = Math.floorDiv(start + 8 * Sim.HOUR, Sim.DAY);
    this.startWeekday = Math.floorMod(localDays + 3, 7);
  }

  /** Activity at time t relative to the daily mean (1.0 = average minute). */
  double weight(long t) {
    long since = t - start;
    int hour = (int) Math.floorMod(since / Sim.HOUR, 24L);
    int weekday = (int) Math.floorMod(startWeekday + Math.floorDiv(since, Sim.DAY), 7L);
    return HOURLY[hour] / MEAN * (weekday >= 5 ? 1.15 : 0.94);
  }

  /** A time on the day starting at {@code dayStart}, drawn by the day's activity curve. */
  static long timeOfDay(SplittableRandom rnd, long dayStart) {
    return dayStart + HOURS.next(rnd) * Sim.HOUR + rnd.nextLong(Sim.HOUR);
  }

  /** A time on that day within [fromHour, toHour), drawn by the activity curve. */
  static long timeOfDay(SplittableRandom rnd, long dayStart, int fromHour, int toHour) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int h = HOURS.next(rnd);
      if (h >= fromHour && h < toHour) {
        return dayStart + h * Sim.HOUR + rnd.nextLong(Sim.HOUR);
      }
    }
    return dayStart + Rand.between(rnd, fromHour, toHour - 1) * Sim.HOUR + rnd.nextLong(Sim.HOUR);
  }
}
