package io.brushguard.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict JSON (RFC 8259) for one line of labels or findings, read with jackson-core's streaming
 * parser. Objects become {@link LinkedHashMap}s (duplicate keys are an error), arrays {@link
 * ArrayList}s, numbers {@link Double}s, {@code null} Java {@code null}. Nesting is limited to
 * {@value #MAX_DEPTH} levels.
 *
 * <p>Design note: jackson-core does the reading; this class only builds the tree and words the
 * errors. Its messages are reworded into short ones that name the column ({@code malformed JSON at
 * column 8: expected ',' or '}'}), the wording evaluation users and tests have seen since the
 * hand-written reader this replaced.
 */
final class StrictJson {
  static final int MAX_DEPTH = 32;

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private final JsonParser p;

  private StrictJson(JsonParser p) {
    this.p = p;
  }

  /** Parses one complete JSON value; throws {@link BadLine} naming the column of the problem. */
  static Object parse(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      StrictJson reader = new StrictJson(p);
      JsonToken first;
      try {
        first = p.nextToken();
      } catch (JsonProcessingException e) {
        throw reword(e, false);
      }
      if (first == null) {
        throw error(text.length() + 1, "unexpected end of line");
      }
      Object value;
      try {
        value = reader.value(first, 0);
      } catch (JsonProcessingException e) {
        throw reword(e, false);
      }
      try {
        if (p.nextToken() != null) {
          throw error(column(p), "unexpected text after the JSON value");
        }
      } catch (JsonProcessingException e) {
        throw reword(e, true);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw reword(e, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String source does no I/O
    }
  }

  private Object value(JsonToken t, int depth) throws IOException {
    return switch (t) {
      case START_OBJECT -> object(depth + 1);
      case START_ARRAY -> array(depth + 1);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw error(column(p), "unexpected " + t);
    };
  }

  private Map<String, Object> object(int depth) throws IOException {
    checkDepth(depth);
    Map<String, Object> out = new LinkedHashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyAt = column(p);
      Object v = value(p.nextToken(), depth);
      if (out.containsKey(key)) {
        throw error(keyAt, "duplicate field \"" + key + "\"");
      }
      out.put(key, v);
    }
    return out; // END_OBJECT: jackson reports anything else as an error
  }

  private List<Object> array(int depth) throws IOException {
    checkDepth(depth);
    List<Object> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(value(t, depth));
    }
    return out;
  }

  private Double number() throws IOException {
    int at = column(p);
    double d = p.getDoubleValue();
    if (Double.isInfinite(d)) {
      throw error(at, "number out of range");
    }
    return d;
  }

  private void checkDepth(int depth) {
    if (depth > MAX_DEPTH) {
      throw error(column(p), "nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private static int column(JsonParser p) {
    return p.currentTokenLocation().getColumnNr();
  }

  private static BadLine error(int column, String what) {
    return new BadLine(null, "malformed JSON at column " + column + ": " + what);
  }

  /**
   * jackson-core's message in our words. Its column is that of the offending character, except
   * inside a number, where it points one before (at the digit or sign it had read).
   */
  static BadLine reword(JsonProcessingException e, boolean afterValue) {
    String m = e.getOriginalMessage();
    int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
    if (m.contains("in numeric value")) {
      column++;
    }
    return error(column, afterValue ? "unexpected text after the JSON value" : words(m));
  }

  private static String words(String m) {
    if (m.contains("start field name")) {
      return "expected a field name in double quotes";
    } else if (m.contains("separate Object entries") || m.contains("Leading zeroes")) {
      return "expected ',' or '}'"; // 01 reads as 0, then an unexpected 1
    } else if (m.contains("separate Array entries")) {
      return "expected ',' or ']'";
    } else if (m.contains("colon to separate")) {
      return "expected ':'";
    } else if (m.contains("closing quote")) {
      return "unterminated string";
    } else if (m.contains("end-of-input")) {
      return "unexpected end of line";
    } else if (m.contains("Decimal point")) {
      return "expected a digit after '.'";
    } else if (m.contains("Exponent indicator")) {
      return "expected a digit in the exponent";
    } else if (m.contains("minus sign")) {
      return "expected a digit";
    } else if (m.contains("character escape")) {
      return m.contains("hex-digit")
          ? "bad hex digit in \\u escape"
          : "unknown escape '\\" + quoted(m, '\'') + "'";
    } else if (m.contains("CTRL-CHAR")) {
      return "control character in string (escape it)";
    } else if (m.startsWith("Unrecognized token '") || m.startsWith("Non-standard token '")) {
      String token = quoted(m, '\'');
      return switch (token.isEmpty() ? ' ' : token.charAt(0)) {
        case 't' -> "unexpected word (expected true)";
        case 'f' -> "unexpected word (expected false)";
        case 'n' -> "unexpected word (expected null)";
        default -> "unexpected character '" + token.charAt(0) + "'";
      };
    } else if (m.startsWith("Unexpected close marker '")) {
      return "unexpected '" + quoted(m, '\'') + "'";
    } else if (m.startsWith("Unexpected character ('")) {
      return "unexpected character '" + m.charAt("Unexpected character ('".length()) + "'";
    }
    return m;
  }

  /** The text between the first pair of {@code quote}s in {@code m}, or "". */
  private static String quoted(String m, char quote) {
    int from = m.indexOf(quote);
    int to = from < 0 ? -1 : m.indexOf(quote, from + 1);
    return to < 0 ? "" : m.substring(from + 1, to);
  }
}
