package io.brushguard.ingest;

/**
 * A line that is not one well-formed JSON object; the message names the column, and {@link
 * #field()} the field whose value holds the fault (null when it lies outside any value).
 */
final class JsonSyntaxException extends RuntimeException {
  private final String field;

  JsonSyntaxException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
