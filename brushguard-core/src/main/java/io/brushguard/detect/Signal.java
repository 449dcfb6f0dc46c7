package io.brushguard.detect;

import io.brushguard.flow.Fact;
import java.util.Objects;

/**
 * What a detector observed about one entity: a reason code, a strength in 0..1 and the evidence in
 * words.
 *
 * <p>Signals from the same {@code origin} (one detector key, such as {@code concentration/s17})
 * about the same entity and code revise each other: the latest replaces earlier ones, and a
 * strength of 0 withdraws it. This lets a detector correct itself as more events arrive (a buyer
 * who stops being a shop's top brusher) without any runtime keeping history.
 *
 * @param entity what kind of thing this is about
 * @param id the entity's id
 * @param code a stable upper-case reason code, e.g. {@code CONCENTRATION}
 * @param origin who says so: detector name and key
 * @param strength 0..1, how strongly this alone indicates fraud; 0 withdraws
 * @param ts event time the observation refers to
 * @param detail evidence in words, for analysts, merchants and courts
 * @param ring the id of the ring (a {@code ring} line) this evidence is about, or {@code null}
 */
public record Signal(
    EntityKind entity,
    String id,
    String code,
    String origin,
    double strength,
    long ts,
    String detail,
    String ring)
    implements Fact {

  /** A signal about no ring: what nearly every detector says. */
  public Signal(
      EntityKind entity,
      String id,
      String code,
      String origin,
      double strength,
      long ts,
      String detail) {
    this(entity, id, code, origin, strength, ts, detail, null);
  }

  public Signal {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(origin, "origin");
    if (!(strength >= 0 && strength <= 1)) {
      throw new IllegalArgumentException("strength must be in 0..1, was " + strength);
    }
  }

  /** Whether this signal withdraws an earlier one. */
  public boolean withdraws() {
    return strength == 0;
  }
}
