package io.brushguard.ingest;

import io.brushguard.event.Event;
import java.time.Instant;

/**
 * A line of input that broke the contract.
 *
 * @param line 1-based line number (or request number for an API)
 * @param field the field at fault, or {@code null} when the line as a whole is (malformed JSON)
 * @param reason what was wrong, in words
 * @param excerpt the start of the offending line, for the rejects file
 */
public record Reject(long line, String field, String reason, String excerpt) {

  /** One human-readable line: {@code line 12: field "rating" must be 1..5, was 6}. */
  public String message() {
    return "line " + line + ": " + (field == null ? reason : "field \"" + field + "\" " + reason);
  }

  /** The report of an event later than the out-of-order bound allows: counted, not used. */
  public static Reject late(Event event, long line) {
    return new Reject(
        line,
        "ts",
        "is later than the out-of-order bound allows (late event, not used)",
        event.type().wire() + " at " + Instant.ofEpochMilli(event.ts()));
  }

  /**
   * The report of an event more than the ahead bound past the stream's time (a mistyped year, a
   * device clock): counted as rejected, not used.
   *
   * @param streamTs the stream's time the event was judged against
   */
  public static Reject ahead(Event event, long line, long aheadMillis, long streamTs) {
    return new Reject(
        line,
        "ts",
        "is "
            + Instant.ofEpochMilli(event.ts())
            + ", more than "
            + duration(aheadMillis)
            + " ahead of the stream's time "
            + Instant.ofEpochMilli(streamTs)
            + " (wrong clock or year? not used)",
        event.type().wire() + " at " + Instant.ofEpochMilli(event.ts()));
  }

  /** A bound as the config writes it: {@code 1d}, {@code 90m}, {@code 1500ms}. */
  static String duration(long millis) {
    long[] units = {86_400_000, 3_600_000, 60_000, 1000};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (millis % units[i] == 0) {
        return millis / units[i] + names[i];
      }
    }
    return millis + "ms";
  }
}
