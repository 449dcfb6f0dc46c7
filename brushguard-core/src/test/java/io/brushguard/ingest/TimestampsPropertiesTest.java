package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Timestamps#parseIso} against {@link OffsetDateTime#parse}, the reference, on seeded random
 * instants, offsets and forms, and on random corruptions of them. Each trial prints its seed.
 */
class TimestampsPropertiesTest {
  private static final int TRIALS = 20_000;
  private static final long MAX_MILLIS = 253_402_300_799_999L; // 9999-12-31T23:59:59.999Z

  @Test
  void parseIso_agreesWithJavaTime_onRandomInstantsAndOffsets() {
    for (int trial = 0; trial < TRIALS; trial++) {
      Random rnd = new Random(trial);
      long millis = (rnd.nextLong() >>> 1) % MAX_MILLIS;
      String s = iso(millis, rnd);
      long expected = reference(s);
      assertThat(Timestamps.parseIso(s)).as(seed(trial, s)).isEqualTo(expected);
      assertThat(parseInBuffer(s)).as(seed(trial, s + " in a buffer")).isEqualTo(expected);
    }
  }

  @Test
  void parseIso_givesTheGeneratedInstant_truncatedToMillis() {
    for (int trial = 0; trial < TRIALS; trial++) {
      Random rnd = new Random(trial);
      long millis = (rnd.nextLong() >>> 1) % MAX_MILLIS;
      String s = iso(millis, rnd);
      long parsed = Timestamps.parseIso(s);
      // forms without seconds or with fewer fraction digits lose precision, never gain it
      assertThat(parsed).as(seed(trial, s)).isBetween(millis - 60_000, millis);
    }
  }

