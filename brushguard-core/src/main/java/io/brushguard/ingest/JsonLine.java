package io.brushguard.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict, allocation-light reader for one JSON object held in a byte array: the shape of an event
 * line.
 *
 * <p>Design note: events are flat objects of strings and integers, so this scanner tokenizes the
 * top level into spans (no values are materialised) and validates everything else, UTF-8 included,
 * on the way. Values are decoded only when a field is asked for. Nested arrays and objects (review
 * images, report attachments) are rare and are decoded on demand by a small recursive parser into
 * lists and maps. A generic JSON library would build a tree or call back per token; this reads a
 * typical 150-byte event line in well under a microsecond (see {@code ParseBenchmark}).
 *
 * <p>Not thread-safe; reuse one instance per thread.
 */
final class JsonLine {
  enum Kind {
    STRING,
    NUMBER,
    TRUE,
    FALSE,
    NULL,
    ARRAY,
    OBJECT
  }

  private static final Kind[] KINDS = Kind.values();
  private static final int MAX_DEPTH = 32;

  private byte[] buf;
  private int pos;
  private int end;
  private int lineStart;

  /** The index of the field whose value is being scanned, or -1: syntax errors there name it. */
  private int inValueOf = -1;

  private int count;
  private int[] keyStart = new int[16];
  private int[] keyEnd = new int[16];
  private int[] keyHash = new int[16];
  private byte[] keyFlags = new byte[16];
  private byte[] kind = new byte[16];
  private int[] valueStart = new int[16];
  private int[] valueEnd = new int[16];

  /** Bit 0: the string has escapes; bit 1: it has non-ASCII bytes. */
  private byte[] valueFlags = new byte[16];

  /** A field name, pre-encoded for fast lookup. */
  record Key(String name, byte[] bytes, int hash) {
    static Key of(String name) {
      byte[] b = name.getBytes(StandardCharsets.UTF_8);
      return new Key(name, b, JsonLine.hash(b, 0, b.length));
    }
  }

