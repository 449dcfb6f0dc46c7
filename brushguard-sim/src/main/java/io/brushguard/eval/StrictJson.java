package io.brushguard.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict recursive-descent JSON parser (RFC 8259) for one line of labels or findings.
 * Objects become {@link LinkedHashMap}s (duplicate keys are an error), arrays {@link ArrayList}s,
 * numbers {@link Double}s, {@code null} Java {@code null}. Nesting is limited to {@value
 * #MAX_DEPTH} levels. Evaluation files are small next to event streams, so clarity beats speed
 * here; the event parser in core is the fast one.
 */
final class StrictJson {
  static final int MAX_DEPTH = 32;

  private final String text;
  private int pos;

  private StrictJson(String text) {
    this.text = text;
  }

  /** Parses one complete JSON value; throws {@link BadLine} naming the column of the problem. */
  static Object parse(String text) {
    StrictJson p = new StrictJson(text);
    p.skipSpace();
    Object value = p.value(0);
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (pos >= text.length()) {
      throw error("unexpected end of line");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
    }
  }

  private Map<String, Object> object(int depth) {
    checkDepth(depth);
    pos++; // {
    Map<String, Object> out = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return out;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a field name in double quotes");
      }
      int keyAt = pos;
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      Object v = value(depth);
      if (out.containsKey(key)) {
        pos = keyAt;
        throw error("duplicate field \"" + key + "\"");
      }
      out.put(key, v);
      skipSpace();
      char c = next("',' or '}'");
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    checkDepth(depth);
    pos++; // [
    List<Object> out = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return out;
    }
    while (true) {
      skipSpace();
      out.add(value(depth));
      skipSpace();
      char c = next("',' or ']'");
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        pos--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    pos++; // opening quote
    StringBuilder sb = null;
    int runStart = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String run = text.substring(runStart, pos++);
        return sb == null ? run : sb.append(run).toString();
      }
      if (c < 0x20) {
        throw error("control character in string (escape it)");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder();
      }
      sb.append(text, runStart, pos);
      pos++;
      sb.append(escape());
      runStart = pos;
    }
  }

  private char escape() {
    char e = next("an escape");
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (pos + 4 > text.length()) {
          throw error("incomplete \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
          int d = Character.digit(text.charAt(pos++), 16);
          if (d < 0) {
            pos--;
            throw error("bad hex digit in \\u escape");
          }
          code = code * 16 + d;
        }
        return (char) code;
      default:
        pos--;
        throw error("unknown escape '\\" + e + "'");
    }
  }

  private Double number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("expected a digit");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      digits();
    }
    double d = Double.parseDouble(text.substring(start, pos));
    if (Double.isInfinite(d)) {
      pos = start;
      throw error("number out of range");
    }
    return d;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected word (expected " + word + ")");
    }
    pos += word.length();
    return value;
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next(String expected) {
    if (pos >= text.length()) {
      throw error("unexpected end of line (expected " + expected + ")");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
        return;
      }
      pos++;
    }
  }

  private BadLine error(String what) {
    return new BadLine(null, "malformed JSON at column " + (pos + 1) + ": " + what);
  }
}
