package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.util.List;

/**
 * A verdict on one entity: score, action and the reasons, strongest first.
 *
 * @param ts event time of the latest signal behind it (0 for an entity nothing was said about)
 */
public record Finding(
    EntityKind entity, String id, double score, Action action, List<Reason> reasons, long ts) {
  public Finding {
    reasons = List.copyOf(reasons);
  }

  /** An entity nothing was said about: score 0, allowed. */
  public static Finding clean(EntityKind entity, String id) {
    return new Finding(entity, id, 0, Action.ALLOW, List.of(), 0);
  }
}
