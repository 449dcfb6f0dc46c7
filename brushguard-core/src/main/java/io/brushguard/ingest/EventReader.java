package io.brushguard.ingest;

import io.brushguard.event.Event;
import io.brushguard.event.InvalidEventException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Streams a JSON Lines file of events (plain or gzip, detected by its magic bytes) through an
 * {@link EventParser}: each valid line goes to {@link Sink#accept}, each bad one to {@link
 * Sink#reject} with its line number, and reading goes on. Memory is bounded by the buffer and the
 * longest allowed line ({@value #MAX_LINE_BYTES} bytes before its newline); longer lines are
 * rejected whole. Lines end with LF or CRLF; blank lines are skipped (but counted); a UTF-8 byte
 * order mark at the start of the stream is ignored.
 */
public final class EventReader {
  public static final int MAX_LINE_BYTES = 1 << 20;
  private static final int EXCERPT = 200;

  /** Where parsed events and rejects go, in input order. */
  public interface Sink {
    void accept(Event event, long line);

    void reject(Reject reject);
  }

  private final EventParser parser = new EventParser();
  private long bytesRead;

  /** Opens a file, gunzipping it when it starts with the gzip magic bytes. */
  public static InputStream open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }

  /** Bytes consumed so far (uncompressed), for progress reporting. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Reads the stream to its end; returns the number of lines seen. */
  public long read(InputStream in, Sink sink) {
    byte[] buf = new byte[1 << 20];
    int start = 0;
    int limit = 0;
    long line = 0;
    boolean skipping = false; // inside an over-long line, dropping bytes until its newline
    try {
      while (true) {
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
          break;
        }
        bytesRead += n;
        int scanFrom = limit;
        limit += n;
        int nl;
        while ((nl = indexOf(buf, scanFrom, limit)) >= 0) {
          if (skipping) {
            skipping = false;
          } else {
            line++;
            if (nl - start > MAX_LINE_BYTES) {
              sink.reject(tooLong(line, buf, start));
            } else {
              handle(buf, start, nl, line, sink);
            }
          }
          start = nl + 1;
          scanFrom = start;
        }
        if (skipping) {
          start = limit;
        } else if (limit - start > MAX_LINE_BYTES) {
          line++;
          sink.reject(tooLong(line, buf, start));
          skipping = true;
          start = limit;
        }
        if (start == limit) {
          start = 0;
          limit = 0;
        } else if (limit == buf.length) {
          if (start > 0) {
            System.arraycopy(buf, start, buf, 0, limit - start);
            limit -= start;
            start = 0;
          } else {
            buf = Arrays.copyOf(buf, buf.length * 2);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!skipping && limit > start) {
      line++;
      handle(buf, start, limit, line, sink); // last line without a newline
    }
    return line;
  }

  private static Reject tooLong(long line, byte[] buf, int start) {
    return new Reject(
        line,
        null,
        "line is longer than " + MAX_LINE_BYTES + " bytes",
        excerpt(buf, start, start + EXCERPT));
  }

  private void handle(byte[] buf, int from, int to, long line, Sink sink) {
    if (line == 1
        && to - from >= 3
        && buf[from] == (byte) 0xEF
        && buf[from + 1] == (byte) 0xBB
        && buf[from + 2] == (byte) 0xBF) {
      from += 3; // a byte order mark, as some Windows tools write
    }
    if (to > from && buf[to - 1] == '\r') {
      to--;
    }
    if (isBlank(buf, from, to)) {
      return; // blank lines (a trailing newline, spacing) are not events and not errors
    }
    Event e;
    try {
      e = parser.parse(buf, from, to);
    } catch (InvalidEventException ex) {
      sink.reject(new Reject(line, ex.field(), ex.reason(), excerpt(buf, from, to)));
      return;
    }
    sink.accept(e, line);
  }

  private static boolean isBlank(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String excerpt(byte[] buf, int from, int to) {
    int len = Math.min(to - from, EXCERPT);
    // decoding replaces invalid UTF-8 with U+FFFD, so the excerpt is always printable JSON text
    return new String(buf, from, len, StandardCharsets.UTF_8);
  }
}
