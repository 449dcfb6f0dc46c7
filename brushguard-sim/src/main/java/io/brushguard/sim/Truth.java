package io.brushguard.sim;

import io.brushguard.detect.EntityKind;
import io.brushguard.findings.Json;

/**
 * One line of the labels file: the ground truth for one entity. Exactly one of three shapes: fraud
 * with its {@code tactic}; genuine with the {@code trap} it was planted as; or genuine and a {@code
 * victim} of the {@code tactic} (reverse brushing).
 *
 * @param entity the kind of entity
 * @param id its id; a like's is {@code <account>:<review>}
 * @param fraud whether it is fraud
 * @param tactic how the fraud was done (for a victim: the tactic it fell to), or null
 * @param trap for a genuine look-alike, which trap it is, or null
 * @param victim whether it is a genuine victim of someone else's fraud
 */
public record Truth(
    EntityKind entity, String id, boolean fraud, Tactic tactic, Trap trap, boolean victim) {

  public Truth {
    if (fraud == (tactic == null) && !victim) {
      throw new IllegalArgumentException(
          "fraud needs a tactic, and only fraud or a victim has one");
    }
    if (fraud && (trap != null || victim)) {
      throw new IllegalArgumentException("a fraud entity is neither a trap nor a victim");
    }
  }

  /**
   * The label as one JSON object, e.g. {@code
   * {"entity":"order","id":"o1","fraud":true,"tactic":"cashback"}}.
   */
  public String toJson() {
    StringBuilder b = new StringBuilder(80);
    b.append("{\"entity\":\"").append(entity.wire()).append("\",\"id\":");
    Json.string(b, id);
    b.append(",\"fraud\":").append(fraud);
    if (victim) {
      b.append(",\"victim\":true");
    }
    if (tactic != null) {
      b.append(",\"tactic\":\"").append(tactic.wire()).append('"');
    }
    if (trap != null) {
      b.append(",\"trap\":\"").append(trap.wire()).append('"');
    }
    return b.append('}').toString();
  }

  static Truth of(EntityKind entity, String id, byte tag) {
    if (tag == Tag.VICTIM) {
      return new Truth(entity, id, false, Tactic.REVERSE_BRUSHING, null, true);
    }
    if (Tag.isFraud(tag)) {
      return new Truth(entity, id, true, Tag.tactic(tag), null, false);
    }
    if (Tag.isTrap(tag)) {
      return new Truth(entity, id, false, null, Tag.trap(tag), false);
    }
    throw new IllegalArgumentException("no truth to tell for tag " + tag);
  }
}
