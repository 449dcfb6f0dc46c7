package io.brushguard.eval;

import java.util.List;
import java.util.Map;

/** Typed access to the fields of one parsed JSON object, with errors that name the field. */
final class Fields {
  private final Map<String, Object> map;

  private Fields(Map<String, Object> map) {
    this.map = map;
  }

  /** Wraps a parsed line, which must be a JSON object. */
  @SuppressWarnings("unchecked")
  static Fields of(Object parsed) {
    if (!(parsed instanceof Map)) {
      throw new BadLine(null, "must be a JSON object");
    }
    return new Fields((Map<String, Object>) parsed);
  }

  /** A required, non-empty string. */
  String string(String name) {
    String s = optionalString(name);
    if (s == null) {
      throw new BadLine(name, "is required");
    }
    return s;
  }

  /** A string that may be absent or null (then {@code null}); present, it must not be empty. */
  String optionalString(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new BadLine(name, "must be a string, was " + describe(v));
    }
    if (s.isEmpty()) {
      throw new BadLine(name, "must not be empty");
    }
    return s;
  }

  /** A required {@code true} or {@code false}. */
  boolean bool(String name) {
    Object v = map.get(name);
    if (v == null) {
      throw new BadLine(name, "is required");
    }
    return asBool(name, v);
  }

  /** {@code true} or {@code false}, or {@code otherwise} when absent or null. */
  boolean optionalBool(String name, boolean otherwise) {
    Object v = map.get(name);
    return v == null ? otherwise : asBool(name, v);
  }

  /** A required number. */
  double number(String name) {
    Object v = map.get(name);
    if (v == null) {
      throw new BadLine(name, "is required");
    }
    if (!(v instanceof Double d)) {
      throw new BadLine(name, "must be a number, was " + describe(v));
    }
    return d;
  }

  /** An array, or {@code null} when absent or null. */
  List<?> optionalArray(String name) {
    Object v = map.get(name);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> list)) {
      throw new BadLine(name, "must be an array, was " + describe(v));
    }
    return list;
  }

  private static boolean asBool(String name, Object v) {
    if (!(v instanceof Boolean b)) {
      throw new BadLine(name, "must be true or false, was " + describe(v));
    }
    return b;
  }

  private static String describe(Object v) {
    if (v instanceof String s) {
      return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "an array";
    }
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    return String.valueOf(v);
  }
}
