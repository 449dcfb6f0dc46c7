package io.brushguard.findings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * JSON writing for the output contract: a jackson-core generator set to the contract's escapes, and
 * the same escapes, scores and timestamps as {@link StringBuilder} helpers for the small writers
 * that append to one.
 *
 * <p>The escapes are the contract's, byte for byte, whichever writer is used: {@code \"}, {@code
 * \\}, {@code \n}, {@code \r}, {@code \t}, every other control character and U+2028/U+2029 (which
 * break JavaScript readers) as a backslash-u escape with lower-case hex; all else as UTF-8.
 */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static final JsonFactory FACTORY =
      new JsonFactoryBuilder()
          .characterEscapes(new ContractEscapes())
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .build();

  private Json() {}

  /** Writes one JSON value with a jackson-core generator and returns its text. */
  static String write(int sizeHint, Consumer<JsonGenerator> body) {
    StringWriter out = new StringWriter(sizeHint);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      body.accept(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does no I/O
    }
    return out.toString();
  }

  /** A score with at most 4 decimals and no exponent, as {@link #score(StringBuilder, double)}. */
  static String score(double score) {
    return score(new StringBuilder(8), score).toString();
  }

  /** jackson-core's escapes, but backspace and form feed as backslash-u, and U+2028/2029 too. */
  private static final class ContractEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializableString LS = new SerializedString("\\u2028");
    private static final SerializableString PS = new SerializedString("\\u2029");
    private final int[] ascii = standardAsciiEscapesForJSON();

    ContractEscapes() {
      ascii['\b'] = ESCAPE_STANDARD;
      ascii['\f'] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == 0x2028 ? LS : ch == 0x2029 ? PS : null;
    }
  }

  /** Appends {@code s} as a JSON string literal (or {@code null}). */
  public static StringBuilder string(StringBuilder out, String s) {
    if (s == null) {
      return out.append("null");
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF]);
            out.append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  /** Appends an epoch-millisecond instant as an ISO-8601 UTC string literal. */
  public static StringBuilder instant(StringBuilder out, long epochMillis) {
    return out.append('"').append(Instant.ofEpochMilli(epochMillis)).append('"');
  }

  /** Appends a score with at most 4 decimals and no exponent. */
  public static StringBuilder score(StringBuilder out, double score) {
    long scaled = Math.round(score * 10_000);
    out.append(scaled / 10_000);
    long frac = scaled % 10_000;
    if (frac != 0) {
      String f = Long.toString(10_000 + frac).substring(1);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(f, 0, end);
    }
    return out;
  }
}
