package io.brushguard.decide;

import java.util.Objects;
import java.util.Set;

/**
 * One reason behind a finding.
 *
 * @param code stable upper-case code, e.g. {@code CONCENTRATION}
 * @param detail evidence in words, or {@code null}
 * @param ring the id of the ring this reason refers to, or {@code null}
 * @param strength the strength of the strongest live signal of the code (0 when not known)
 * @param origins how many origins (detector keys) say it (0 when not known)
 */
public record Reason(String code, String detail, String ring, double strength, int origins) {
  /** A reason whose strength and origins are not known. */
  public Reason(String code, String detail, String ring) {
    this(code, detail, ring, 0, 0);
  }

  /**
   * Codes that put a fake order or review on someone other than its shop: the shop is the victim (a
   * competitor bought it to get the shop punished; a professional bad reviewer wrote it). A
   * detector that attributes fraud to another party gives its signals one of these; the shop's
   * books still leave the entity out, but its credit does not pay for it.
   */
  public static final Set<String> NOT_THE_SHOPS_DOING =
      Set.of("REVERSE_BRUSHING", "BAD_REVIEWER", "EXTORTION");

  /** Whether this reason says another party did it to the shop ({@link #NOT_THE_SHOPS_DOING}). */
  public boolean notTheShopsDoing() {
    return NOT_THE_SHOPS_DOING.contains(code);
  }

  public Reason {
    Objects.requireNonNull(code, "code");
    if (!(strength >= 0 && strength <= 1) || origins < 0) {
      throw new IllegalArgumentException(
          "reason "
              + code
              + ": strength must be in 0..1 and origins >= 0, were "
              + strength
              + ", "
              + origins);
    }
  }
}
