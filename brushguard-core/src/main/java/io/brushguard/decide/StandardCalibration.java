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
          {0.1868, 0.2000, 0.2788, 0.3151, 0.5413, 0.5500, 0.8034, 0.9648},
          {0.0000, 0.0096, 0.0263, 0.1922, 0.9539, 0.9733, 0.9999, 1.0000}
        });
    k.put(
        EntityKind.REVIEW,
        new double[][] {
          {0.2000, 0.2672, 0.3674, 0.4500, 0.5231, 0.5503, 0.6242, 0.7528, 0.9323, 0.9903},
          {0.0000, 0.0306, 0.0346, 0.1915, 0.9250, 0.9500, 0.9921, 0.9966, 0.9998, 1.0000}
        });
    k.put(
        EntityKind.ACCOUNT,
        new double[][] {
          {0.2853, 0.4500, 0.5500, 0.6004, 0.7801, 0.9781},
          {0.1839, 0.2642, 0.9229, 0.9972, 0.9992, 1.0000}
        });
    // likes, payments and listings: no genuine one was scored above 0 on the fitting markets, so
    // there is nothing to calibrate against; they keep the raw score. Shops too: a victim of
    // reverse brushing carries the same signals as a shop that bought brushing (that is the
    // attack), and calibrated shop scores sent every victim to review (30 of 30 on seeds 1-3)
    return k;
  }
}
