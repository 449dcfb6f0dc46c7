package io.brushguard.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the Shopee Code League 2020 order log: {@code orderid,shopid,userid,event_time} with {@code
 * event_time} like {@code 2019-12-27 00:23:03}. A header line is recognised and skipped; bad lines
 * are rejected with their number and the column at fault, and reading goes on.
 */
public final class ShopeeCsv {
  /** One order of the log; {@code second} is the local time as seconds since 1970. */
  public record Row(String order, String shop, String buyer, long second) {}

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
        if (line.isBlank() || (lineNo == 1 && line.startsWith("orderid"))) {
          continue;
        }
        Row row;
        try {
          row = parse(line);
        } catch (IllegalArgumentException e) {
          int colon = e.getMessage().indexOf(':');
          String field = colon > 0 ? e.getMessage().substring(0, colon) : null;
          String reason = colon > 0 ? e.getMessage().substring(colon + 2) : e.getMessage();
          sink.reject(
              new Reject(
                  lineNo, field, reason, line.length() > 200 ? line.substring(0, 200) : line));
          continue;
        }
        sink.accept(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lineNo;
  }

  static Row parse(String line) {
    int c1 = line.indexOf(',');
    int c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
    int c3 = c2 < 0 ? -1 : line.indexOf(',', c2 + 1);
    if (c3 < 0 || line.indexOf(',', c3 + 1) >= 0) {
      throw new IllegalArgumentException(
          "line: expected 4 columns orderid,shopid,userid,event_time");
    }
    String order = id("orderid", line.substring(0, c1));
    String shop = id("shopid", line.substring(c1 + 1, c2));
    String buyer = id("userid", line.substring(c2 + 1, c3));
    return new Row(order, shop, buyer, localSecond(line.substring(c3 + 1).trim()));
  }

  private static String id(String column, String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      throw new IllegalArgumentException(column + ": must not be empty");
    }
    if (v.length() > 128) {
      throw new IllegalArgumentException(column + ": is longer than 128 characters");
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
      throw new IllegalArgumentException(
          "event_time: must look like 2019-12-27 00:23:03, was \"" + s + "\"");
    }
    try {
      int year = Integer.parseInt(s, 0, 4, 10);
      int month = Integer.parseInt(s, 5, 7, 10);
      int day = Integer.parseInt(s, 8, 10, 10);
      int hour = Integer.parseInt(s, 11, 13, 10);
      int minute = Integer.parseInt(s, 14, 16, 10);
      int second = Integer.parseInt(s, 17, 19, 10);
      java.time.LocalDate.of(year, month, day); // validates the date
      if (hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) {
        throw new NumberFormatException();
      }
      return Timestamps.epochDay(year, month, day) * 86_400 + hour * 3600L + minute * 60L + second;
    } catch (NumberFormatException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("event_time: is not a valid date-time: \"" + s + "\"");
    }
  }
}
