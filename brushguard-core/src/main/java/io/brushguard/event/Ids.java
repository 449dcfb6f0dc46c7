package io.brushguard.event;

/**
 * The contract's rules for ids: non-empty strings of at most {@value #MAX_LENGTH} characters, with
 * no control characters (an id is a key: {@code "u\u0000x"} would print as {@code "ux"} and join
 * what it should not).
 */
public final class Ids {
  public static final int MAX_LENGTH = 128;

  private Ids() {}

  /** Returns {@code id} if valid, else throws naming the field. */
  public static String require(String field, String id) {
    if (id == null) {
      throw new InvalidEventException(field, "is required");
    }
    return check(field, id);
  }

  /** Returns {@code id} (which may be null) if valid, else throws naming the field. */
  public static String optional(String field, String id) {
    return id == null ? null : check(field, id);
  }

  private static String check(String field, String id) {
    if (id.isEmpty()) {
      throw new InvalidEventException(field, "must not be empty");
    }
    if (id.length() > MAX_LENGTH && id.codePointCount(0, id.length()) > MAX_LENGTH) {
      throw new InvalidEventException(
          field, "is longer than " + MAX_LENGTH + " characters (" + id.length() + ")");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        throw new InvalidEventException(
            field,
            String.format(
                "must not contain control characters, has U+%04X at position %d", (int) c, i + 1));
      }
    }
    return id;
  }

  static long nonNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidEventException(field, "must not be negative, was " + value);
    }
    return value;
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw new InvalidEventException(field, "is required");
    }
    return value;
  }
}
