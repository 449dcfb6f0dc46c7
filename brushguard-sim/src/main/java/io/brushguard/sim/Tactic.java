package io.brushguard.sim;

import java.util.Locale;

/**
 * The fraud tactics the simulator plants, one per row of the tactics table in DESIGN.md. The wire
 * name ({@code cashback}, {@code group_control}, ...) is what the labels file and {@code plan.json}
 * carry.
 */
public enum Tactic {
  TEMPLATED_PRAISE,
  GROUP_CONTROL,
  CONCENTRATION,
  CASHBACK,
  SCRIPTED_TASKS,
  FAKE_LOGISTICS,
  INSIDER_SUBSIDY,
  REVERSE_BRUSHING,
  BAD_REVIEWERS,
  LIKE_FARM,
  DIVERSION_SPAM,
  SALES_SURGE;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The snake_case name used in labels and plans. */
  public String wire() {
    return wire;
  }
}
