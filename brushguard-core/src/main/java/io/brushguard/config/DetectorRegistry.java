package io.brushguard.config;

import io.brushguard.detect.Detector;
import io.brushguard.detect.concentration.ConcentrationDetector;
import java.util.List;

/**
 * The one place that says which detectors run, in which order, with which settings. Both runtimes
 * take their detectors from here, so a detector added here runs in both.
 */
public final class DetectorRegistry {
  private DetectorRegistry() {}

  /** The standard detectors for a configuration. */
  public static List<Detector<?>> standard(BrushguardConfig config) {
    return List.of(new ConcentrationDetector(config.concentration()));
  }
}
