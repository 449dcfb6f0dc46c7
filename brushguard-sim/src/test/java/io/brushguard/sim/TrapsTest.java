package io.brushguard.sim;

import static io.brushguard.detect.EntityKind.ACCOUNT;
import static io.brushguard.detect.EntityKind.ORDER;
import static io.brushguard.detect.EntityKind.PAYMENT;
import static io.brushguard.detect.EntityKind.REVIEW;
import static io.brushguard.detect.EntityKind.SHOP;
import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.event.View;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every legitimate look-alike is planted, labelled genuine, and looks like what it imitates. */
class TrapsTest {
  private final SmallMarket m = SmallMarket.get();

  private static final Map<Trap, List<EntityKind>> LABELLED = new EnumMap<>(Trap.class);

  static {
    LABELLED.put(Trap.FLASH_SALE, List.of(SHOP, ORDER));
    LABELLED.put(Trap.LIVESTREAM, List.of(SHOP, ORDER));
    LABELLED.put(Trap.CARRIER_NAT, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.DORM, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.FAMILY_DEVICE, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.LOYAL_CUSTOMER, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.STOCK_PHRASE_REVIEW, List.of(REVIEW));
    LABELLED.put(Trap.CAMOUFLAGE_SHOP, List.of(SHOP, ORDER));
    LABELLED.put(Trap.GIFT_ORDERS, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.SPLIT_BASKET, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.REORDER_AFTER_MISTAKE, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.POWER_SHOPPER, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.VIRTUAL_GOODS, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.SAME_CITY_EXPRESS, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.LIGHT_PARCELS, List.of(ACCOUNT, ORDER));
    LABELLED.put(Trap.GOODWILL_RED_PACKET, List.of(ACCOUNT, ORDER, PAYMENT));
    LABELLED.put(Trap.PRICE_PROTECTION, List.of(ACCOUNT, ORDER, PAYMENT));
    LABELLED.put(Trap.SHIPPING_INSURANCE, List.of(ACCOUNT, ORDER, PAYMENT));
    LABELLED.put(Trap.FRIENDS_TRANSFER, List.of(ACCOUNT, ORDER, PAYMENT));
    LABELLED.put(Trap.SUBSIDY_FOR_ALL, List.of(ACCOUNT, ORDER, PAYMENT));
    LABELLED.put(Trap.HONEST_STAFF, List.of(ACCOUNT));
    LABELLED.put(Trap.SIGNUP_DRIVE, List.of(ACCOUNT));
    LABELLED.put(Trap.USEFUL_REVIEW, List.of(ACCOUNT, ORDER, REVIEW, EntityKind.LIKE));
    LABELLED.put(Trap.BAD_BATCH, List.of(SHOP, ACCOUNT, ORDER, REVIEW));
    LABELLED.put(Trap.PICKY_REVIEWER, List.of(ACCOUNT, ORDER, REVIEW));
    LABELLED.put(Trap.NEW_ACCOUNT_PRAISE, List.of(ACCOUNT, ORDER, REVIEW));
    LABELLED.put(Trap.STOCK_PHOTO, List.of(SHOP, ACCOUNT, ORDER, REVIEW));
    LABELLED.put(Trap.OWN_PHOTO_REUSE, List.of(ACCOUNT, ORDER, REVIEW));
  }

  @Test
  void stockPhoto_isOnePhotoReencoded_onManyAccountsReviews() {
    List<Review> reviews = m.reviews(r -> m.is(REVIEW, r.review(), Trap.STOCK_PHOTO));
    int buyers =
        m.plan.instances().stream()
            .filter(i -> i.trap() == Trap.STOCK_PHOTO)
            .mapToInt(i -> ((Number) i.params().get("buyers")).intValue())
            .sum();
    // every buyer reviews once, but a purchase late in the window is reviewed after it ends
    assertThat(reviews).hasSizeGreaterThanOrEqualTo(5).hasSizeLessThanOrEqualTo(buyers);
    assertThat(reviews.size()).isGreaterThanOrEqualTo(buyers * 2 / 3);
    long first = Long.parseUnsignedLong(reviews.get(0).images().get(0), 16);
    for (Review r : reviews) {
      long h = Long.parseUnsignedLong(r.images().get(0), 16);
      assertThat(Long.bitCount(h ^ first)).isLessThanOrEqualTo(10);
    }
    assertThat(reviews.stream().map(Review::account).distinct().count()).isEqualTo(reviews.size());
  }

