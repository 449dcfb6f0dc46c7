package io.brushguard.config;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.detect.cashback.CashbackDetector;
import io.brushguard.detect.concentration.ConcentrationDetector;
import io.brushguard.detect.scripted.ScriptedSessions;
import io.brushguard.detect.surge.SalesSurgeDetector;
import io.brushguard.detect.velocity.Velocity;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every setting of a Brushguard run, typed, in one place; both runtimes read it from here.
 *
 * @param latenessMillis how far out of event-time order an event may arrive and still count; later
 *     ones are reported as late
 * @param aheadMillis how far past the stream's time an event may be; one further ahead (a mistyped
 *     year, a wrong clock) is held back and, unless the whole stream moves there, rejected
 * @param retentionMillis how long, in event time, the decision, the ledgers and entity resolution
 *     keep an entity after its last input: the one retention rule of both runtimes
 * @param decision thresholds from score to action
 * @param concentration the concentration detector's settings
 * @param surge the sales-surge detector's settings
 * @param scripted the scripted-session detector's settings
 * @param velocity the velocity stages' settings
 * @param cashback the cashback detector's settings
 * @param detectors the families of detection stages that run ({@link DetectorFamily#DEFAULT}: all
 *     but RING)
 */
public record BrushguardConfig(
    long latenessMillis,
    long aheadMillis,
    long retentionMillis,
    DecisionPolicy decision,
    ConcentrationDetector.Config concentration,
    SalesSurgeDetector.Config surge,
    ScriptedSessions.Config scripted,
    Velocity.Config velocity,
    CashbackDetector.Config cashback,
    Set<DetectorFamily> detectors) {

  public static final BrushguardConfig DEFAULT =
      new BrushguardConfig(
          Duration.ofMinutes(10).toMillis(),
          Duration.ofDays(1).toMillis(),
          Duration.ofDays(30).toMillis(),
          DecisionPolicy.DEFAULT,
          ConcentrationDetector.Config.DEFAULT,
          SalesSurgeDetector.Config.DEFAULT,
          ScriptedSessions.Config.DEFAULT,
          Velocity.Config.DEFAULT,
          CashbackDetector.Config.DEFAULT,
          DetectorFamily.DEFAULT);

  public BrushguardConfig {
    detectors = Set.copyOf(detectors);
    if (latenessMillis < 0) {
      throw new IllegalArgumentException("lateness must not be negative");
    }
    if (aheadMillis <= 0) {
      throw new IllegalArgumentException("ahead must be positive");
    }
    if (retentionMillis <= 0) {
      throw new IllegalArgumentException("retention must be positive");
    }
  }

  public BrushguardConfig withLatenessMillis(long lateness) {
    return new BrushguardConfig(
        lateness,
        aheadMillis,
        retentionMillis,
        decision,
        concentration,
        surge,
        scripted,
        velocity,
        cashback,
        detectors);
  }

  public BrushguardConfig withAheadMillis(long ahead) {
    return new BrushguardConfig(
        latenessMillis,
        ahead,
        retentionMillis,
        decision,
        concentration,
        surge,
        scripted,
        velocity,
        cashback,
        detectors);
  }

  /**
   * With the RING stage on or off. Off by default: on the 10 M-event market it took a third of the
   * scan's CPU (docs/performance.md), while every other detector already flags what its rings hold;
   * on, `scan` also writes `ring` lines.
   */
  public BrushguardConfig withRings(boolean on) {
    EnumSet<DetectorFamily> families = EnumSet.noneOf(DetectorFamily.class);
    families.addAll(detectors);
    if (on) {
      families.add(DetectorFamily.RINGS);
    } else {
      families.remove(DetectorFamily.RINGS);
    }
    return withDetectors(families);
  }

  /** Whether the RING stage runs. */
  public boolean rings() {
    return detectors.contains(DetectorFamily.RINGS);
  }

  /** With only these families of detection stages (setting {@code detectors}). */
  public BrushguardConfig withDetectors(Set<DetectorFamily> families) {
    return new BrushguardConfig(
        latenessMillis,
        aheadMillis,
        retentionMillis,
        decision,
        concentration,
        surge,
        scripted,
        velocity,
        cashback,
        families);
  }

  /** The same settings, scoring with another fusion (a trained model, {@code scan --model}). */
  public BrushguardConfig withFusion(io.brushguard.decide.Fusion fusion) {
    return new BrushguardConfig(
        latenessMillis,
        aheadMillis,
        retentionMillis,
        decision.withFusion(fusion),
        concentration,
        surge,
        scripted,
        velocity,
        cashback,
        detectors);
  }
}
