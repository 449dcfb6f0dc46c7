package io.brushguard.ingest;

import io.brushguard.detect.concentration.ShopeeBrushing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * Reads the Shopee Code League 2020 order log: {@code orderid,shopid,userid,event_time} with {@code
 * event_time} like {@code 2019-12-27 00:23:03}. A header line is recognised and skipped; bad lines
 * are rejected with their number and the column at fault (null when the line has the wrong number
 * of columns), and reading goes on. A UTF-8 byte order mark at the start is ignored.
 */
public final class ShopeeCsv {
  /** One order of the log; {@code second} is the local time as seconds since 1970. */
  public record Row(String order, String shop, String buyer, long second)
      implements ShopeeBrushing.LogOrder {}

  /** Where rows and rejects go, in input order. */
  public interface Sink {
    void accept(Row row);

    void reject(Reject reject);
  }

  private ShopeeCsv() {}

  /** Reads the whole stream; returns the number of lines seen. */
  public static long read(InputStream in, Sink sink) {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    long lineNo = 0;
    try {
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank() || (lineNo == 1 && line.startsWith("orderid"))) {
          continue;
        }
        Row row;
        try {
          row = parse(line);
        } catch (BadColumn e) {
          sink.reject(
              new Reject(
                  lineNo,
                  e.column,
                  e.getMessage(),
                  line.length() > 200 ? line.substring(0, 200) : line));
          continue;
        }
        sink.accept(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lineNo;
  }

  /** A bad value in one column (null: the line as a whole). */
  static final class BadColumn extends IllegalArgumentException {
    final String column;

    BadColumn(String column, String reason) {
      super(reason);
      this.column = column;
    }
  }

  static Row parse(String line) {
    int c1 = line.indexOf(',');
    int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
    int c3 = c2 < 0 ? -1 : line.indexOf(',', c2 + 1);
    if (c3 < 0 || line.indexOf(',', c3 + 1) >= 0) {
      throw new BadColumn(null, "expected 4 columns orderid,shopid,userid,event_time");
    }
    String order = id("orderid", line.substring(0, c1));
    String shop = id("shopid", line.substring(c1 + 1, c2));
    String buyer = id("userid", line.substring(c2 + 1, c3));
    return new Row(order, shop, buyer, localSecond(line.substring(c3 + 1).trim()));
  }

  private static String id(String column, String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      throw new BadColumn(column, "must not be empty");
    }
    if (v.length() > 128) {
      throw new BadColumn(column, "is longer than 128 characters");
    }
    return v;
  }

  /** {@code yyyy-MM-dd HH:mm:ss} as seconds since 1970 (no zone: only differences matter). */
  static long localSecond(String s) {
    if (s.length() != 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      throw new BadColumn(
          "event_time",
          "must look like 2019-12-27 00:23:03, was \"" + EventParser.abbreviate(s) + "\"");
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
        || day > YearMonth.of(year, month).lengthOfMonth()
        || hour > 23
        || minute > 59
        || second > 59) {
      throw new BadColumn("event_time", "is not a valid date-time: \"" + s + "\"");
    }
    return Timestamps.epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second;
  }

  /** The ASCII digits s[from, from + len) as a number, or -1 (no signs, no other scripts). */
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
}
