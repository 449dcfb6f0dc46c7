package io.brushguard.ingest;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses the contract's ISO-8601 timestamps with an offset into epoch milliseconds.
 *
 * <p>The common form {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)} takes a hand-written fast
 * path (java.time's parser costs about a microsecond a call, which would halve parse speed); any
 * other form falls back to {@link OffsetDateTime#parse}.
 */
public final class Timestamps {
  private Timestamps() {}

  /**
   * Epoch milliseconds of an ISO-8601 date-time with offset.
   *
   * @throws IllegalArgumentException with a reason when the text is not one
   */
  public static long parseIso(String s) {
    long fast = fastParse(s);
    if (fast != Long.MIN_VALUE) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "must be ISO-8601 with an offset (2025-03-01T20:15:00+08:00) or epoch milliseconds, was \""
              + s
              + "\"");
    }
  }

  /** Returns Long.MIN_VALUE when the text is not in the fast-path form. */
  private static long fastParse(String s) {
    int n = s.length();
    if (n < 20
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != 'T' && s.charAt(10) != 't')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return Long.MIN_VALUE;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
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
    int p = 19;
    int millis = 0;
    if (p < n && s.charAt(p) == '.') {
      p++;
      int digits = 0;
      while (p < n && Character.isDigit(s.charAt(p))) {
        if (digits < 3) {
          millis = millis * 10 + (s.charAt(p) - '0');
        }
        digits++;
        p++;
      }
      if (digits == 0) {
        return Long.MIN_VALUE;
      }
      for (int d = digits; d < 3; d++) {
        millis *= 10;
      }
    }
    int offsetSeconds;
    if (p == n - 1 && (s.charAt(p) == 'Z' || s.charAt(p) == 'z')) {
      offsetSeconds = 0;
    } else if (p == n - 6 && (s.charAt(p) == '+' || s.charAt(p) == '-') && s.charAt(p + 3) == ':') {
      int oh = digits(s, p + 1, 2);
      int om = digits(s, p + 4, 2);
      if (oh < 0 || om < 0 || oh > 18 || om > 59) {
        return Long.MIN_VALUE;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (s.charAt(p) == '-' ? -1 : 1);
    } else {
      return Long.MIN_VALUE;
    }
    long days = epochDay(year, month, day);
    long seconds = days * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1000 + millis;
  }

  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
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
