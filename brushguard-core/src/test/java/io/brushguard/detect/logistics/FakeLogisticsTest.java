package io.brushguard.detect.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Logistics;
import io.brushguard.event.Logistics.Status;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import org.junit.jupiter.api.Test;

/** The fake-logistics stages together, on small markets written by hand. */
class FakeLogisticsTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long H = 3_600_000L;
  private static final long DAY = 24 * H;

  private final MiniFlow flow = new MiniFlow(FakeLogistics.stages(30 * DAY));
  private int orders;

  private static Order order(String id, String buyer, String shop, String item, long t) {
    return new Order(
        id, buyer, shop, item, 1000, t, 1, null, null, null, "addr-" + buyer, null, 0, null, null);
  }

  private void scan(String waybill, String order, Status status, long t, String loc, long g) {
    flow.add(new Logistics(waybill, order, status, t, "sf", loc, g));
  }

  /** A real parcel of {@code grams}: created, picked up, carried {@code hours}, delivered. */
  private String genuine(String buyer, String shop, String item, long t, long hours, long grams) {
    String id = "g" + (++orders);
    flow.add(order(id, buyer, shop, item, t));
    scan("wb-" + id, id, Status.CREATED, t + H, "杭州", grams);
    scan("wb-" + id, id, Status.PICKED_UP, t + 3 * H, "杭州", grams + 5);
    scan("wb-" + id, id, Status.IN_TRANSIT, t + 6 * H, "南京", Logistics.UNKNOWN);
    scan("wb-" + id, id, Status.DELIVERED, t + H + hours * H, "北京", Logistics.UNKNOWN);
    return id;
  }

  /** An empty parcel: created at 12 g, never picked up, "delivered" 3 hours later. */
  private String empty(String buyer, String shop, String item, String waybill, long t) {
    String id = "f" + (++orders);
    flow.add(order(id, buyer, shop, item, t));
    scan(waybill, id, Status.CREATED, t + H, "杭州", 12);
    scan(waybill, id, Status.DELIVERED, t + 4 * H, "北京", Logistics.UNKNOWN);
    return id;
  }

  /** Ten real 500-600 g parcels of item i1 from 杭州 to 北京, 28-37 hours each. */
  private long history() {
    long t = T0;
    for (int k = 0; k < 10; k++) {
      genuine("u" + k, "s1", "i1", t, 28 + k, 500 + 10 * k);
      t += 2 * H;
    }
    return t + DAY;
  }

  @Test
  void emptyParcelsOnOneWaybillForSeveralBuyers_areFlaggedWithTheirBuyersAndShop() {
    long t = history();
    String a = empty("b1", "s1", "i1", "wb-x", t);
    String b = empty("b2", "s1", "i1", "wb-x", t + H);
    String c = empty("b1", "s1", "i1", "wb-y", t + 2 * H);
    String d = empty("b3", "s1", "i1", "wb-y", t + 3 * H);

    for (String o : new String[] {a, b, c, d}) {
      assertThat(flow.strength(o)).as(o).isBetween(0.75, FakeLogistics.CAP);
    }
    Signal first = flow.latest(a);
    assertThat(first.entity()).isEqualTo(EntityKind.ORDER);
    assertThat(first.detail())
        .contains("no pick-up scan")
        .contains("weighs 12 g")
        .contains("wb-x delivered for 2 orders, 2 buyers")
        .contains("in 3 h 0 min");
    assertThat(flow.strength("b1")).isEqualTo(Tally.BUYER_REPEATED);
    assertThat(flow.strength("b2")).isEqualTo(Tally.BUYER_ONCE);
    assertThat(flow.strength("s1")).isEqualTo(Tally.SHOP_STRENGTH);
    assertThat(flow.strength("s1")).isLessThan(0.5);
  }

  @Test
  void buyerWhoPraisesAnEmptyParcel_isAHiredOne_oneWhoComplainsIsNot() {
    long t = history();
    String praised = empty("b1", "s1", "i1", "wb-x", t);
    String complained = empty("b2", "s1", "i1", "wb-y", t + H);
    assertThat(flow.strength("b1")).isEqualTo(Tally.BUYER_ONCE);

    flow.add(review("v1", praised, "b1", "i1", t + 6 * H));
    flow.add(new Review("v2", "b2", "s1", 1, t + 7 * H, complained, "i1", "空包裹", null, null, null));
    flow.add(review("v3", "g1", "u0", "i1", t + 8 * H)); // a buyer with no fake parcel

    assertThat(flow.strength("b1")).isEqualTo(Tally.BUYER_REPEATED);
    assertThat(flow.latest("b1").detail()).contains("1 of them praised by the buyer");
    assertThat(flow.strength("b2")).isEqualTo(Tally.BUYER_ONCE);
    assertThat(flow.latest("u0")).isNull();
  }

  @Test
  void emptyParcelAlone_noPickupTooLightTooFast_isSelfSufficient() {
    long t = history();
    String f = empty("b1", "s1", "i1", "wb-only", t);

    assertThat(flow.strength(f)).isEqualTo(FakeLogistics.THREE);
  }

  @Test
  void emptyParcelAtAShopWithNoHistory_isOnlyWeak() {
    String f = empty("b1", "s9", "i9", "wb-only", T0);

    assertThat(flow.strength(f)).isEqualTo(FakeLogistics.ONE);
  }

  @Test
  void genuineParcels_getNoSignal() {
    long t = history();
    String g = genuine("u99", "s1", "i1", t, 30, 520);

    assertThat(flow.latest(g)).isNull();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void realParcelWithoutAPickupScan_staysWeak() {
    long t = history();
    flow.add(order("o1", "u1", "s1", "i1", t));
    scan("wb-o1", "o1", Status.CREATED, t + H, "杭州", 510);
    scan("wb-o1", "o1", Status.DELIVERED, t + 30 * H, "北京", Logistics.UNKNOWN);

    assertThat(flow.strength("o1")).isEqualTo(FakeLogistics.ONE);
  }

  @Test
  void lightItem_isJudgedAgainstItsOwnParcels() {
    long t = T0;
    for (int k = 0; k < 10; k++) {
      genuine("u" + k, "s1", "sticker", t, 30, 40 + k);
      genuine("v" + k, "s1", "kettle", t, 30, 1500 + k);
      t += H;
    }
    String light = genuine("w", "s1", "sticker", t + DAY, 30, 35);
    String heavyButEmpty = "x";
    flow.add(order(heavyButEmpty, "w2", "s1", "kettle", t + DAY));
    scan("wb-x", heavyButEmpty, Status.CREATED, t + DAY + H, "杭州", 35);
    scan("wb-x", heavyButEmpty, Status.PICKED_UP, t + DAY + 2 * H, "杭州", 35);
    scan("wb-x", heavyButEmpty, Status.DELIVERED, t + DAY + 31 * H, "北京", Logistics.UNKNOWN);

    assertThat(flow.latest(light)).isNull();
    assertThat(flow.latest(heavyButEmpty).detail())
        .contains(
            "weighs 35 g, under half the low end of the last 10 picked-up parcels of this item");
    assertThat(flow.strength(heavyButEmpty)).isEqualTo(FakeLogistics.ONE);
  }

  @Test
  void sameCityExpress_fastOnlyAgainstSlowerRoutes_andNeverAloneAboveWeak() {
    long t = history(); // 杭州 → 北京, 28 h and more
    flow.add(order("e1", "u1", "s1", "i1", t));
    scan("wb-e1", "e1", Status.CREATED, t, "杭州", 520);
    scan("wb-e1", "e1", Status.PICKED_UP, t + 20 * 60_000L, "杭州", 520);
    scan("wb-e1", "e1", Status.DELIVERED, t + 2 * H, "北京", Logistics.UNKNOWN);

    assertThat(flow.strength("e1")).isEqualTo(FakeLogistics.ONE);
    assertThat(flow.latest("e1").detail()).contains("under half the low end of the last 10");
  }

  @Test
  void oneBuyersOrdersMergedIntoOneParcel_isWeak_andSoIsOneAddress() {
    long t = history();
    for (String[] o : new String[][] {{"m1", "u1"}, {"m2", "u1"}}) {
      flow.add(order(o[0], o[1], "s1", "i1", t));
      scan("wb-m", o[0], Status.CREATED, t + H, "杭州", 1100);
      scan("wb-m", o[0], Status.PICKED_UP, t + 2 * H, "杭州", 1100);
      scan("wb-m", o[0], Status.DELIVERED, t + 30 * H, "北京", Logistics.UNKNOWN);
      t += 60_000L;
    }
    flow.add(
        new Order(
            "m3", "u2", "s1", "i1", 1, t, 1, null, null, null, "addr-u1", null, 0, null, null));
    scan("wb-m", "m3", Status.PICKED_UP, t + 2 * H, "杭州", 1100);
    scan("wb-m", "m3", Status.DELIVERED, t + 30 * H, "北京", Logistics.UNKNOWN);

    assertThat(flow.strength("m1")).isEqualTo(FakeLogistics.ONE);
    assertThat(flow.strength("m2")).isEqualTo(FakeLogistics.ONE);
    assertThat(flow.strength("m3")).isEqualTo(FakeLogistics.ONE);
    assertThat(flow.latest("m1").detail()).contains("of one buyer at one address");
  }

  @Test
  void deliveredWhereTheAddressNeverReceives_isWeak_andOnlyOnceTheAddressHasAHistory() {
    long t = history(); // u0..u9 each received one parcel at 北京
    flow.add(order("n1", "u1", "s1", "i1", t));
    scan("wb-n1", "n1", Status.PICKED_UP, t + H, "杭州", 520);
    scan("wb-n1", "n1", Status.DELIVERED, t + 40 * H, "上海", Logistics.UNKNOWN);
    genuine("u2", "s1", "i1", t, 30, 520);
    flow.add(order("n2", "u2", "s1", "i1", t + 2 * DAY));
    scan("wb-n2", "n2", Status.PICKED_UP, t + 2 * DAY + H, "杭州", 520);
    scan("wb-n2", "n2", Status.DELIVERED, t + 2 * DAY + 40 * H, "上海", Logistics.UNKNOWN);

    assertThat(flow.latest("n1")).isNull();
    assertThat(flow.strength("n2")).isEqualTo(FakeLogistics.ONE);
    assertThat(flow.latest("n2").detail())
        .contains("delivered at 上海; the address's last 2 picked-up parcels went to 北京");
  }

  private static Review review(String id, String order, String buyer, String item, long t) {
    return new Review(id, buyer, "s1", 5, t, order, item, "好评", null, null, null);
  }

  @Test
  void reviewedWithoutAnyParcel_isWeakForAnItemThatShips_andNothingForVirtualGoods() {
    long t = history();
    flow.add(order("r1", "b1", "s1", "i1", t));
    flow.add(order("r2", "b2", "s1", "e-card", t));
    flow.add(review("v1", "r1", "b1", "i1", t + H));
    flow.add(review("v2", "r2", "b2", "e-card", t + H));
    flow.add(review("v3", "g1", "u0", "i1", t + H)); // delivered long ago

    assertThat(flow.strength("r1")).isEqualTo(FakeLogistics.ONE);
    assertThat(flow.latest("r1").detail())
        .contains("reviewed with no parcel scanned; 10 of the item's recent orders");
    assertThat(flow.latest("r2")).isNull();
    assertThat(flow.latest("g1")).isNull();
    assertThat(flow.keys(Parcels.NAME)).isEqualTo(2); // r1 and r2 still wait for a parcel
  }

  @Test
  void oneBuyersOrdersDeliveredUnderOneWaybillHoursApart_isOneNumberForSeveralParcels() {
    String a = empty("b1", "s9", "i9", "wb-twice", T0);
    String b = empty("b1", "s9", "i9", "wb-twice", T0 + DAY);

    assertThat(flow.strength(a)).isEqualTo(FakeLogistics.SHARED + 0.05);
    assertThat(flow.strength(b)).isEqualTo(FakeLogistics.SHARED + 0.05);
    assertThat(flow.latest(a).detail())
        .contains("of one buyer at one address, delivered at different times");
  }

  @Test
  void waybillReusedAThousandTimes_flagsEveryOrder_withBoundedState() {
    long t = history();
    for (int k = 0; k < 1000; k++) {
      empty("b" + (k % 50), "s1", "i1", "wb-bulk", t + k * 60_000L);
    }
    flow.finish();

    assertThat(flow.signals.stream().filter(s -> s.entity() == EntityKind.ORDER))
        .extracting(Signal::id)
        .filteredOn(id -> id.startsWith("f"))
        .hasSizeGreaterThanOrEqualTo(1000);
    for (int k = 1; k <= 1000; k++) {
      assertThat(flow.strength("f" + (10 + k))).isGreaterThanOrEqualTo(FakeLogistics.SHARED);
    }
    assertThat(flow.latest("f1010").detail()).contains("wb-bulk delivered for 1000 orders");
    assertThat(flow.strength("s1")).isEqualTo(Tally.SHOP_STRENGTH);
    assertThat(flow.keys("parcels")).isZero();
    assertThat(flow.keys(WaybillOrders.NAME)).isZero();
    assertThat(flow.keys(FakeLogistics.NAME)).isZero();
  }

  @Test
  void scansForAnUnknownOrder_areHeld_neverAnnounced_andExpire() {
    scan("wb-u", "nobody", Status.CREATED, T0, "杭州", 10);
    scan("wb-u", "nobody", Status.DELIVERED, T0 + H, "北京", Logistics.UNKNOWN);

    assertThat(flow.facts).isEmpty();
    assertThat(flow.keys(Parcels.NAME)).isEqualTo(1);
    flow.finish();
    assertThat(flow.keys(Parcels.NAME)).isZero();
  }

  @Test
  void scansOutOfOrder_andASecondWaybill_doNotCrash_norCountTwice() {
    long t = history();
    flow.add(order("o1", "u1", "s1", "i1", t));
    scan("wb-o1", "o1", Status.DELIVERED, t + H, "北京", Logistics.UNKNOWN);
    scan("wb-o1", "o1", Status.CREATED, t + 2 * H, "杭州", 500);
    scan("wb-o1", "o1", Status.DELIVERED, t + 3 * H, "北京", Logistics.UNKNOWN);
    scan("wb-other", "o1", Status.DELIVERED, t + 4 * H, "北京", Logistics.UNKNOWN);

    assertThat(flow.facts.stream().filter(f -> f instanceof Shipment)).hasSize(11);
    assertThat(flow.strength("o1")).isLessThanOrEqualTo(FakeLogistics.TWO);
  }

  @Test
  void virtualGoods_withNoParcelAtAll_areNotJudged_andLeaveNoStateOnceTheHoldEnds() {
    flow.add(order("v1", "u1", "s1", "e-card", T0));
    flow.finish();

    assertThat(flow.facts).isEmpty();
    assertThat(flow.keys(Parcels.NAME)).isZero();
  }

  @Test
  void anOrderOfABucket_waitsExactlyItsHold_andIsUnknownJustAfter() {
    // three orders of one bucket ("order"); the bucket's wake-up at the first one's hold forgets
    // only that one, so the others' ends are decided when their reviews come
    flow.add(order("order-a3", "b3", "s1", "i1", T0));
    flow.add(order("order-a1", "b1", "s1", "i1", T0 + H));
    flow.add(order("order-a2", "b2", "s1", "i1", T0 + 2 * H));
    flow.add(review("v1", "order-a1", "b1", "i1", T0 + H + Parcels.HOLD_MILLIS + 1));
    flow.add(review("v2", "order-a2", "b2", "i1", T0 + 2 * H + Parcels.HOLD_MILLIS));

    assertThat(flow.facts)
        .filteredOn(f -> f instanceof Unshipped)
        .extracting(f -> ((Unshipped) f).order())
        .containsExactly("order-a2");
    flow.finish();
    assertThat(flow.keys(Parcels.NAME)).isZero();
  }

  @Test
  void strengths_oneAndTwoWeakCuesStayBelowReviewTogether_threeOrASharedWaybillDoNot() {
    int noPickup = 1 << Cue.Kind.NO_PICKUP.ordinal();
    int light = 1 << Cue.Kind.TOO_LIGHT.ordinal();
    int fast = 1 << Cue.Kind.TOO_FAST.ordinal();
    int shared = 1 << Cue.Kind.WAYBILL_SHARED.ordinal();

    assertThat(FakeLogistics.strength(noPickup)).isLessThanOrEqualTo(0.29);
    assertThat(FakeLogistics.strength(noPickup | light)).isLessThanOrEqualTo(0.29);
    double two = FakeLogistics.strength(noPickup | light);
    assertThat(1 - (1 - two) * (1 - 0.29)).isLessThan(0.5);
    assertThat(FakeLogistics.strength(noPickup | light | fast)).isGreaterThanOrEqualTo(0.5);
    assertThat(FakeLogistics.strength(shared)).isGreaterThanOrEqualTo(0.5);
    assertThat(FakeLogistics.strength(-1 >>> (32 - Cue.Kind.values().length)))
        .isLessThanOrEqualTo(FakeLogistics.CAP);
  }
}
