package io.brushguard.detect;

import java.util.Locale;

/** The kinds of entity a finding can be about, as named in the findings contract. */
public enum EntityKind {
  ORDER,
  REVIEW,
  LIKE,
  ACCOUNT,
  SHOP,
  PAYMENT,
  LISTING;

  /** The wire name, e.g. {@code order}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