  /**
   * Scans {@code buf[from, to)} as one JSON object.
   *
   * @throws JsonSyntaxException with the 1-based column of the problem
   */
  void parse(byte[] buf, int from, int to) {
    this.buf = buf;
    this.pos = from;
    this.end = to;
    this.lineStart = from;
    this.count = 0;
    this.inValueOf = -1;
    skipWhitespace();
    if (pos >= end) {
      throw error("empty line, expected a JSON object");
    }
    if (buf[pos] != '{') {
      throw error("expected '{' at the start of the line");
    }
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
    } else {
      while (true) {
        readField();
        skipWhitespace();
        byte c = next("',' or '}'");
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw errorAt(pos - 1, "expected ',' or '}' after a value");
        }
        skipWhitespace();
      }
    }
    skipWhitespace();
    if (pos < end) {
      throw error("unexpected content after the JSON object");
    }
  }

  int size() {
    return count;
  }

  /** The index of the field, or -1 (a name given twice is rejected by {@link #parse}). */
  int find(Key key) {
    for (int i = count - 1; i >= 0; i--) {
      if (keyHash[i] == key.hash && equalsKey(i, key.bytes)) {
        return i;
      }
    }
    return -1;
  }

  Kind kind(int i) {
    return KINDS[kind[i]];
  }

  String name(int i) {
    return decodeString(keyStart[i], keyEnd[i], (byte) 3);
  }

  /** The decoded value of a string field. */
  String string(int i) {
    return decodeString(valueStart[i], valueEnd[i], valueFlags[i]);
  }

  /** Whether the string field equals {@code ascii}, without decoding it. */
  boolean stringEquals(int i, byte[] ascii) {
    int len = valueEnd[i] - valueStart[i];
    return valueFlags[i] == 0
        && len == ascii.length
        && Arrays.equals(buf, valueStart[i], valueEnd[i], ascii, 0, len);
  }

  /** Whether the string field is plain ASCII without escapes: its bytes are its characters. */
  boolean isPlain(int i) {
    return valueFlags[i] == 0;
  }

  /**
   * The line's buffer, for reading a plain value in place between {@link #valueStart(int)} and
   * {@link #valueEnd(int)} (a string's span excludes its quotes).
   */
  byte[] buffer() {
    return buf;
  }

  int valueStart(int i) {
    return valueStart[i];
  }

  int valueEnd(int i) {
    return valueEnd[i];
  }

  /** The raw text of the value, as written. */
  String raw(int i) {
    int from = kind[i] == Kind.STRING.ordinal() ? valueStart[i] - 1 : valueStart[i];
    int to = kind[i] == Kind.STRING.ordinal() ? valueEnd[i] + 1 : valueEnd[i];
    return new String(buf, from, to - from, StandardCharsets.UTF_8);
  }

  /**
   * The value of a number field as a long.
   *
   * @throws NumberFormatException with a reason when it is not an integer or out of range
   */
  long integer(int i) {
    int p = valueStart[i];
    int e = valueEnd[i];
    boolean negative = buf[p] == '-';
    if (negative) {
      p++;
    }
    long value = 0;
    for (; p < e; p++) {
      int d = buf[p] - '0';
      if (d < 0 || d > 9) {
        throw new NumberFormatException(
            "must be an integer, was " + EventParser.abbreviate(raw(i)));
      }
      if (value > (Long.MAX_VALUE - d) / 10) {
        throw new NumberFormatException("is out of range: " + EventParser.abbreviate(raw(i)));
      }
      value = value * 10 + d;
    }
    return negative ? -value : value;
  }

  /**
   * Decodes a nested array or object (or any value) into String, Long, Double, Boolean, null, List,
   * Map.
   */
  Object tree(int i) {
    return new TreeReader(buf, valueStart[i], valueEnd[i], name(i), lineStart).read();
  }

  // ---- scanning ----

  private void readField() {
    if (count == kind.length) {
      grow();
    }
    if (peek() != '"') {
      throw error("expected a field name in double quotes");
    }
    pos++;
    int ks = pos;
    byte flags = scanString();
    keyStart[count] = ks;
    keyEnd[count] = pos - 1;
    keyHash[count] =
        flags == 0 ? hash(buf, ks, pos - 1) : Key.of(decodeString(ks, pos - 1, flags)).hash;
    keyFlags[count] = flags;
    rejectDuplicate(count);
    skipWhitespace();
    if (next("':'") != ':') {
      throw errorAt(pos - 1, "expected ':' after a field name");
    }
    skipWhitespace();
    inValueOf = count;
    int vs = pos;
    byte c = next("a value");
    Kind k;
    byte vflags = 0;
    switch (c) {
      case '"' -> {
        vs = pos;
        vflags = scanString();
        k = Kind.STRING;
      }
      case '{' -> {
        skipNested('}', 1);
        k = Kind.OBJECT;
      }
      case '[' -> {
        skipNested(']', 1);
        k = Kind.ARRAY;
      }
      case 't' -> {
        literal("rue");
        k = Kind.TRUE;
      }
      case 'f' -> {
        literal("alse");
        k = Kind.FALSE;
      }
      case 'n' -> {
        literal("ull");
        k = Kind.NULL;
      }
      default -> {
        pos--;
        scanNumber();
        k = Kind.NUMBER;
      }
    }
    inValueOf = -1;
    kind[count] = (byte) k.ordinal();
    valueStart[count] = vs;
    valueEnd[count] = k == Kind.STRING ? pos - 1 : pos;
    valueFlags[count] = vflags;
    count++;
  }

  /**
   * Rejects a field name given twice: readers resolve it differently (first wins, last wins, or an
   * error), so a line that means one thing here could mean another to the platform that wrote it.
   * Compares hashes first; events have a dozen fields, so the quadratic scan costs little.
   */
  private void rejectDuplicate(int k) {
    for (int i = 0; i < k; i++) {
      if (keyHash[i] == keyHash[k] && sameName(i, k)) {
        String name = name(k);
        throw new JsonSyntaxException(
            name,
            "is given twice, at columns "
                + (keyStart[i] - lineStart)
                + " and "
                + (keyStart[k] - lineStart)
                + " (JSON readers disagree on which one counts)");
      }
    }
  }

  private boolean sameName(int i, int k) {
    if ((keyFlags[i] | keyFlags[k]) == 0) {
      return Arrays.equals(buf, keyStart[i], keyEnd[i], buf, keyStart[k], keyEnd[k]);
    }
    return name(i).equals(name(k));
  }

  /** Scans past a string body whose opening quote is consumed; returns escape/non-ASCII flags. */
  private byte scanString() {
    byte flags = 0;
    while (true) {
      if (pos >= end) {
        throw error("unterminated string (truncated?)");
      }
      int b = buf[pos];
      if (b == '"') {
        pos++;
        return flags;
      }
      if (b == '\\') {
        flags |= 1;
        pos++;
        if (pos >= end) {
          throw error("unterminated string (truncated?)");
        }
        switch (buf[pos]) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> pos++;
          case 'u' -> {
            pos++;
            int unit = hex4();
            if (unit >= 0xD800 && unit <= 0xDBFF) {
              // a high surrogate must be followed by an escaped low one: they make one character
              if (pos + 1 >= end || buf[pos] != '\\' || buf[pos + 1] != 'u') {
                throw error("unpaired surrogate escape \\u" + Integer.toHexString(unit));
              }
              pos += 2;
              int low = hex4();
              if (low < 0xDC00 || low > 0xDFFF) {
                throw errorAt(pos - 6, "unpaired surrogate escape \\u" + Integer.toHexString(unit));
              }
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
              throw errorAt(pos - 6, "unpaired surrogate escape \\u" + Integer.toHexString(unit));
            }
          }
          default -> throw error("bad escape '\\" + (char) buf[pos] + "'");
        }
      } else if (b >= 0 && b < 0x20) {
        throw error("control character in a string");
      } else if (b < 0) {
        flags |= 2;
        scanUtf8();
      } else {
        pos++;
      }
    }
  }

  /** Reads the four hex digits of a \\u escape at pos. */
  private int hex4() {
    int unit = 0;
    for (int j = 0; j < 4; j++) {
      int d = pos < end ? Character.digit(buf[pos], 16) : -1;
      if (d < 0) {
        throw error("bad \\u escape");
      }
      unit = unit << 4 | d;
      pos++;
    }
    return unit;
  }

  /** Validates one multi-byte UTF-8 sequence at pos (RFC 3629: no overlongs, no surrogates). */
  private void scanUtf8() {
    int b0 = buf[pos] & 0xFF;
    int need;
    int min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      need = 1;
      min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      need = 2;
      min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      need = 3;
      min = 0x10000;
    } else {
      throw error("invalid UTF-8 byte 0x" + Integer.toHexString(b0));
    }
    if (pos + need >= end) {
      throw error("truncated UTF-8 sequence");
    }
    int cp = b0 & (0x3F >> need);
    for (int j = 1; j <= need; j++) {
      int bj = buf[pos + j] & 0xFF;
      if ((bj & 0xC0) != 0x80) {
        throw errorAt(
            pos + j,
            "truncated UTF-8 sequence (0x"
                + Integer.toHexString(bj)
                + " is not a continuation byte)");
      }
      cp = (cp << 6) | (bj & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw error("invalid UTF-8 sequence (overlong, surrogate or out of range)");
    }
    pos += need + 1;
  }

  private void scanNumber() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (isDigit(peek())) {
      while (isDigit(peek())) {
        pos++;
      }
    } else {
      pos = start;
      throw error("expected a value");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after '.'");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      while (isDigit(peek())) {
        pos++;
      }
    }
  }

  /** Skips and validates a nested array or object whose opening bracket is consumed. */
  private void skipNested(char close, int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH);
    }
    skipWhitespace();
    if (peek() == close) {
      pos++;
      return;
    }
    while (true) {
      if (close == '}') {
        if (next("a field name") != '"') {
          throw errorAt(pos - 1, "expected a field name in double quotes");
        }
        scanString();
        skipWhitespace();
        if (next("':'") != ':') {
          throw errorAt(pos - 1, "expected ':' after a field name");
        }
        skipWhitespace();
      }
      skipValue(depth);
      skipWhitespace();
      byte c = next("',' or '" + close + "'");
      if (c == close) {
        return;
      }
      if (c != ',') {
        throw errorAt(pos - 1, "expected ',' or '" + close + "'");
      }
      skipWhitespace();
    }
  }

  private void skipValue(int depth) {
    byte c = next("a value");
    switch (c) {
      case '"' -> scanString();
      case '{' -> skipNested('}', depth + 1);
      case '[' -> skipNested(']', depth + 1);
      case 't' -> literal("rue");
      case 'f' -> literal("alse");
      case 'n' -> literal("ull");
      default -> {
        pos--;
        scanNumber();
      }
    }
  }

  private void literal(String rest) {
    for (int j = 0; j < rest.length(); j++) {
      if (pos >= end || buf[pos] != rest.charAt(j)) {
        throw error("expected a value");
      }
      pos++;
    }
  }

  private void skipWhitespace() {
    while (pos < end) {
      byte b = buf[pos];
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        pos++;
      } else {
        return;
      }
    }
  }

  private int peek() {
    return pos < end ? buf[pos] : -1;
  }

  private byte next(String expected) {
    if (pos >= end) {
      throw error("line ends where " + expected + " was expected (truncated?)");
    }
    return buf[pos++];
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private JsonSyntaxException error(String message) {
    return errorAt(pos, message);
  }

  private JsonSyntaxException errorAt(int at, String message) {
    String utf16 = utf16(buf, lineStart, end);
    if (utf16 != null) {
      return new JsonSyntaxException(null, utf16);
    }
    String field = inValueOf >= 0 ? name(inValueOf) : null;
    return new JsonSyntaxException(
        field, "malformed JSON at column " + (at - lineStart + 1) + ": " + message);
  }

  /**
   * The reason to give when {@code buf[from, to)} starts like UTF-16 text (a UTF-16 byte order
   * mark, or an ASCII character next to a zero byte, which UTF-8 JSON never holds), else null.
   */
  static String utf16(byte[] buf, int from, int to) {
    if (to - from < 2) {
      return null;
    }
    int b0 = buf[from] & 0xFF;
    int b1 = buf[from + 1] & 0xFF;
    String order;
    if ((b0 == 0xFF && b1 == 0xFE) || (b0 != 0 && b0 < 0x80 && b1 == 0)) {
      order = "UTF-16LE";
    } else if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0 && b1 != 0 && b1 < 0x80)) {
      order = "UTF-16BE";
    } else {
      return null;
    }
    return "the input is "
        + order
        + (b0 >= 0xFE ? " (it starts with a UTF-16 byte order mark)" : "")
        + ", but events must be UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)";
  }

  private void grow() {
    int n = kind.length * 2;
    keyStart = Arrays.copyOf(keyStart, n);
    keyEnd = Arrays.copyOf(keyEnd, n);
    keyHash = Arrays.copyOf(keyHash, n);
    keyFlags = Arrays.copyOf(keyFlags, n);
    kind = Arrays.copyOf(kind, n);
    valueStart = Arrays.copyOf(valueStart, n);
    valueEnd = Arrays.copyOf(valueEnd, n);
    valueFlags = Arrays.copyOf(valueFlags, n);
  }

  private boolean equalsKey(int i, byte[] name) {
    int len = keyEnd[i] - keyStart[i];
    if (len == name.length) {
      return Arrays.equals(buf, keyStart[i], keyEnd[i], name, 0, len);
    }
    // an escaped key has a different raw length: compare decoded
    return name(i).equals(new String(name, StandardCharsets.UTF_8));
  }

  static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  // ---- decoding ----

  private String decodeString(int from, int to, byte flags) {
    if (flags == 0) {
      return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }
    if ((flags & 1) == 0) {
      return new String(buf, from, to - from, StandardCharsets.UTF_8);
    }
    return unescape(buf, from, to);
  }

  static String unescape(byte[] buf, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int runStart = from;
    int p = from;
    while (p < to) {
      if (buf[p] != '\\') {
        p++;
        continue;
      }
      sb.append(new String(buf, runStart, p - runStart, StandardCharsets.UTF_8));
      char e = (char) buf[p + 1];
      p += 2;
      switch (e) {
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append(
              (char) Integer.parseInt(new String(buf, p, 4, StandardCharsets.ISO_8859_1), 16));
          p += 4;
        }
        default -> sb.append(e);
      }
      runStart = p;
    }
    sb.append(new String(buf, runStart, to - runStart, StandardCharsets.UTF_8));
    return sb.toString();
  }

  /** A recursive-descent reader for already validated JSON: the slow path for nested values. */
  private static final class TreeReader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private final String field;
    private final int lineStart;

    TreeReader(byte[] buf, int from, int to, String field, int lineStart) {
      this.buf = buf;
      this.pos = from;
      this.end = to;
      this.field = field;
      this.lineStart = lineStart;
    }

    Object read() {
      ws();
      byte c = buf[pos];
      switch (c) {
        case '{' -> {
          pos++;
          Map<String, Object> map = new LinkedHashMap<>();
          ws();
          if (buf[pos] == '}') {
            pos++;
            return map;
          }
          while (true) {
            ws();
            int at = pos;
            String k = (String) read();
            if (map.containsKey(k)) {
              throw new JsonSyntaxException(
                  field,
                  "has the name \""
                      + k
                      + "\" twice in one object, the second at column "
                      + (at - lineStart + 1));
            }
            ws();
            pos++; // ':'
            map.put(k, read());
            ws();
            if (buf[pos++] == '}') {
              return map;
            }
          }
        }
        case '[' -> {
          pos++;
          List<Object> list = new ArrayList<>();
          ws();
          if (buf[pos] == ']') {
            pos++;
            return list;
          }
          while (true) {
            list.add(read());
            ws();
            if (buf[pos++] == ']') {
              return list;
            }
          }
        }
        case '"' -> {
          int s = ++pos;
          while (buf[pos] != '"') {
            pos += buf[pos] == '\\' ? 2 : 1;
          }
          return unescape(buf, s, pos++);
        }
        case 't' -> {
          pos += 4;
          return Boolean.TRUE;
        }
        case 'f' -> {
          pos += 5;
          return Boolean.FALSE;
        }
        case 'n' -> {
          pos += 4;
          return null;
        }
        default -> {
          int s = pos;
          while (pos < end && "+-.eE0123456789".indexOf(buf[pos]) >= 0) {
            pos++;
          }
          String n = new String(buf, s, pos - s, StandardCharsets.ISO_8859_1);
          try {
            return Long.parseLong(n);
          } catch (NumberFormatException notLong) {
            return Double.parseDouble(n);
          }
        }
      }
    }

    private void ws() {
      while (pos < end
          && (buf[pos] == ' ' || buf[pos] == '\t' || buf[pos] == '\r' || buf[pos] == '\n')) {
        pos++;
      }
    }
  }
}
