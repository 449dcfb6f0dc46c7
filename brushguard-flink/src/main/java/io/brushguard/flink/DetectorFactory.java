package io.brushguard.flink;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.detect.Detector;
import java.io.Serializable;
import java.util.List;

/**
 * Makes the detectors of a run from its configuration. It is serializable so that every Flink task
 * makes its own detectors (detectors themselves need not be serializable); it must return the same
 * detectors, in the same order, every time it is called with the same configuration.
 */
@FunctionalInterface
public interface DetectorFactory extends Serializable {

  List<Detector<?>> create(BrushguardConfig config);

  /** {@link DetectorRegistry#standard}: the detectors the embedded scan runs. */
  static DetectorFactory standard() {
    return DetectorRegistry::standard;
  }
}