  @Test
  void badBatch_isManyAgedBuyersComplainingAboutOneShop() {
    List<Review> reviews = m.reviews(r -> m.is(REVIEW, r.review(), Trap.BAD_BATCH));
    assertThat(reviews).hasSizeGreaterThanOrEqualTo(12);
    assertThat(reviews).allMatch(r -> r.rating() <= 2);
    assertThat(reviews.stream().map(Review::shop).distinct().count()).isEqualTo(1);
    assertThat(reviews.stream().map(Review::account).distinct().count()).isEqualTo(reviews.size());
  }

  @Test
  void newAccountPraise_isMostlyFiveStars() {
    List<Review> reviews = m.reviews(r -> m.is(REVIEW, r.review(), Trap.NEW_ACCOUNT_PRAISE));
    assertThat(reviews).isNotEmpty().allMatch(r -> r.rating() >= 4);
  }

  private Map<String, List<Logistics>> scansOf(Trap trap) {
    Set<String> items =
        m.plan.instances().stream()
            .filter(i -> i.trap() == trap)
            .map(i -> (String) i.params().get("item"))
            .collect(Collectors.toSet());
    Set<String> orders =
        m.orders(o -> m.is(ORDER, o.order(), trap) && items.contains(o.item())).stream()
            .map(Order::order)
            .collect(Collectors.toSet());
    assertThat(orders).as(trap.wire()).isNotEmpty();
    Map<String, List<Logistics>> scans = new HashMap<>();
    for (Object e : m.events) {
      if (e instanceof Logistics l && orders.contains(l.order())) {
        scans.computeIfAbsent(l.order(), k -> new java.util.ArrayList<>()).add(l);
      }
    }
    return scans;
  }

  @Test
  void virtualGoods_areNeverScanned_yetReviewed() {
    assertThat(scansOf(Trap.VIRTUAL_GOODS)).isEmpty();
    assertThat(
            m.reviews.values().stream()
                .filter(r -> r.order() != null && m.is(ORDER, r.order(), Trap.VIRTUAL_GOODS)))
        .isNotEmpty();
  }

  @Test
  void sameCityExpress_isPickedUpAndDeliveredWithinHoursInTheShopsCity() {
    Map<String, List<Logistics>> scans = scansOf(Trap.SAME_CITY_EXPRESS);
    assertThat(scans).isNotEmpty();
    for (List<Logistics> parcel : scans.values()) {
      Logistics created = find(parcel, Logistics.Status.CREATED);
      Logistics delivered = find(parcel, Logistics.Status.DELIVERED);
      assertThat(find(parcel, Logistics.Status.PICKED_UP)).isNotNull();
      assertThat(delivered.ts() - created.ts()).isLessThan(3 * Sim.HOUR);
      assertThat(delivered.location()).isEqualTo(created.location());
    }
  }

  @Test
  void lightParcels_weighWhatAnEmptyParcelDoes_butArePickedUpAndCarried() {
    Map<String, List<Logistics>> scans = scansOf(Trap.LIGHT_PARCELS);
    assertThat(scans).isNotEmpty();
    for (List<Logistics> parcel : scans.values()) {
      Logistics picked = find(parcel, Logistics.Status.PICKED_UP);
      assertThat(picked).isNotNull();
      assertThat(picked.weightG()).isLessThanOrEqualTo(3 * 12 + 12 + 1);
    }
  }

  private static Logistics find(List<Logistics> parcel, Logistics.Status status) {
    return parcel.stream().filter(l -> l.status() == status).findFirst().orElse(null);
  }

  @Test
  void everyTrap_isPlanted_andLabelledGenuine() {
    assertThat(LABELLED.keySet()).containsExactlyInAnyOrder(Trap.values());
    for (Map.Entry<Trap, List<EntityKind>> e : LABELLED.entrySet()) {
      assertThat(m.plan.instances(e.getKey())).as(e.getKey().wire()).isPositive();
      for (EntityKind kind : e.getValue()) {
        assertThat(m.plan.labelled(e.getKey(), kind))
            .as(e.getKey().wire() + " " + kind.wire())
            .isPositive();
      }
    }
    assertThat(m.labels.stream().filter(t -> t.trap() != null))
        .allMatch(t -> !t.fraud() && t.tactic() == null);
  }

