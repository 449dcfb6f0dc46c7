package io.brushguard.sim;

import java.util.Locale;

/**
 * The legitimate look-alikes the simulator plants: genuine activity that resembles a tactic and
 * must not be flagged. Labelled {@code "fraud":false} with the trap's wire name, so an evaluation
 * can count false positives per trap.
 */
public enum Trap {
  FLASH_SALE,
  LIVESTREAM,
  CARRIER_NAT,
  DORM,
  FAMILY_DEVICE,
  LOYAL_CUSTOMER,
  STOCK_PHRASE_REVIEW,
  CAMOUFLAGE_SHOP,
  GIFT_ORDERS,
  SPLIT_BASKET,
  REORDER_AFTER_MISTAKE,
  POWER_SHOPPER,
  VIRTUAL_GOODS,
  SAME_CITY_EXPRESS,
  LIGHT_PARCELS,
  GOODWILL_RED_PACKET,
  PRICE_PROTECTION,
  SHIPPING_INSURANCE,
  FRIENDS_TRANSFER,
  SUBSIDY_FOR_ALL,
  HONEST_STAFF,
  SIGNUP_DRIVE,
  USEFUL_REVIEW,
  BAD_BATCH,
  PICKY_REVIEWER,
  NEW_ACCOUNT_PRAISE,
  STOCK_PHOTO,
  OWN_PHOTO_REUSE;

  private final String wire = name().toLowerCase(Locale.ROOT);

  /** The snake_case name used in labels and plans. */
  public String wire() {
    return wire;
  }
}
