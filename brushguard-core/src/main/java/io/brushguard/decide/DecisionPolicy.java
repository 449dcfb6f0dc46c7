package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.util.Objects;

/**
 * How evidence becomes a score, and thresholds that turn a score into an action.
 *
 * @param reviewAt score from which an entity goes to a person
 * @param blockAt score from which an entity is intercepted
 * @param shopsNeedCase when true, a shop is never blocked by score alone: penalties on a merchant
 *     go through a case a person reviews, so a shop's action stops at {@link Action#REVIEW}
 * @param fusion how the signals on an entity become its score ({@link Fusion#standard()} unless a
 *     trained model is given)
 */
public record DecisionPolicy(
    double reviewAt, double blockAt, boolean shopsNeedCase, Fusion fusion) {

  public static final DecisionPolicy DEFAULT = new DecisionPolicy(0.5, 0.9, true);

  public DecisionPolicy {
    if (!(reviewAt > 0 && reviewAt <= blockAt && blockAt <= 1)) {
      throw new IllegalArgumentException(
          "thresholds must satisfy 0 < reviewAt <= blockAt <= 1, were "
              + reviewAt
              + ", "
              + blockAt);
    }
    Objects.requireNonNull(fusion, "fusion");
  }

  /** Thresholds with the default fusion. */
  public DecisionPolicy(double reviewAt, double blockAt, boolean shopsNeedCase) {
    this(reviewAt, blockAt, shopsNeedCase, Fusion.standard());
  }

  /** The same thresholds with another fusion (a trained model). */
  public DecisionPolicy withFusion(Fusion other) {
    return new DecisionPolicy(reviewAt, blockAt, shopsNeedCase, other);
  }

  /** The action for a score on an entity of this kind. */
  public Action actionFor(EntityKind entity, double score) {
    if (score >= blockAt && !(entity == EntityKind.SHOP && shopsNeedCase)) {
      return Action.BLOCK;
    }
    return score >= reviewAt ? Action.REVIEW : Action.ALLOW;
  }
}
