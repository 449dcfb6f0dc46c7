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
    // KNOTS
    // likes, payments and listings: no genuine one was scored above 0 on the fitting markets, so
    // there is nothing to calibrate against; they keep the raw score. Shops too: a victim of
    // reverse brushing carries the same signals as a shop that bought brushing (that is the
    // attack), and calibrated shop scores sent every victim to review (30 of 30 on seeds 1-3)
    return k;
  }
}
