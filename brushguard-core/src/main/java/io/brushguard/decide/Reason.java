package io.brushguard.decide;

import java.util.Objects;

/**
 * One reason behind a finding.
 *
 * @param code stable upper-case code, e.g. {@code CONCENTRATION}
 * @param detail evidence in words, or {@code null}
 * @param ring the id of the ring this reason refers to, or {@code null}
 */
public record Reason(String code, String detail, String ring) {
  public Reason {
    Objects.requireNonNull(code, "code");
  }
}
