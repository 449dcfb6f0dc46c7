package io.brushguard.cli;

import java.io.Closeable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr when stderr is a terminal (the launcher says so with {@code
 * -Dbrushguard.tty=true}); silent otherwise, so logs and pipes stay clean.
 */
final class Progress implements Closeable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress of(String task, long totalBytes) {
    if (!Boolean.getBoolean("brushguard.tty")) {
      return new Progress(null);
    }
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(totalBytes > 0 ? totalBytes / 1024 : -1)
            .setUnit(" KiB", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(
                new me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer(System.err))
            .build());
  }

  void stepTo(long bytes) {
    if (bar != null) {
      bar.stepTo(bytes / 1024);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
