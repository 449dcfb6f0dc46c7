package io.brushguard.eval;

import io.brushguard.decide.Action;
import io.brushguard.detect.EntityKind;

/**
 * What a findings file said about one entity: the part of a {@code finding} line evaluation uses.
 *
 * @param score 0..1, higher is more likely fraud
 * @param action what the system would do; {@code review} and {@code block} count as flagged
 */
public record Scored(EntityKind entity, String id, double score, Action action) {
  public Scored {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be 0..1, was " + score);
    }
  }

  /** Whether the system flagged the entity (action {@code review} or {@code block}). */
  public boolean flagged() {
    return action != Action.ALLOW;
  }
}
