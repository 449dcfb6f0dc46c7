package io.brushguard.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file that appears whole or not at all: lines go to {@code NAME.partial} beside it,
 * which replaces the target on {@link #commit()} and is deleted on {@link #close()} otherwise. A
 * failed run therefore never leaves a half-written file, or an earlier run's file that looks new.
 */
final class AtomicFile implements Closeable {
  private final Path target;
  private final Path partial;
  private final BufferedWriter writer;
  private boolean committed;

  AtomicFile(Path target) throws IOException {
    requireWritableDirectory(target);
    this.target = target;
    this.partial = target.resolveSibling(target.getFileName() + ".partial");
    this.writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
  }

  /** Fails early, naming the option's path, when its directory does not exist. */
  static void requireWritableDirectory(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("cannot write " + target + ": no such directory " + dir);
    }
  }

  BufferedWriter writer() {
    return writer;
  }

  /** Closes the partial file and moves it over the target. */
  void commit() throws IOException {
    writer.close();
    try {
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      writer.close();
      Files.deleteIfExists(partial);
    }
  }
}
