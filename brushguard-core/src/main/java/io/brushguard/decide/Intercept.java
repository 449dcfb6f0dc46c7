package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import java.util.Locale;

/**
 * What a {@code block} does to an entity, the first line of defence: technical interception. It
 * follows from the entity's kind and lasts while the entity's current finding says {@code block}; a
 * later finding with a lower score lifts it (the stream of findings is a stream of updates, and the
 * finding that replaces a block carries no {@code intercept}).
 */
public enum Intercept {
  /** A review or a like: hidden from shoppers and from the shop's rating. */
  HIDE,
  /** An order: its settlement to the shop is held. */
  HOLD_SETTLEMENT,
  /** An account: frozen (no orders, reviews, likes or payouts). */
  FREEZE,
  /** A payment account: the channel is closed (the cashback channels the report asks closed). */
  CLOSE_CHANNEL,
  /** A listing: taken down. */
  DELIST,
  /**
   * A shop: suspended. Only when the policy lets a shop be blocked by score, which the default does
   * not ({@link DecisionPolicy#shopsNeedCase()}).
   */
  SUSPEND;

  /** The interception of a {@code block} on an entity of this kind. */
  public static Intercept of(EntityKind entity) {
    return switch (entity) {
      case REVIEW, LIKE -> HIDE;
      case ORDER -> HOLD_SETTLEMENT;
      case ACCOUNT -> FREEZE;
      case PAYMENT -> CLOSE_CHANNEL;
      case LISTING -> DELIST;
      case SHOP -> SUSPEND;
    };
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
