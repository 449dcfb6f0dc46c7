package io.brushguard.flink;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * {@link JsonLinesFormat} that stops handing out lines after {@link #pauseAfter} of them until the
 * test raises the limit: a way to hold a bounded job mid-stream (MiniCluster tasks share the test's
 * JVM, so the statics are shared). It blocks in the source's fetcher thread, so checkpoints and
 * savepoints still go through.
 */
final class PausingFormat extends SimpleStreamFormat<Line> {
  private static final long serialVersionUID = 1L;

  static final AtomicLong EMITTED = new AtomicLong();
  static volatile long pauseAfter = Long.MAX_VALUE;

  @Override
  public StreamFormat.Reader<Line> createReader(Configuration config, FSDataInputStream stream)
      throws IOException {
    StreamFormat.Reader<Line> lines = new JsonLinesFormat().createReader(config, stream);
    return new StreamFormat.Reader<>() {
      @Override
      public Line read() throws IOException {
        while (EMITTED.get() >= pauseAfter) {
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("paused source closed");
          }
        }
        Line line = lines.read();
        if (line != null && EMITTED.incrementAndGet() == pauseAfter) {
          // a seek ends the file source's current batch, so the lines read so far flow on now
          // instead of waiting in the batch while this reader pauses
          stream.seek(stream.getPos());
        }
        return line;
      }

      @Override
      public void close() throws IOException {
        lines.close();
      }
    };
  }

  @Override
  public TypeInformation<Line> getProducedType() {
    return TypeInformation.of(Line.class);
  }
}
