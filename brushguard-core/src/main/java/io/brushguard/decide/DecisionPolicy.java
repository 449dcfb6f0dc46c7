package io.brushguard.decide;

import io.brushguard.detect.EntityKind;

/**
 * Thresholds that turn a score into an action.
 *
 * @param reviewAt score from which an entity goes to a person
 * @param blockAt score from which an entity is intercepted
 * @param shopsNeedCase when true, a shop is never blocked by score alone: penalties on a merchant
 *     go through a case a person reviews, so a shop's action stops at {@link Action#REVIEW}
 */
public record DecisionPolicy(double reviewAt, double blockAt, boolean shopsNeedCase) {

  public static final DecisionPolicy DEFAULT = new DecisionPolicy(0.5, 0.9, true);

  public DecisionPolicy {
    if (!(reviewAt > 0 && reviewAt <= blockAt && blockAt <= 1)) {
      throw new IllegalArgumentException(
          "thresholds must satisfy 0 < reviewAt <= blockAt <= 1, were "
              + reviewAt
              + ", "
              + blockAt);
    }
  }

  /** The action for a score on an entity of this kind. */
  public Action actionFor(EntityKind entity, double score) {
    if (score >= blockAt && !(entity == EntityKind.SHOP && shopsNeedCase)) {
      return Action.BLOCK;
    }
    return score >= reviewAt ? Action.REVIEW : Action.ALLOW;
  }
}
