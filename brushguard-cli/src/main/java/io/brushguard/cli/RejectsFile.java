package io.brushguard.cli;

import io.brushguard.findings.Json;
import io.brushguard.ingest.Reject;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes rejected lines as JSON Lines: {@code {"line":12,"field":"rating","error":"must be 1..5,
 * was 6","text":"..."}}. Without a path it only counts.
 */
final class RejectsFile implements Closeable {
  private final BufferedWriter out;
  private long written;

  RejectsFile(Path path) throws IOException {
    this.out = path == null ? null : Files.newBufferedWriter(path, StandardCharsets.UTF_8);
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

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}
