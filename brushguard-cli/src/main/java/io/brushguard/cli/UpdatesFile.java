package io.brushguard.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Writes the update stream of a scan ({@code --updates}): every finding and shop line in the order
 * they were decided; the last line per entity and per shop is what the findings file holds. Without
 * a path it writes nothing. The file appears only when the run succeeds ({@link #commit()}).
 */
final class UpdatesFile implements Closeable {
  private final AtomicFile file;
  private final BufferedWriter out;

  UpdatesFile(Path path) throws IOException {
    this.file = path == null ? null : new AtomicFile(path);
    this.out = file == null ? null : file.writer();
  }

  /** Whether there is a file to write (without one, callers need not format lines at all). */
  boolean enabled() {
    return out != null;
  }

  void write(String line) {
    if (out == null) {
      return;
    }
    try {
      out.write(line);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run succeeded: the updates file replaces any earlier one. */
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
