package io.brushguard.flink;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.ConfigLoader;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What every task of the job needs to rebuild its part of the pipeline: the settings, as the same
 * properties a {@code --config} file holds, and the detector factory. Tasks rebuild {@link
 * BrushguardConfig} with {@link ConfigLoader}, so the job reads its settings exactly as the
 * embedded scan does, and core classes need not be {@link Serializable}.
 */
final class JobSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Properties properties;
  private final DetectorFactory detectors;
  private transient BrushguardConfig config;

  /**
   * @throws IllegalArgumentException when the properties are not a valid configuration, listing
   *     every bad key
   */
  JobSettings(Properties properties, DetectorFactory detectors) {
    this.properties = (Properties) properties.clone();
    this.detectors = detectors;
    topology(); // checks the stages: unique names, every input produced, no cycle
  }

  /** The settings of a {@code --config} file (or none) with an optional lateness override. */
  static JobSettings of(Path configFile, String lateness, DetectorFactory detectors)
      throws IOException {
    Properties p = new Properties();
    if (configFile != null) {
      try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        p.load(r);
      }
    }
    if (lateness != null) {
      p.setProperty("lateness", lateness);
    }
    return new JobSettings(p, detectors);
  }

  BrushguardConfig config() {
    if (config == null) {
      config = ConfigLoader.from(properties);
    }
    return config;
  }

  /** A fresh topology of the run's stages (a task calls this once, in {@code open}). */
  Topology topology() {
    return DetectorRegistry.topology(config(), detectors.create(config()));
  }

  /** A fresh stage at {@code index} of the topology, checked against the job graph's name. */
  Stage<?> stage(int index, String name) {
    Stage<?> s = topology().stage(index);
    if (!s.name().equals(name)) {
      throw new IllegalStateException(
          "stage " + index + " is \"" + s.name() + "\", the job expected \"" + name + "\"");
    }
    return s;
  }
}
