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
          {0.1868, 0.2000, 0.2787, 0.3151, 0.5390, 0.5500, 0.8060, 0.9620},
          {0.0000, 0.0096, 0.0279, 0.4538, 0.9435, 0.9691, 0.9999, 1.0000}
        });
    k.put(
        EntityKind.REVIEW,
        new double[][] {
          {0.2000, 0.2672, 0.3667, 0.4500, 0.5231, 0.5500, 0.6963, 0.9348, 0.9876},
          {0.0000, 0.0306, 0.0414, 0.4537, 0.9250, 0.9620, 0.9962, 0.9998, 1.0000}
        });
    k.put(
        EntityKind.ACCOUNT,
        new double[][] {
          {0.2855, 0.4500, 0.5496, 0.6004, 0.7821, 0.9719},
          {0.1831, 0.7340, 0.9234, 0.9986, 0.9989, 1.0000}
        });
    // likes, payments and listings: no genuine one was scored above 0 on the fitting markets, so
    // there is nothing to calibrate against; they keep the raw score. Shops too: a victim of
    // reverse brushing carries the same signals as a shop that bought brushing (that is the
    // attack), and calibrated shop scores sent every victim to review (30 of 30 on seeds 1-3)
    return k;
  }
}
