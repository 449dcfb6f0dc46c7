package io.brushguard.eval;

/** One input line broke its format; the reader turns it into a reject and goes on. */
final class BadLine extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The field at fault, or {@code null} when the line as a whole is (malformed JSON). */
  final String field;

  BadLine(String field, String reason) {
    super(reason, null, false, false);
    this.field = field;
  }
}
