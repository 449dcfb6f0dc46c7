package io.brushguard.ingest;

/** A line that is not one well-formed JSON object; the message names the column. */
final class JsonSyntaxException extends RuntimeException {
  JsonSyntaxException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