  @Test
  void flashSale_ordersSurgeWithManyDistinctBuyers_andViewsRiseWithThem() {
    for (String shop : m.labelled(SHOP, Trap.FLASH_SALE)) {
      List<Order> sale =
          m.orders(o -> o.shop().equals(shop) && m.is(ORDER, o.order(), Trap.FLASH_SALE));
      assertThat(sale).hasSizeGreaterThanOrEqualTo(20);
      assertThat(sale.stream().map(Order::account).distinct().count())
          .isGreaterThan(sale.size() * 8L / 10);
      long from = sale.stream().mapToLong(Order::ts).min().orElseThrow() - 5 * Sim.MINUTE;
      long to = sale.stream().mapToLong(Order::ts).max().orElseThrow();
      long views =
          m.events.stream()
              .filter(
                  e ->
                      e instanceof View v
                          && v.shop().equals(shop)
                          && v.ts() >= from
                          && v.ts() <= to)
              .count();
      assertThat(views).isGreaterThanOrEqualTo(sale.size());
    }
  }

  @Test
  void livestream_ordersComeInLockstepBursts_fromDistinctBuyersWhoWatched() {
    for (String shop : m.labelled(SHOP, Trap.LIVESTREAM)) {
      List<Order> orders =
          m.orders(o -> o.shop().equals(shop) && m.is(ORDER, o.order(), Trap.LIVESTREAM));
      assertThat(orders).hasSizeGreaterThanOrEqualTo(15);
      long[] times = orders.stream().mapToLong(Order::ts).sorted().toArray();
      assertThat(TacticsTest.maxInWindow(times, 3 * Sim.MINUTE)).isGreaterThanOrEqualTo(5);
      assertThat(orders.stream().map(Order::device).distinct().count())
          .isGreaterThan(orders.size() / 2);
    }
  }

  @Test
  void carrierNat_manyStrangersShareOneAddress_andNothingElse() {
    Set<String> subscribers = m.labelled(ACCOUNT, Trap.CARRIER_NAT);
    Map<String, Long> ips =
        m.orders(o -> subscribers.contains(o.account())).stream()
            .collect(Collectors.groupingBy(Order::ip, Collectors.counting()));
    String nat = ips.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    Set<String> behindNat =
        m.orders(o -> nat.equals(o.ip())).stream().map(Order::account).collect(Collectors.toSet());
    assertThat(behindNat.size()).isGreaterThanOrEqualTo(20);
    assertThat(
            m.orders(o -> behindNat.contains(o.account())).stream()
                .map(Order::device)
                .distinct()
                .count())
        .isEqualTo(behindNat.size());
    assertThat(
            m.orders(o -> behindNat.contains(o.account())).stream()
                .map(Order::address)
                .distinct()
                .count())
        .isEqualTo(behindNat.size());
  }

  @Test
  void dorm_manyBuyersShipToOneAddress() {
    Map<String, Set<String>> buyersOfAddress = new HashMap<>();
    for (Order o : m.orders(o -> m.is(ORDER, o.order(), Trap.DORM))) {
      buyersOfAddress.computeIfAbsent(o.address(), k -> new java.util.HashSet<>()).add(o.account());
    }
    assertThat(buyersOfAddress.values().stream().mapToInt(Set::size).max().orElse(0))
        .isGreaterThanOrEqualTo(10);
  }

  @Test
  void familyDevice_severalAccountsShareOneDevice() {
    Map<String, Long> perDevice =
        m.labelled(ACCOUNT, Trap.FAMILY_DEVICE).stream()
            .map(m.accounts::get)
            .collect(Collectors.groupingBy(Account::device, Collectors.counting()));
    assertThat(perDevice.values()).allMatch(n -> n >= 2 && n <= 4);
  }

  @Test
  void loyalCustomers_reorderFromOneShop_overDays_neverThreeInAnHour() {
    Map<String, List<Order>> byBuyerShop =
        m.orders(o -> m.is(ORDER, o.order(), Trap.LOYAL_CUSTOMER)).stream()
            .collect(Collectors.groupingBy(o -> o.account() + "@" + o.shop()));
    assertThat(byBuyerShop.values().stream().mapToInt(List::size).max().orElse(0))
        .isGreaterThanOrEqualTo(3);
    for (List<Order> orders : byBuyerShop.values()) {
      long[] times = orders.stream().mapToLong(Order::ts).sorted().toArray();
      assertThat(TacticsTest.maxInWindow(times, Sim.HOUR)).isLessThanOrEqualTo(2);
    }
  }

