package io.brushguard.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The families of detection stages a run may leave out (setting {@code detectors}): a platform that
 * has no parcels in its feed, or rolls a family out after the others, runs the rest. Entity
 * resolution, the decision, the evidence carried between orders and reviews, and the ledgers always
 * run. A family that reads another's facts ({@link #requires}) runs only with it: reverse brushing
 * reads rivals' payouts, subsidy abuse the merchants' payers, and bad reviewers' compensation what
 * buyers said, all from cashback.
 */
public enum DetectorFamily {
  /** The Shopee rule and cancellations ({@code concentration}). */
  CONCENTRATION,
  /** Sales surges against a shop's own baseline ({@code surge}). */
  SURGE,
  /** Scripted search-browse-buy tasks ({@code scripted}). */
  SCRIPTED,
  /** High-frequency ordering and reviewing ({@code velocity}). */
  VELOCITY,
  /** Fake logistics ({@code logistics}). */
  LOGISTICS,
  /** Experience-officer cashback and brokers ({@code cashback}). */
  CASHBACK,
  /** Reverse brushing, blamed on the one who paid ({@code reverse}). */
  REVERSE,
  /** Account farms ({@code farms}). */
  FARMS,
  /** Dense blocks of accounts, shops and time ({@code rings}; off by default). */
  RINGS,
  /** Insider subsidy abuse ({@code subsidy}). */
  SUBSIDY,
  /** Templated praise and bad reviewers' pasted complaints ({@code text}). */
  TEXT,
  /** Diversion and keyword stuffing ({@code spam}). */
  SPAM,
  /** Like farms and rings ({@code likes}). */
  LIKES,
  /** Professional bad reviewers, rating bursts and shifts ({@code ratings}). */
  RATINGS,
  /** Reused review photos ({@code photos}). */
  PHOTOS;

  /** Every family but {@link #RINGS}: what runs by default. */
  public static final Set<DetectorFamily> DEFAULT =
      Set.copyOf(EnumSet.complementOf(EnumSet.of(RINGS)));

  /** The family whose facts this one reads, or null. */
  public DetectorFamily requires() {
    return this == REVERSE || this == SUBSIDY || this == RATINGS ? CASHBACK : null;
  }

  /** The name in settings: {@code concentration}, {@code surge}, … */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The family of a settings name, or null. */
  public static DetectorFamily ofSettingName(String name) {
    for (DetectorFamily f : values()) {
      if (f.settingName().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
