package io.brushguard.event;

/** An event that breaks the contract; names the offending field. */
public final class InvalidEventException extends IllegalArgumentException {
  private final String field;

  public InvalidEventException(String field, String reason) {
    super(field == null ? reason : "field \"" + field + "\" " + reason);
    this.field = field;
  }

  /** The field at fault, or {@code null} when the whole line is at fault. */
  public String field() {
    return field;
  }

  /** The reason without the field name. */
  public String reason() {
    String m = getMessage();
    return field == null ? m : m.substring(field.length() + 9);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // rejects are expected input, not bugs: no stack trace, and cheap to throw
  }
}