  @Test
  void stockPhraseReviews_areGenuineReviewsThatUseAStockPhrase_andOnlyTheyDo() {
    List<String> phrases = new java.util.ArrayList<>(List.of(Texts.STOCK_PHRASES));
    phrases.addAll(List.of(Texts.STOCK_PHRASES_EN));
    for (Review r : m.reviews.values()) {
      boolean hasPhrase = r.text() != null && phrases.stream().anyMatch(r.text()::contains);
      Truth t = m.truth(REVIEW, r.review());
      if (t == null) {
        assertThat(hasPhrase).as(r.text()).isFalse();
      } else if (t.trap() == Trap.STOCK_PHRASE_REVIEW) {
        assertThat(hasPhrase).as(r.text()).isTrue();
        assertThat(r.order()).isNotNull();
      }
    }
  }

  @Test
  void camouflageShops_areHonest_butBrushersBuyThere() {
    Set<String> shops = m.labelled(SHOP, Trap.CAMOUFLAGE_SHOP);
    List<Order> camouflage = m.orders(o -> m.is(ORDER, o.order(), Trap.CAMOUFLAGE_SHOP));
    assertThat(camouflage).isNotEmpty().allMatch(o -> shops.contains(o.shop()));
    assertThat(camouflage)
        .allMatch(
            o -> m.truth(ACCOUNT, o.account()) != null && m.truth(ACCOUNT, o.account()).fraud());
    // The shops buy no fraud (a professional bad reviewer may still pick on them: they are
    // victims).
    assertThat(m.orders(o -> shops.contains(o.shop()) && !m.genuine(ORDER, o.order())))
        .allMatch(o -> m.is(ORDER, o.order(), Tactic.BAD_REVIEWERS));
  }

