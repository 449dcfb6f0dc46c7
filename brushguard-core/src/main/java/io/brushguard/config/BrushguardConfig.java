package io.brushguard.config;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.detect.concentration.ConcentrationDetector;
import java.time.Duration;

/**
 * Every setting of a Brushguard run, typed, in one place; both runtimes read it from here.
 *
 * @param latenessMillis how far out of event-time order an event may arrive and still count; later
 *     ones are reported as late
 * @param retentionMillis how long, in event time, the decision and the ledgers keep an entity after
 *     its last input: the one retention rule of both runtimes
 * @param decision thresholds from score to action
 * @param concentration the concentration detector's settings
 */
public record BrushguardConfig(
    long latenessMillis,
    long retentionMillis,
    DecisionPolicy decision,
    ConcentrationDetector.Config concentration) {

  public static final BrushguardConfig DEFAULT =
      new BrushguardConfig(
          Duration.ofMinutes(10).toMillis(),
          Duration.ofDays(30).toMillis(),
          DecisionPolicy.DEFAULT,
          ConcentrationDetector.Config.DEFAULT);

  public BrushguardConfig {
    if (latenessMillis < 0) {
      throw new IllegalArgumentException("lateness must not be negative");
    }
    if (retentionMillis <= 0) {
      throw new IllegalArgumentException("retention must be positive");
    }
  }

  public BrushguardConfig withLatenessMillis(long lateness) {
    return new BrushguardConfig(lateness, retentionMillis, decision, concentration);
  }
}
