package io.brushguard.eval;

import io.brushguard.ingest.Reject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a JSON Lines stream into lines and hands each non-blank one, decoded as strict UTF-8, to a
 * handler. A line the handler throws {@link BadLine} for, a line that is not UTF-8, and a line
 * longer than {@value #MAX_LINE_BYTES} bytes each become a {@link Reject} with its 1-based line
 * number, and reading goes on. Memory: a 64 KiB buffer, grown to hold the longest line read.
 */
final class JsonLinesInput {
  static final int MAX_LINE_BYTES = 1 << 20;
  private static final int EXCERPT = 200;

  /** Receives each line's text and number. */
  interface LineHandler {
    void line(String text, long number);
  }

  private final LineHandler handler;
  private final Consumer<Reject> rejects;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private long number;

  private JsonLinesInput(LineHandler handler, Consumer<Reject> rejects) {
    this.handler = handler;
    this.rejects = rejects;
  }

  /** Reads to the end; returns the number of lines the handler accepted. */
  static long read(InputStream in, LineHandler handler, Consumer<Reject> rejects) {
    try {
      return new JsonLinesInput(handler, rejects).readAll(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long readAll(InputStream in) throws IOException {
    byte[] buf = new byte[1 << 16];
    int start = 0; // first byte of the current line
    int limit = 0; // end of the bytes read
    boolean skipping = false; // inside an over-long line, dropping bytes up to its newline
    long accepted = 0;
    while (true) {
      int scanFrom = limit;
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        break;
      }
      limit += n;
      for (int i = scanFrom; i < limit; i++) {
        if (buf[i] == '\n') {
          if (skipping) {
            skipping = false;
          } else {
            accepted += line(buf, start, i) ? 1 : 0;
          }
          start = i + 1;
        }
      }
      if (skipping) {
        start = limit = 0;
      } else if (limit - start > MAX_LINE_BYTES) {
        rejects.accept(new Reject(++number, null, "longer than " + MAX_LINE_BYTES + " bytes", ""));
        skipping = true;
        start = limit = 0;
      } else if (start > 0) {
        System.arraycopy(buf, start, buf, 0, limit - start);
        limit -= start;
        start = 0;
      } else if (limit == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    if (!skipping && limit > start) {
      accepted += line(buf, start, limit) ? 1 : 0;
    }
    return accepted;
  }

  private boolean line(byte[] buf, int from, int to) {
    number++;
    if (to - from > MAX_LINE_BYTES) {
      rejects.accept(new Reject(number, null, "longer than " + MAX_LINE_BYTES + " bytes", ""));
      return false;
    }
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(buf, from, to - from)).toString();
    } catch (CharacterCodingException e) {
      rejects.accept(new Reject(number, null, "is not valid UTF-8", ""));
      return false;
    }
    if (text.isBlank()) {
      return false;
    }
    try {
      handler.line(text, number);
      return true;
    } catch (BadLine e) {
      String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
      rejects.accept(new Reject(number, e.field, e.getMessage(), excerpt.strip()));
      return false;
    }
  }
}
