package io.brushguard.ingest;

import io.brushguard.event.Event;
import io.brushguard.event.InvalidEventException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Streams a JSON Lines file of events (plain or gzip, detected by its magic bytes) through an
 * {@link EventParser}: each valid line goes to {@link Sink#accept}, each bad one to {@link
 * Sink#reject} with its line number, and reading goes on. Lines are framed by {@link LineFramer}:
 * LF or CRLF endings, blank lines skipped (but counted), a UTF-8 byte order mark at the start
 * ignored; lines longer than {@value #MAX_LINE_BYTES} bytes are rejected whole. Memory is bounded
 * by the framer's buffer (at most that limit plus one byte).
 *
 * <p>A stream that starts like UTF-16 (a UTF-16 byte order mark, or ASCII next to zero bytes) is
 * not read line by line: it gets one reject, on line 1, saying it is UTF-16 and must be UTF-8, and
 * the rest of it is skipped, since every line of it would fail alike.
 */
public final class EventReader {
  public static final int MAX_LINE_BYTES = LineFramer.MAX_LINE_BYTES;

  private static final String TOO_LONG = "line is longer than " + MAX_LINE_BYTES + " bytes";

  /** Where parsed events and rejects go, in input order. */
  public interface Sink {
    void accept(Event event, long line);

    void reject(Reject reject);
  }

  private final EventParser parser = new EventParser();
  private long bytesReadBefore; // by earlier reads
  private LineFramer reading; // the current read's framer

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
    LineFramer lines = reading;
    return bytesReadBefore + (lines == null ? 0 : lines.bytesRead());
  }

  /** Reads the stream to its end; returns the number of lines seen. */
  public long read(InputStream in, Sink sink) {
    byte[] head;
    try {
      head = in.readNBytes(2);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String utf16 = JsonLine.utf16(head, 0, head.length);
    if (utf16 != null) {
      bytesReadBefore += head.length;
      sink.reject(new Reject(1, null, utf16, null));
      return 1;
    }
    LineFramer lines = new LineFramer(new SequenceInputStream(new ByteArrayInputStream(head), in));
    reading = lines;
    try {
      LineFramer.Frame line;
      while ((line = lines.next()) != null) {
        if (line.tooLong()) {
          sink.reject(new Reject(line.number(), null, TOO_LONG, line.excerpt()));
        } else {
          handle(line, sink);
        }
      }
      return lines.lines();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      bytesReadBefore += lines.bytesRead();
      reading = null;
    }
  }

  private void handle(LineFramer.Frame line, Sink sink) {
    Event e;
    try {
      e = parser.parse(line.bytes(), line.from(), line.to());
    } catch (InvalidEventException ex) {
      sink.reject(new Reject(line.number(), ex.field(), ex.reason(), line.excerpt()));
      return;
    }
    sink.accept(e, line.number());
  }
}
