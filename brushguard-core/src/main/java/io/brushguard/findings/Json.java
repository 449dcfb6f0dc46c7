package io.brushguard.findings;

import java.time.Instant;

/** Minimal JSON writing helpers for the output contract: string escaping and timestamps. */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

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
