package io.brushguard.eval;

import io.brushguard.ingest.Reject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a JSON Lines stream into lines and hands each non-blank one, decoded as strict UTF-8, to a
 * handler. A line the handler throws {@link BadLine} for, a line that is not UTF-8, and a line
 * longer than {@value #MAX_LINE_BYTES} bytes each become a {@link Reject} with its 1-based line
 * number, and reading goes on. Memory: one line.
 */
final class JsonLinesInput {
  static final int MAX_LINE_BYTES = 1 << 20;
  private static final int EXCERPT = 200;

  /** Receives each line's text and number. */
  interface LineHandler {
    void line(String text, long number);
  }

  private JsonLinesInput() {}

  /** Reads to the end; returns the number of lines accepted by the handler. */
  static long read(InputStream raw, LineHandler handler, Consumer<Reject> rejects) {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    long number = 0;
    long accepted = 0;
    boolean tooLong = false;
    try {
      int b;
      while (true) {
        b = in.read();
        if (b == '\n' || b < 0) {
          if (b < 0 && line.size() == 0 && !tooLong) {
            break;
          }
          number++;
          if (tooLong) {
            rejects.accept(
                new Reject(number, null, "longer than " + MAX_LINE_BYTES + " bytes", ""));
          } else if (handle(line.toByteArray(), number, utf8, handler, rejects)) {
            accepted++;
          }
          line.reset();
          tooLong = false;
          if (b < 0) {
            break;
          }
        } else if (!tooLong) {
          line.write(b);
          if (line.size() > MAX_LINE_BYTES) {
            tooLong = true;
            line.reset();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return accepted;
  }

  private static boolean handle(
      byte[] bytes,
      long number,
      CharsetDecoder utf8,
      LineHandler handler,
      Consumer<Reject> rejects) {
    String text;
    try {
      text = utf8.decode(ByteBuffer.wrap(bytes)).toString();
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
