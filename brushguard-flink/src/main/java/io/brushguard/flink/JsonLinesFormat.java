package io.brushguard.flink;

import io.brushguard.ingest.EventReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Splits a JSON Lines file into numbered {@link Line}s exactly as {@link EventReader} frames its
 * input: lines end at {@code \n}, one trailing {@code \r} is dropped, blank lines (spaces, tabs)
 * are skipped but counted, a last line without a newline counts, and a line longer than {@link
 * EventReader#MAX_LINE_BYTES} is handed on as its first {@value #EXCERPT_BYTES} bytes, marked too
 * long. Parsing is left to {@link ParseLines}.
 *
 * <p>Not splittable: line numbers need the whole file from its start, so one reader reads one file.
 * The reader reports no offsets; after a restore, Flink re-reads the file from its start and skips
 * the lines already emitted, which also recomputes the line numbers. Files ending in {@code .gz}
 * are decompressed by the file source.
 *
 * <p>Memory: one buffer of at most {@code MAX_LINE_BYTES + 64 KiB}.
 */
final class JsonLinesFormat extends SimpleStreamFormat<Line> {
  private static final long serialVersionUID = 1L;

  /** As much of a rejected line as a reject keeps (EventReader's excerpt length). */
  static final int EXCERPT_BYTES = 200;

  @Override
  public StreamFormat.Reader<Line> createReader(Configuration config, FSDataInputStream stream) {
    return new LineReader(stream, EventReader.MAX_LINE_BYTES);
  }

  @Override
  public TypeInformation<Line> getProducedType() {
    return TypeInformation.of(Line.class);
  }

  /** Pull-style line framing over one stream. */
  static final class LineReader implements StreamFormat.Reader<Line> {
    private final InputStream in;
    private final int maxLineBytes;
    private byte[] buf = new byte[1 << 16];
    private int start; // first byte of the current line
    private int scanned; // bytes before this index hold no newline of the current line
    private int limit; // end of the bytes read
    private long lineNumber;
    private boolean skipping; // inside an over-long line, dropping bytes up to its newline
    private boolean eof;

    LineReader(InputStream in, int maxLineBytes) {
      this.in = in;
      this.maxLineBytes = maxLineBytes;
    }

    @Override
    public Line read() throws IOException {
      while (true) {
        int nl = indexOfNewline(scanned, limit);
        if (nl >= 0) {
          int from = start;
          start = nl + 1;
          scanned = start;
          if (skipping) {
            skipping = false;
            continue;
          }
          lineNumber++;
          Line line = line(from, nl);
          if (line != null) {
            return line;
          }
          continue;
        }
        scanned = limit;
        if (!skipping && limit - start > maxLineBytes) {
          lineNumber++;
          skipping = true;
          Line tooLong = new Line(lineNumber, excerpt(start, limit), true);
          start = limit;
          scanned = limit;
          return tooLong;
        }
        if (skipping) {
          start = limit;
          scanned = limit;
        }
        if (eof || !fill()) {
          eof = true;
          if (!skipping && limit > start) {
            int from = start;
            start = limit;
            lineNumber++;
            Line last = line(from, limit);
            if (last != null) {
              return last;
            }
          }
          return null;
        }
      }
    }

    /** Reads more bytes, compacting or growing the buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
      if (start == limit) {
        start = 0;
        scanned = 0;
        limit = 0;
      } else if (limit == buf.length) {
        if (start > 0) {
          System.arraycopy(buf, start, buf, 0, limit - start);
          limit -= start;
          scanned -= start;
          start = 0;
        } else {
          buf = Arrays.copyOf(buf, buf.length * 2);
        }
      }
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        return false;
      }
      limit += n;
      return true;
    }

    /** The line in {@code buf[from, to)}, or null when it is blank. */
    private Line line(int from, int to) {
      if (to - from > maxLineBytes) {
        return new Line(lineNumber, excerpt(from, to), true);
      }
      if (to > from && buf[to - 1] == '\r') {
        to--;
      }
      for (int i = from; i < to; i++) {
        byte b = buf[i];
        if (b != ' ' && b != '\t' && b != '\r') {
          return new Line(lineNumber, Arrays.copyOfRange(buf, from, to), false);
        }
      }
      return null;
    }

    private byte[] excerpt(int from, int to) {
      return Arrays.copyOfRange(buf, from, Math.min(to, from + EXCERPT_BYTES));
    }

    private int indexOfNewline(int from, int to) {
      for (int i = from; i < to; i++) {
        if (buf[i] == '\n') {
          return i;
        }
      }
      return -1;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
