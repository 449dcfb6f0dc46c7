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
          {0.1868, 0.2000, 0.2786, 0.3951, 0.5570, 0.6000, 0.8390, 0.9670},
          {0.0000, 0.0096, 0.0280, 0.5885, 0.8002, 0.9784, 0.9999, 1.0000}
        });
    k.put(
        EntityKind.REVIEW,
        new double[][] {
          {0.2000, 0.2672, 0.3667, 0.4500, 0.5524, 0.7270, 0.9377, 0.9885},
          {0.0000, 0.0306, 0.0414, 0.6165, 0.8396, 0.8627, 0.9998, 1.0000}
        });
    k.put(
        EntityKind.ACCOUNT,
        new double[][] {
          {0.2855, 0.4500, 0.5496, 0.6004, 0.7821, 0.9757},
          {0.1831, 0.7340, 0.9234, 0.9986, 0.9989, 1.0000}
        });
    k.put(EntityKind.SHOP, new double[][] {{0.2627, 0.4643, 0.6878}, {0.2553, 0.7456, 1.0000}});
    // likes, payments and listings: no genuine one was scored above 0 on the fitting markets, so
    // there is nothing to calibrate against; they keep the raw score
    return k;
  }
}
