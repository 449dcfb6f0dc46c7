package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import io.brushguard.flow.Fact;
import java.util.List;

/**
 * A verdict on one entity: score, action and the reasons, strongest first. In a stream of findings
 * each one replaces the entity's previous one, and one with action {@code allow} withdraws it.
 *
 * @param ts the event time at which it was decided (0 for an entity nothing was said about)
 */
public record Finding(
    EntityKind entity, String id, double score, Action action, List<Reason> reasons, long ts)
    implements Fact {
  public Finding {
    reasons = List.copyOf(reasons);
  }

  /**
   * What this finding intercepts: the {@link Intercept} of its kind when its action is {@code
   * block}, else {@code null} (a finding that lowers a blocked entity's score lifts it).
   */
  public Intercept intercept() {
    return action == Action.BLOCK ? Intercept.of(entity) : null;
  }

  /** Whether this says the same as {@code other}, whenever each was decided. */
  public boolean sameVerdict(Finding other) {
    return other != null
        && entity == other.entity
        && id.equals(other.id)
        && score == other.score
        && action == other.action
        && reasons.equals(other.reasons);
  }

  /** The key of this finding's entity in an update stream: kind and id. */
  public String entityKey() {
    return entityKey(entity, id);
  }

  /** The key of an entity in an update stream: kind and id ({@code order/o1}). */
  public static String entityKey(EntityKind entity, String id) {
    return entity.wire() + '/' + id;
  }

  /** An entity nothing was said about: score 0, allowed. */
  public static Finding clean(EntityKind entity, String id) {
    return new Finding(entity, id, 0, Action.ALLOW, List.of(), 0);
  }
}
