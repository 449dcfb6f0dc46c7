package io.brushguard.flink;

import io.brushguard.ingest.LineFramer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Splits a JSON Lines file into numbered {@link Line}s with the core {@link LineFramer}, the
 * framing the embedded {@code EventReader} uses: each non-blank line is copied out of the framer's
 * buffer; an over-long line arrives as its first {@value #EXCERPT_BYTES} bytes, marked too long.
 * Parsing is left to {@link ParseLines}.
 *
 * <p>Not splittable: line numbers need the whole file from its start, so one reader reads one file.
 * The reader reports no offsets; after a restore, Flink re-reads the file from its start and skips
 * the lines already emitted, which also recomputes the line numbers. Files ending in {@code .gz}
 * are decompressed by the file source.
 *
 * <p>Memory: the framer's buffer, at most {@code LineFramer.MAX_LINE_BYTES + 1} bytes.
 */
final class JsonLinesFormat extends SimpleStreamFormat<Line> {
  private static final long serialVersionUID = 1L;

  /** As much of a rejected line as a reject keeps. */
  static final int EXCERPT_BYTES = LineFramer.EXCERPT_BYTES;

  @Override
  public StreamFormat.Reader<Line> createReader(Configuration config, FSDataInputStream stream) {
    return new LineReader(stream);
  }

  @Override
  public TypeInformation<Line> getProducedType() {
    return TypeInformation.of(Line.class);
  }

  /** The framer's lines as {@link Line} records, which Flink may hold on to. */
  static final class LineReader implements StreamFormat.Reader<Line> {
    private final InputStream in;
    private final LineFramer lines;
    private long seq;

    LineReader(InputStream in) {
      this.in = in;
      this.lines = new LineFramer(in);
    }

    @Override
    public Line read() throws IOException {
      LineFramer.Frame f = lines.next();
      if (f == null) {
        return null;
      }
      return new Line(
          seq++, f.number(), Arrays.copyOfRange(f.bytes(), f.from(), f.to()), f.tooLong());
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
