package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.util.List;

/**
 * How the evidence on one entity becomes its score: a function of what each reason code says
 * ({@link CodeEvidence}, one per code with live signals). It must depend on that evidence alone, so
 * that both runtimes, which deliver signals from different keys in different orders, agree.
 *
 * <p>The default is {@link RecurrenceNoisyOr#STANDARD}; a platform that has labels of its own fits
 * a {@link LogisticFusion} with {@code brushguard train} and scans with {@code --model}.
 */
public interface Fusion {
  /**
   * The score, 0..1, of an entity of this kind with this evidence (one entry per code, never
   * empty).
   */
  double score(EntityKind entity, List<CodeEvidence> codes);

  /**
   * The score the policy's thresholds apply to; by default the score itself. A calibration fitted
   * on markets whose share of fraud may exceed a platform's can say less than its fit suggests, so
   * {@link RecurrenceNoisyOr} acts on the lesser of the calibrated and the raw score: calibration
   * may lower an action, never raise it.
   */
  default double actionScore(EntityKind entity, List<CodeEvidence> codes) {
    return score(entity, codes);
  }

  /** The rule's name, for the findings' readers and the docs. */
  String name();

  /** The documented default. */
  static Fusion standard() {
    return RecurrenceNoisyOr.STANDARD;
  }
}
