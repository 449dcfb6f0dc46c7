package io.brushguard.decide;

import java.util.Locale;

/** What to do about an entity, from least to most severe. */
public enum Action {
  /** Nothing to do. */
  ALLOW,
  /** Send to a person. */
  REVIEW,
  /** Intercept: hide the review, hold the order's settlement, freeze the account. */
  BLOCK;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
