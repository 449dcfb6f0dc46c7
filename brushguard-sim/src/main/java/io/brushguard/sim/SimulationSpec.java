package io.brushguard.sim;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * What to simulate.
 *
 * @param seed every random choice derives from it: the same spec gives byte-identical output
 * @param events about how many events to write (the result lands within a few percent)
 * @param days length of the simulated window
 * @param start the window's first instant, epoch milliseconds (local midnight in China)
 */
public record SimulationSpec(long seed, long events, int days, long start) {
  /** 2025-03-01T00:00+08:00. */
  public static final long DEFAULT_START =
      OffsetDateTime.parse("2025-03-01T00:00:00+08:00").toInstant().toEpochMilli();

  public static final long SMALL = 100_000;
  public static final long MEDIUM = 1_000_000;
  public static final long LARGE = 10_000_000;

  /** The smallest run that still holds every tactic and trap. */
  public static final long MIN_EVENTS = 50_000;

  public static final long MAX_EVENTS = 500_000_000;

  public SimulationSpec {
    if (events < MIN_EVENTS || events > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "events must be " + MIN_EVENTS + ".." + MAX_EVENTS + ", was " + events);
    }
    if (days < 7 || days > 120) {
      throw new IllegalArgumentException("days must be 7..120, was " + days);
    }
  }

  /** A spec over the default 14-day window from {@link #DEFAULT_START}. */
  public static SimulationSpec of(long seed, long events) {
    return new SimulationSpec(seed, events, 14, DEFAULT_START);
  }

  /**
   * Events for a scale name ({@code small} about 100k, {@code medium} about 1M, {@code large} about
   * 10M) or an explicit count ({@code 250000}, {@code 60M}, {@code 2.5m}, {@code 100k}).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static long parseScale(String scale) {
    String s = scale.trim().toLowerCase(Locale.ROOT).replace("_", "");
    switch (s) {
      case "small":
        return SMALL;
      case "medium":
        return MEDIUM;
      case "large":
        return LARGE;
      default:
        break;
    }
    long unit = 1;
    if (s.endsWith("k")) {
      unit = 1_000;
    } else if (s.endsWith("m")) {
      unit = 1_000_000;
    }
    String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
    try {
      double value = Double.parseDouble(digits);
      if (!Double.isFinite(value) || value <= 0 || (unit == 1 && value != Math.rint(value))) {
        throw new NumberFormatException();
      }
      return Math.round(value * unit);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "scale must be small, medium, large or an event count such as 250000, 100k or 60M, was \""
              + scale
              + "\"");
    }
  }
}