  @Test
  void subsidyForAll_manyBuyersAtOneGenerousRate_someStockingUp() {
    // the trap's buyers also shop as usual (with the usual coupons): the sale is what is generous
    List<Order> sale =
        m.orders(
            o ->
                m.is(ORDER, o.order(), Trap.SUBSIDY_FOR_ALL) && o.subsidy() * 10 >= o.amount() * 4);
    assertThat(sale).isNotEmpty().allMatch(o -> o.campaign() != null);
    assertThat(sale.stream().map(Order::account).distinct().count()).isGreaterThanOrEqualTo(10);
    Map<String, Long> perBuyer =
        sale.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Order::account, java.util.stream.Collectors.counting()));
    assertThat(perBuyer.values()).contains(1L).anyMatch(k -> k >= 4);
  }

  @Test
  void moneyBack_goodwillFollowsABadWord_priceProtectionAndInsuranceNameTheOrder() {
    for (Trap trap :
        List.of(
            Trap.GOODWILL_RED_PACKET,
            Trap.PRICE_PROTECTION,
            Trap.SHIPPING_INSURANCE,
            Trap.FRIENDS_TRANSFER)) {
      List<io.brushguard.event.Payment> paid =
          m.payments.values().stream().filter(p -> m.is(PAYMENT, p.payment(), trap)).toList();
      assertThat(paid).as(trap.wire()).isNotEmpty();
      for (io.brushguard.event.Payment p : paid) {
        switch (trap) {
          case GOODWILL_RED_PACKET -> {
            assertThat(p.kind()).isEqualTo(io.brushguard.event.Payment.Kind.RED_PACKET);
            assertThat(m.shopPayer).containsValue(p.from());
          }
          case PRICE_PROTECTION, SHIPPING_INSURANCE -> {
            assertThat(p.order()).as(p.payment()).isNotNull();
            assertThat(m.orders.get(p.order()).payer()).isEqualTo(p.to());
          }
          default -> assertThat(m.shopPayer).doesNotContainValue(p.from());
        }
      }
    }
    for (Review r : m.reviews(r -> m.is(REVIEW, r.review(), Trap.GOODWILL_RED_PACKET))) {
      assertThat(r.rating()).isLessThanOrEqualTo(2);
    }
  }

  /**
   * Per buyer of the trap, the planted orders: the buyer's orders at one shop within the hour of
   * the first (the accounts also shop as usual, and those orders carry the trap's label too).
   */
  private Map<String, List<Order>> multiOrders(Trap trap) {
    Map<String, List<Order>> byBuyer = new java.util.TreeMap<>();
    for (Order o : m.orders(o -> m.is(ORDER, o.order(), trap))) {
      byBuyer.computeIfAbsent(o.account(), a -> new java.util.ArrayList<>()).add(o);
    }
    assertThat(byBuyer).as(trap.wire()).isNotEmpty();
    Map<String, List<Order>> planted = new java.util.TreeMap<>();
    for (Map.Entry<String, List<Order>> e : byBuyer.entrySet()) {
      List<Order> best = List.of();
      for (Order first : e.getValue()) {
        List<Order> cluster =
            e.getValue().stream()
                .filter(o -> o.shop().equals(first.shop()))
                .filter(o -> o.ts() >= first.ts() && o.ts() - first.ts() < Sim.HOUR)
                .toList();
        if (cluster.size() > best.size()) {
          best = cluster;
        }
      }
      planted.put(e.getKey(), best);
    }
    return planted;
  }

  @Test
  void giftOrders_oneSession_eachOrderToAnotherAddress() {
    for (List<Order> orders : multiOrders(Trap.GIFT_ORDERS).values()) {
      assertThat(orders.size()).isBetween(3, 6);
      assertThat(orders.stream().map(Order::session).distinct()).hasSize(1);
      assertThat(orders.stream().map(Order::address).distinct()).hasSize(orders.size());
    }
  }

  @Test
  void splitBasket_oneSession_eachPartViewedFirst() {
    for (List<Order> orders : multiOrders(Trap.SPLIT_BASKET).values()) {
      assertThat(orders.size()).isBetween(3, 5);
      assertThat(orders.stream().map(Order::session).distinct()).hasSize(1);
      for (Order o : orders) {
        assertThat(
                m.events.stream()
                    .anyMatch(
                        e ->
                            e instanceof View v
                                && v.account().equals(o.account())
                                && o.item().equals(v.item())
                                && v.ts() <= o.ts()
                                && v.ts() > o.ts() - Sim.HOUR))
            .as(o.order())
            .isTrue();
      }
    }
  }

  @Test
  void reorderAfterMistake_everyOrderButTheLastIsRefunded() {
    Set<String> refunded = new java.util.HashSet<>();
    for (io.brushguard.event.Event e : m.events) {
      if (e instanceof io.brushguard.event.Payment p
          && p.kind() == io.brushguard.event.Payment.Kind.REFUND
          && p.order() != null
          && "取消订单".equals(p.memo())) { // a cancellation, not a return after delivery
        refunded.add(p.order());
      }
    }
    for (List<Order> orders : multiOrders(Trap.REORDER_AFTER_MISTAKE).values()) {
      assertThat(orders.size()).isBetween(2, 3);
      for (int k = 0; k < orders.size(); k++) {
        assertThat(refunded.contains(orders.get(k).order()))
            .as(orders.get(k).order())
            .isEqualTo(k < orders.size() - 1);
      }
    }
  }

  @Test
  void powerShoppers_buyMuchAcrossCategories_withLongQueries_butNaturalBrowsingTimes() {
    List<Order> orders = m.orders(o -> m.is(ORDER, o.order(), Trap.POWER_SHOPPER));
    Map<String, Long> perShopperDay =
        orders.stream()
            .collect(
                Collectors.groupingBy(
                    o -> o.account() + "@" + SmallMarket.dayOf(o.ts()), Collectors.counting()));
    assertThat(perShopperDay.values().stream().mapToLong(Long::longValue).max().orElse(0))
        .as("dozens of orders a day, like a brusher's task list")
        .isGreaterThanOrEqualTo(8);
    Map<String, List<Order>> byShopper =
        orders.stream().collect(Collectors.groupingBy(Order::account));
    for (List<Order> own : byShopper.values()) {
      if (own.size() < 8) {
        continue;
      }
      assertThat(own.stream().map(Order::shop).distinct().count()).isGreaterThan(3);
      double[] logDwell =
          own.stream()
              .mapToDouble(
                  o ->
                      Math.log(
                          m.viewsBySession.get(o.session()).stream()
                              .filter(v -> v.shop().equals(o.shop()))
                              .mapToLong(View::dwellMs)
                              .sum()))
              .toArray();
      double mean = java.util.Arrays.stream(logDwell).average().orElse(0);
      double var =
          java.util.Arrays.stream(logDwell).map(x -> (x - mean) * (x - mean)).sum()
              / (logDwell.length - 1);
      assertThat(Math.sqrt(var)).as("a person's browsing times spread").isGreaterThan(0.4);
    }
  }

  @Test
  void signupDrive_burstsOfRegistrations_eachOnTheirOwnDeviceAndIdentity() {
    List<Account> drive =
        m.events.stream()
            .filter(e -> e instanceof Account a && m.is(ACCOUNT, a.account(), Trap.SIGNUP_DRIVE))
            .map(e -> (Account) e)
            .toList();
    assertThat(drive).hasSizeGreaterThanOrEqualTo(9);
    assertThat(drive.stream().map(Account::device).distinct().count()).isEqualTo(drive.size());
    assertThat(drive.stream().map(Account::identity).distinct().count()).isEqualTo(drive.size());
  }
}
