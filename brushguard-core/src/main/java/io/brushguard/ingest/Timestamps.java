package io.brushguard.ingest;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;

/**
 * Parses the contract's ISO-8601 timestamps with an offset into epoch milliseconds.
 *
 * <p>The common form {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} takes a hand-written fast
 * path (java.time's parser costs about a microsecond a call, which would halve parse speed); any
 * other form falls back to {@link OffsetDateTime#parse}.
 */
public final class Timestamps {
  /** The earliest valid event time, 2000-01-01T00:00:00Z: an integer before it is epoch seconds. */
  public static final long MIN_MILLIS = 946_684_800_000L;

  /** The latest valid event time, 9999-12-31T23:59:59.999Z: past it are micro- or nanoseconds. */
  public static final long MAX_MILLIS = 253_402_300_799_999L;

  private Timestamps() {}

  /** Whether {@code millis} is a valid event time: from 2000 to the end of year 9999. */
  public static boolean inRange(long millis) {
    return millis >= MIN_MILLIS && millis <= MAX_MILLIS;
  }

  /**
   * Why {@code millis} is not a valid event time, or {@code null} when it is. Valid times keep far
   * from the ends of {@code long}: a runtime may add a day or a century to one, or subtract a bound
   * from it, without overflow, and {@code Long.MIN_VALUE} and {@code Long.MAX_VALUE} stay free to
   * mean "none" and "end of input". The reason guesses the unit when the value fits one: {@code
   * 1740833100} is epoch seconds, {@code 1740833100000000} microseconds.
   */
  public static String outOfRange(long millis) {
    if (millis < MIN_MILLIS) {
      return "must not be before 2000-01-01T00:00:00Z"
          + (millis >= MIN_MILLIS / 1000 && millis <= MAX_MILLIS / 1000
              ? " (epoch seconds? ts is epoch milliseconds)"
              : "");
    }
    if (millis > MAX_MILLIS) {
      String unit =
          inRange(millis / 1000)
              ? "microseconds"
              : inRange(millis / 1_000_000) ? "nanoseconds" : null;
      return "must not be after 9999-12-31T23:59:59.999Z"
          + (unit == null ? "" : " (epoch " + unit + "? ts is epoch milliseconds)");
    }
    return null;
  }

  /**
   * Epoch milliseconds of an ISO-8601 date-time with offset.
   *
   * @throws IllegalArgumentException with a reason when the text is not one
   */
  public static long parseIso(String s) {
    // the fast path reads bytes; a non-Latin-1 character becomes '?' and so falls back below
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    long fast = fastParse(b, 0, b.length);
    return fast != Long.MIN_VALUE ? fast : slowParse(s);
  }

  /**
   * Epoch milliseconds of the ISO-8601 date-time held as ASCII in {@code buf[from, to)}, without
   * allocating in the common form.
   *
   * @throws IllegalArgumentException with a reason when the text is not one
   */
  static long parseIso(byte[] buf, int from, int to) {
    long fast = fastParse(buf, from, to);
    return fast != Long.MIN_VALUE
        ? fast
        : slowParse(new String(buf, from, to - from, StandardCharsets.UTF_8));
  }

  private static long slowParse(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "must be ISO-8601 with an offset (2025-03-01T20:15:00+08:00) or epoch milliseconds, was \""
              + EventParser.abbreviate(s)
              + "\"");
    } catch (ArithmeticException e) {
      // a year of millions: valid ISO-8601, but its milliseconds do not fit in a long
      throw new IllegalArgumentException(
          "must be from 2000-01-01 to 9999-12-31, was \"" + EventParser.abbreviate(s) + "\"");
    }
  }

  /**
   * The common form only; returns Long.MIN_VALUE for anything else (which may still be valid
   * ISO-8601, e.g. without seconds, so the caller falls back to java.time). Never accepts a text
   * that {@link OffsetDateTime#parse} rejects, nor gives it a different instant.
   */
  private static long fastParse(byte[] s, int from, int to) {
    int n = to - from;
    if (n < 20
        || s[from + 4] != '-'
        || s[from + 7] != '-'
        || (s[from + 10] != 'T' && s[from + 10] != 't')
        || s[from + 13] != ':'
        || s[from + 16] != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, from, 4);
    int month = digits(s, from + 5, 2);
    int day = digits(s, from + 8, 2);
    int hour = digits(s, from + 11, 2);
    int minute = digits(s, from + 14, 2);
    int second = digits(s, from + 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || month < 1
        || month > 12
        || day < 1
        || day > daysInMonth(year, month)
        || hour > 23
        || minute > 59
        || second > 59) {
      return Long.MIN_VALUE;
    }
    int p = from + 19;
    int millis = 0;
    if (p < to && s[p] == '.') {
      p++;
      int digits = 0;
      while (p < to && s[p] >= '0' && s[p] <= '9') {
        if (digits < 3) {
          millis = millis * 10 + (s[p] - '0');
        }
        digits++;
        p++;
      }
      if (digits == 0 || digits > 9) {
        return Long.MIN_VALUE; // java.time decides: it takes "00.Z" and refuses 10 digits
      }
      for (int d = digits; d < 3; d++) {
        millis *= 10;
      }
    }
    int offsetSeconds;
    if (p == to - 1 && (s[p] == 'Z' || s[p] == 'z')) {
      offsetSeconds = 0;
    } else if (p == to - 6 && (s[p] == '+' || s[p] == '-') && s[p + 3] == ':') {
      int oh = digits(s, p + 1, 2);
      int om = digits(s, p + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return Long.MIN_VALUE;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s[p] == '-' ? -1 : 1);
    } else {
      return Long.MIN_VALUE;
    }
    long days = epochDay(year, month, day);
    long seconds = days * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000 + millis;
  }

  private static int digits(byte[] s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      int c = s[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 (proleptic Gregorian), as in java.time.LocalDate#toEpochDay. */
  static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
        total--;
      }
    }
    return total - 719_528;
  }
}
