package io.brushguard.ingest;

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
}
