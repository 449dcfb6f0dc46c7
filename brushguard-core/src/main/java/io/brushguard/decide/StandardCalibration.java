package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The default calibration of {@link RecurrenceNoisyOr}: knots fitted by isotonic regression on
 * simulated markets of seeds 1-3, small and medium ({@code brushguard train --calibrate}), and
 * checked on seeds 4-6 (docs/evaluation.md, "Calibration"). A kind is calibrated only when the
 * fitting markets scored at least {@code MIN_BLOCK} (30) fraudulent and 30 genuine entities of it.
 */
final class StandardCalibration {
  private StandardCalibration() {}

  static final Calibration FITTED = new Calibration(knots());

  private static Map<EntityKind, double[][]> knots() {
    Map<EntityKind, double[][]> k = new EnumMap<>(EntityKind.class);
    k.put(
        EntityKind.ORDER,
        new double[][] {
          {0.1989, 0.2001, 0.2831, 0.3150, 0.3156, 0.5411, 0.6000, 0.7435, 0.8808, 0.9648},
          {0.0000, 0.0065, 0.0260, 0.1220, 0.1547, 0.9540, 0.9976, 0.9989, 0.9999, 1.0000}
        });
    k.put(
        EntityKind.REVIEW,
        new double[][] {
          {0.2000, 0.2065, 0.2886, 0.3674, 0.4500, 0.4944, 0.5502, 0.7202, 0.9354, 0.9902},
          {0.0000, 0.0172, 0.0266, 0.0346, 0.1262, 0.6944, 0.9462, 0.9921, 0.9997, 1.0000}
        });
    k.put(
        EntityKind.ACCOUNT,
        new double[][] {
          {0.2853, 0.4500, 0.5485, 0.6144, 0.7991, 0.9818},
          {0.1839, 0.1949, 0.9175, 0.9970, 0.9983, 1.0000}
        });
    // likes, payments and listings: no genuine one was scored above 0 on the fitting markets, so
    // there is nothing to calibrate against; they keep the raw score. Shops too: a victim of
    // reverse brushing carries the same signals as a shop that bought brushing (that is the
    // attack), and calibrated shop scores sent every victim to review (30 of 30 on seeds 1-3)
    return k;
  }
}