  @Test
  void parseIso_acceptsExactlyWhatJavaTimeAccepts_onCorruptedText() {
    String alphabet = "0123456789-+:.TtZz ٣０Wx";
    int accepted = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Random rnd = new Random(trial);
      StringBuilder sb = new StringBuilder(iso((rnd.nextLong() >>> 1) % MAX_MILLIS, rnd));
      for (int m = 1 + rnd.nextInt(2); m > 0 && sb.length() > 0; m--) {
        int at = rnd.nextInt(sb.length());
        char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
        switch (rnd.nextInt(4)) {
          case 0 -> sb.setCharAt(at, c);
          case 1 -> sb.deleteCharAt(at);
          case 2 -> sb.insert(at, c);
          default -> sb.setLength(at);
        }
      }
      String s = sb.toString();
      Long expected;
      try {
        expected = reference(s);
      } catch (DateTimeException | ArithmeticException e) {
        expected = null;
      }
      if (expected == null) {
        assertThatThrownBy(() -> Timestamps.parseIso(s))
            .as(seed(trial, s))
            .isInstanceOf(IllegalArgumentException.class);
        if (s.chars().allMatch(ch -> ch < 0x80)) {
          assertThatThrownBy(() -> parseInBuffer(s))
              .as(seed(trial, s + " in a buffer"))
              .isInstanceOf(IllegalArgumentException.class);
        }
      } else {
        accepted++;
        assertThat(Timestamps.parseIso(s)).as(seed(trial, s)).isEqualTo(expected);
      }
    }
    assertThat(accepted).isBetween(TRIALS / 20, TRIALS - TRIALS / 20);
  }

  @Test
  void parseIso_rejectsWhatJavaTimeRejects_atTheEdges() {
    for (String s :
        new String[] {
          "2025-03-01T20:15:00+18:01",
          "2025-03-01T20:15:00-18:30",
          "2025-03-01T20:15:00.1234567890Z",
          "2025-03-01T20:15:00.١Z",
          "2023-02-29T00:00:00Z",
          "1900-02-29T00:00:00Z",
          "2025-04-31T00:00:00Z",
          "2025-03-01T20:60:00Z",
          "2025-03-01T20:15:60Z",
          "2025-03-01T20:15:00+08:60"
        }) {
      assertThatThrownBy(() -> OffsetDateTime.parse(s)).as(s).isInstanceOf(DateTimeException.class);
      assertThatThrownBy(() -> Timestamps.parseIso(s))
          .as(s)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String s :
        new String[] {
          "2025-03-01T20:15:00+18:00",
          "2025-03-01T20:15:00-18:00",
          "2000-02-29T00:00:00Z",
          "2025-03-01T20:15:00.Z",
          "2025-03-01T20:15:00.+08:00",
          "2025-03-01T20:15:00.123456789Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999-18:00"
        }) {
      assertThat(Timestamps.parseIso(s)).as(s).isEqualTo(reference(s));
    }
  }

  @Test
  void validRange_isTheYears2000To9999_andFarFromTheEndsOfLong() {
    assertThat(Timestamps.MIN_MILLIS)
        .isEqualTo(Instant.parse("2000-01-01T00:00:00Z").toEpochMilli());
    assertThat(Timestamps.MAX_MILLIS)
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli());
    assertThat(Timestamps.outOfRange(Timestamps.MIN_MILLIS)).isNull();
    assertThat(Timestamps.outOfRange(Timestamps.MAX_MILLIS)).isNull();
    for (long bad :
        new long[] {
          Long.MIN_VALUE,
          -1,
          0,
          Timestamps.MIN_MILLIS - 1,
          Timestamps.MAX_MILLIS + 1,
          Long.MAX_VALUE
        }) {
      assertThat(Timestamps.inRange(bad)).as("%d", bad).isFalse();
      assertThat(Timestamps.outOfRange(bad)).as("%d", bad).isNotNull();
    }
    // a century added to the latest valid time, or any bound taken from the earliest, still fits
    long century = 100L * 366 * 86_400_000;
    assertThat(Math.addExact(Timestamps.MAX_MILLIS, century)).isLessThan(Long.MAX_VALUE / 1000);
    assertThat(Timestamps.MIN_MILLIS - Long.MAX_VALUE).isGreaterThan(Long.MIN_VALUE);
  }

  @Test
  void outOfRange_guessesTheUnit_onlyWhenItFits() {
    assertThat(Timestamps.outOfRange(1_740_833_100L)).contains("epoch seconds?");
    assertThat(Timestamps.outOfRange(1_740_833_100_000_000L)).contains("epoch microseconds?");
    assertThat(Timestamps.outOfRange(1_740_833_100_000_000_000L)).contains("epoch nanoseconds?");
    assertThat(Timestamps.outOfRange(-1_740_833_100L)).doesNotContain("?");
    assertThat(Timestamps.outOfRange(Long.MIN_VALUE)).doesNotContain("?");
    assertThat(Timestamps.outOfRange(946_684_799_999L))
        .doesNotContain("?"); // 1999, as milliseconds
  }

  @Test
  void parseIso_extremeYears_rejectedAsIllegalArgument() {
    assertThatThrownBy(() -> Timestamps.parseIso("+999999999-12-31T23:59:59Z"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timestamps.parseIso("-999999999-01-01T00:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parseIso_rejection_abbreviatesHugeText() {
    String huge = "2025-03-01T20:15:00" + "0".repeat(10_000);
    assertThatThrownBy(() -> Timestamps.parseIso(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("...")
        .matches(e -> e.getMessage().length() < 200);
  }

  @Test
  void epochDay_matchesJavaTime_forEveryDayOfSomeCenturies() {
    for (long day = -800_000; day < 3_000_000; day += 7) {
      java.time.LocalDate d = java.time.LocalDate.ofEpochDay(day);
      assertThat(Timestamps.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()))
          .as(d.toString())
          .isEqualTo(day);
    }
  }

  private static long reference(String s) {
    return OffsetDateTime.parse(s).toInstant().toEpochMilli();
  }

  /** Parses s as ASCII bytes placed in the middle of a larger buffer, as the parser does. */
  private static long parseInBuffer(String s) {
    byte[] text = s.getBytes(StandardCharsets.US_ASCII);
    byte[] buf = new byte[text.length + 10];
    java.util.Arrays.fill(buf, (byte) '7');
    System.arraycopy(text, 0, buf, 4, text.length);
    return Timestamps.parseIso(buf, 4, 4 + text.length);
  }

  /**
   * A random ISO-8601 text for the instant {@code millis}: a random offset (minutes, sometimes
   * seconds, or Z), random fraction digits (0 to 9, truncating), sometimes lower-case separators
   * and sometimes no seconds. Written by hand so the reference parser is not also the formatter.
   */
  static String iso(long millis, Random rnd) {
    int offsetSeconds;
    switch (rnd.nextInt(6)) {
      case 0 -> offsetSeconds = 0;
      case 1 -> offsetSeconds = 8 * 3600;
      case 2 -> offsetSeconds = (rnd.nextInt(18 * 60 * 2 + 1) - 18 * 60) * 60;
      case 3 -> offsetSeconds = rnd.nextBoolean() ? 18 * 3600 : -18 * 3600;
      case 4 -> offsetSeconds = rnd.nextInt(18 * 3600 * 2 + 1) - 18 * 3600; // with seconds
      default -> offsetSeconds = (rnd.nextInt(37) - 18) * 3600;
    }
    Instant instant = Instant.ofEpochMilli(millis);
    LocalDateTime local =
        LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC)
            .plusSeconds(offsetSeconds);
    if (local.getYear() < 0 || local.getYear() > 9999) {
      offsetSeconds = 0;
      local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    }
    boolean withSeconds = rnd.nextInt(10) != 0;
    StringBuilder sb = new StringBuilder();
    sb.append(pad(local.getYear(), 4)).append('-').append(pad(local.getMonthValue(), 2));
    sb.append('-').append(pad(local.getDayOfMonth(), 2));
    sb.append(rnd.nextInt(10) == 0 ? 't' : 'T');
    sb.append(pad(local.getHour(), 2)).append(':').append(pad(local.getMinute(), 2));
    if (withSeconds) {
      sb.append(':').append(pad(local.getSecond(), 2));
      int digits = rnd.nextInt(10);
      if (digits > 0) {
        // nanos of the millisecond instant, then random sub-millisecond digits
        String nanos = pad((int) (millis % 1000) * 1_000_000 + rnd.nextInt(1_000_000), 9);
        sb.append('.').append(nanos, 0, digits);
      }
    }
    if (offsetSeconds == 0 && rnd.nextBoolean()) {
      sb.append(rnd.nextInt(5) == 0 ? 'z' : 'Z');
    } else {
      int abs = Math.abs(offsetSeconds);
      sb.append(offsetSeconds < 0 ? '-' : '+');
      sb.append(pad(abs / 3600, 2)).append(':').append(pad(abs / 60 % 60, 2));
      if (abs % 60 != 0) {
        sb.append(':').append(pad(abs % 60, 2));
      }
    }
    return sb.toString();
  }

  private static String pad(int v, int width) {
    String s = Integer.toString(v);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }

  private static Supplier<String> seed(int trial, String input) {
    return () -> "seed " + trial + ": " + input;
  }
}
