package io.brushguard.flink;

import io.brushguard.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The job's command line: {@code --in FILE --out DIR [--rejects DIR] [--lateness 10m] [--config
 * FILE] [--checkpoint-interval 10s] [--checkpoint-dir URI] [--parallelism N]}.
 *
 * @param in events file (JSON Lines; {@code .gz} decompressed), on any file system Flink can read
 * @param out directory for finding lines
 * @param rejects directory for rejected and late lines, or null
 * @param lateness out-of-order bound overriding the config (e.g. {@code 10m}), or null
 * @param config properties file as for {@code brushguard scan --config}, or null
 * @param checkpointInterval how often state is checkpointed and output files are committed
 * @param checkpointDir where checkpoints go (a file system URI), or null for the cluster's setting
 *     (a local run without one keeps them in the JobManager's memory, at most 5 MB)
 * @param parallelism the job's parallelism, or 0 for the environment's default
 */
record JobArgs(
    String in,
    String out,
    String rejects,
    String lateness,
    Path config,
    Duration checkpointInterval,
    String checkpointDir,
    int parallelism) {

  static final String USAGE =
      "usage: --in FILE --out DIR [--rejects DIR] [--lateness 10m] [--config FILE]"
          + " [--checkpoint-interval 10s] [--checkpoint-dir URI] [--parallelism N]";

  /**
   * @throws IllegalArgumentException naming the bad or missing option, with the usage
   */
  static JobArgs parse(String... args) {
    String in = null;
    String out = null;
    String rejects = null;
    String lateness = null;
    Path config = null;
    Duration checkpoint = Duration.ofSeconds(10);
    String checkpointDir = null;
    int parallelism = 0;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value; " + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--in" -> in = value;
        case "--out" -> out = value;
        case "--rejects" -> rejects = value;
        case "--lateness" -> lateness = value;
        case "--config" -> config = Path.of(value);
        case "--checkpoint-interval" -> checkpoint = ConfigLoader.parseDuration(value);
        case "--checkpoint-dir" -> checkpointDir = value;
        case "--parallelism" -> parallelism = parallelism(value);
        default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
      }
    }
    if (in == null || out == null) {
      throw new IllegalArgumentException("--in and --out are required; " + USAGE);
    }
    if (checkpoint.isZero() || checkpoint.isNegative()) {
      throw new IllegalArgumentException("--checkpoint-interval must be positive");
    }
    return new JobArgs(in, out, rejects, lateness, config, checkpoint, checkpointDir, parallelism);
  }

  private static int parallelism(String value) {
    try {
      int p = Integer.parseInt(value);
      if (p > 0) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--parallelism must be a positive integer, was " + value);
  }
}
