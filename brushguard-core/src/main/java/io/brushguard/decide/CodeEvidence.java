package io.brushguard.decide;

import io.brushguard.detect.Signal;

/**
 * What the live signals of one reason code say about one entity: the strongest of them, how many
 * origins (detector keys: shops, devices, rings) say it, and the evidence the others add.
 *
 * @param strongest the strongest live signal of the code (the first in origin order on a tie)
 * @param origins how many live signals of the code there are, one per origin
 * @param others the evidence of the other origins, {@code Σ -ln(1 - s)} over all but the strongest
 */
public record CodeEvidence(Signal strongest, int origins, double others) {
  public String code() {
    return strongest.code();
  }

  /** The strength of the strongest signal of the code. */
  public double strength() {
    return strongest.strength();
  }

  /** The evidence of one signal of strength {@code s}: {@code -ln(1 - s)}, infinite at 1. */
  static double evidence(double s) {
    return -Math.log1p(-s);
  }
}
