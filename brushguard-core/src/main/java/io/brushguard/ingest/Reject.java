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
}
