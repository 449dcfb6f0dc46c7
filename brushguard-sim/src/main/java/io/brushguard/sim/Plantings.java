package io.brushguard.sim;

import java.util.List;
import java.util.function.Supplier;

/**
 * The one list of everything the simulator plants, with how many instances of each: {@code base}
 * instances at 100k events, growing as {@code (events / 100k)^0.75} (so a 10M-event run holds about
 * 30 times as many instances as a 100k one, and the fraud share falls slowly with scale, as it does
 * on a bigger platform). Every entry gets at least one instance. Tactics come first: {@link
 * CamouflageShop} sends the tactics' hired accounts shopping.
 */
final class Plantings {
  private Plantings() {}

  /** One kind of planting. */
  record Entry(String name, Supplier<Planting> factory, double base, boolean scales) {
    int instances(long events) {
      if (!scales) {
        return 1;
      }
      return (int) Math.max(1, Math.round(base * Math.pow(events / 100_000.0, 0.75)));
    }
  }

  static final List<Entry> ALL =
      List.of(
          new Entry(Tactic.TEMPLATED_PRAISE.wire(), TemplatedPraise::new, 2, true),
          new Entry(Tactic.GROUP_CONTROL.wire(), GroupControlRing::new, 1, true),
          new Entry(Tactic.CONCENTRATION.wire(), ConcentrationBurst::new, 2, true),
          new Entry(Tactic.CASHBACK.wire(), CashbackScheme::new, 2, true),
          new Entry(Tactic.SCRIPTED_TASKS.wire(), ScriptedTasks::new, 1, true),
          new Entry(Tactic.FAKE_LOGISTICS.wire(), FakeLogistics::new, 1.5, true),
          new Entry(Tactic.INSIDER_SUBSIDY.wire(), InsiderSubsidy::new, 1, true),
          new Entry(Tactic.REVERSE_BRUSHING.wire(), ReverseBrushing::new, 1.5, true),
          new Entry(Tactic.BAD_REVIEWERS.wire(), BadReviewers::new, 1.5, true),
          new Entry(Tactic.LIKE_FARM.wire(), LikeFarm::new, 1.5, true),
          new Entry(Tactic.DIVERSION_SPAM.wire(), DiversionSpam::new, 1.5, true),
          new Entry(Tactic.SALES_SURGE.wire(), SalesSurge::new, 1.5, true),
          new Entry(Trap.FLASH_SALE.wire(), FlashSale::new, 1.5, true),
          new Entry(Trap.LIVESTREAM.wire(), Livestream::new, 1.5, true),
          new Entry(Trap.CARRIER_NAT.wire(), CarrierNat::new, 1, true),
          new Entry(Trap.DORM.wire(), Dorm::new, 1.5, true),
          new Entry(Trap.FAMILY_DEVICE.wire(), FamilyDevice::new, 1, true),
          new Entry(Trap.LOYAL_CUSTOMER.wire(), LoyalCustomer::new, 1, true),
          new Entry(Trap.STOCK_PHRASE_REVIEW.wire(), StockPhraseReviews::new, 1, false),
          new Entry(Trap.CAMOUFLAGE_SHOP.wire(), CamouflageShop::new, 1, true),
          new Entry(Trap.GIFT_ORDERS.wire(), () -> new MultiOrderBuyers(Trap.GIFT_ORDERS), 1, true),
          new Entry(
              Trap.SPLIT_BASKET.wire(), () -> new MultiOrderBuyers(Trap.SPLIT_BASKET), 1, true),
          new Entry(
              Trap.REORDER_AFTER_MISTAKE.wire(),
              () -> new MultiOrderBuyers(Trap.REORDER_AFTER_MISTAKE),
              1,
              true),
          new Entry(Trap.POWER_SHOPPER.wire(), PowerShopper::new, 1, true),
          new Entry(
              Trap.VIRTUAL_GOODS.wire(), () -> new ParcelLookalikes(Trap.VIRTUAL_GOODS), 1, true),
          new Entry(
              Trap.SAME_CITY_EXPRESS.wire(),
              () -> new ParcelLookalikes(Trap.SAME_CITY_EXPRESS),
              1,
              true),
          new Entry(
              Trap.LIGHT_PARCELS.wire(), () -> new ParcelLookalikes(Trap.LIGHT_PARCELS), 1, true),
          money(Trap.GOODWILL_RED_PACKET),
          money(Trap.PRICE_PROTECTION),
          money(Trap.SHIPPING_INSURANCE),
          money(Trap.FRIENDS_TRANSFER),
          new Entry(
              Trap.SUBSIDY_FOR_ALL.wire(),
              () -> new GenuineSubsidies(Trap.SUBSIDY_FOR_ALL),
              0.5,
              true),
          new Entry(
              Trap.HONEST_STAFF.wire(), () -> new GenuineSubsidies(Trap.HONEST_STAFF), 1, true),
          new Entry(Trap.SIGNUP_DRIVE.wire(), SignupDrive::new, 1, true),
          votes(Trap.USEFUL_REVIEW, 2),
          votes(Trap.BAD_BATCH, 1),
          votes(Trap.PICKY_REVIEWER, 4),
          votes(Trap.NEW_ACCOUNT_PRAISE, 6),
          votes(Trap.STOCK_PHOTO, 1),
          votes(Trap.OWN_PHOTO_REUSE, 4));

  private static Entry votes(Trap trap, double base) {
    return new Entry(trap.wire(), () -> new VoteLookalikes(trap), base, true);
  }

  private static Entry money(Trap trap) {
    return new Entry(trap.wire(), () -> new GenuineMoneyBack(trap), 2, true);
  }
}
