package io.brushguard.cli;

import io.brushguard.findings.Json;
import io.brushguard.ingest.Reject;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes rejected lines as JSON Lines: {@code {"line":12,"field":"rating","error":"must be 1..5,
 * was 6","text":"..."}}. Without a path it only counts. The file appears only when the run succeeds
 * ({@link #commit()}); see {@link AtomicFile}.
 */
final class RejectsFile implements Closeable {
  private final AtomicFile file;
  private final BufferedWriter out;
  private long written;

  RejectsFile(Path path) throws IOException {
    this.file = path == null ? null : new AtomicFile(path);
    this.out = file == null ? null : file.writer();
  }

  void write(Reject r) {
    written++;
    if (out == null) {
      return;
    }
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"line\":").append(r.line()).append(",\"field\":");
    Json.string(sb, r.field()).append(",\"error\":");
    Json.string(sb, r.reason()).append(",\"text\":");
    Json.string(sb, r.excerpt()).append("}\n");
    try {
      out.write(sb.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long written() {
    return written;
  }

  /** The run succeeded: the rejects file replaces any earlier one. */
  void commit() throws IOException {
    if (file != null) {
      file.commit();
    }
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
