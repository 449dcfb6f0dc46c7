package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * A monotone map from a raw fused score to a calibrated one, per entity kind: piecewise linear
 * through knots {@code (raw, fraud rate)} fitted by isotonic regression on labelled markets ({@code
 * brushguard train --calibrate}), from {@code (0, 0)} to the last knot and flat after it. A kind
 * without knots keeps its raw score. Space: two doubles per knot.
 */
public final class Calibration {
  /** No calibration: every score stays as it is. */
  public static final Calibration IDENTITY = new Calibration(Map.of());

  private final Map<EntityKind, double[][]> knots;

  /**
   * @param knots per kind, {@code {raws, rates}}: raws strictly increasing in (0, 1], rates
   *     non-decreasing in [0, 1]
   * @throws IllegalArgumentException naming the kind when the knots are not so
   */
  public Calibration(Map<EntityKind, double[][]> knots) {
    Map<EntityKind, double[][]> copy = new EnumMap<>(EntityKind.class);
    for (Map.Entry<EntityKind, double[][]> e : knots.entrySet()) {
      double[] x = e.getValue()[0].clone();
      double[] y = e.getValue()[1].clone();
      String kind = "calibration." + e.getKey().wire();
      if (x.length == 0 || x.length != y.length) {
        throw new IllegalArgumentException(kind + ": needs as many rates as raws, at least one");
      }
      for (int i = 0; i < x.length; i++) {
        if (!(x[i] > (i == 0 ? 0 : x[i - 1]) && x[i] <= 1)) {
          throw new IllegalArgumentException(
              kind + ": raws must increase strictly within (0, 1], were " + Arrays.toString(x));
        }
        if (!(y[i] >= (i == 0 ? 0 : y[i - 1]) && y[i] <= 1)) {
          throw new IllegalArgumentException(
              kind + ": rates must not decrease within [0, 1], were " + Arrays.toString(y));
        }
      }
      copy.put(e.getKey(), new double[][] {x, y});
    }
    this.knots = copy;
  }

  /** The calibrated score of a raw one. */
  public double apply(EntityKind entity, double raw) {
    double[][] k = knots.get(entity);
    if (k == null || raw <= 0) {
      return Math.max(raw, 0);
    }
    double[] x = k[0];
    double[] y = k[1];
    if (raw >= x[x.length - 1]) {
      return y[y.length - 1];
    }
    int i = Arrays.binarySearch(x, raw);
    if (i >= 0) {
      return y[i];
    }
    int hi = -i - 1;
    double x0 = hi == 0 ? 0 : x[hi - 1];
    double y0 = hi == 0 ? 0 : y[hi - 1];
    return y0 + (y[hi] - y0) * (raw - x0) / (x[hi] - x0);
  }

  /** The knots of a kind, {@code {raws, rates}} (copies), or {@code null}. */
  public double[][] knots(EntityKind entity) {
    double[][] k = knots.get(entity);
    return k == null ? null : new double[][] {k[0].clone(), k[1].clone()};
  }
}
