package io.brushguard.eval;

import io.brushguard.detect.EntityKind;

/**
 * Ground truth for one entity, from a labels file ({@code spec/events.md}, "Labels").
 *
 * @param entity the kind of entity
 * @param id its id (a like's is {@code <account>:<review>})
 * @param fraud whether it is fraud
 * @param tactic how the fraud was done (e.g. {@code cashback}); for a victim, the tactic it fell
 *     to; {@code null} when not given
 * @param trap for a genuine entity made to look like fraud, which look-alike it is (e.g. {@code
 *     dorm}); {@code null} otherwise
 * @param victim whether it is a genuine victim of someone else's fraud (reverse brushing)
 */
public record Label(
    EntityKind entity, String id, boolean fraud, String tactic, String trap, boolean victim) {
  public Label {
    if (fraud && (trap != null || victim)) {
      throw new IllegalArgumentException("a fraud entity cannot be a trap or a victim");
    }
  }
}
