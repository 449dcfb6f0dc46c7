package io.brushguard.detect.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.cashback.ShopPayers;
import io.brushguard.event.Account;
import io.brushguard.event.Link;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.flow.StageFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subsidised orders concentrated on a few buyers, with and without a staff tie. */
class SubsidyDetectorTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long MINUTE = 60_000L;
  private static final long DAY = 86_400_000L;

  private final SubsidyDetector detector = new SubsidyDetector();
  private final StageFlow flow =
      new StageFlow(
          List.of(
              new ShopPayers(),
              new StaffPayers(),
              new StaffDevices(),
              new SubsidyPayments(),
              detector));
  private int n;
  private long t = T0;

  private void shop(String shop, String device) {
    flow.feed(
        new Account("m-" + shop, T0 - DAY, Account.Role.MERCHANT, shop, null, null, device, null));
    flow.feed(new Link("m-" + shop, "pay-" + shop, T0 - DAY));
  }

  private void staff(String staff, String device, String binds, long at) {
    flow.feed(new Account(staff, at, Account.Role.STAFF, null, null, null, device, null));
    if (binds != null) {
      flow.feed(new Link(staff, binds, at));
    }
  }

  /** A subsidised order and the platform's subsidy payment for it. */
  private String order(String buyer, String shop, long amount, long subsidy) {
    String id = "o" + ++n;
    t += MINUTE;
    flow.feed(
        new Order(
            id,
            buyer,
            shop,
            "i1",
            amount,
            t,
            1,
            null,
            null,
            null,
            null,
            "pay-" + buyer,
            subsidy,
            "camp1",
            null));
    flow.feed(
        new Payment(
            "sub-" + id,
            "pay-platform",
            "pay-" + shop,
            subsidy,
            t + MINUTE,
            Payment.Kind.SUBSIDY,
            id,
            "camp1",
            null));
    return id;
  }

  /** Genuine campaign buyers: one or two orders each at the usual 10%. */
  private void crowd(String shop, int buyers) {
    for (int i = 0; i < buyers; i++) {
      for (int k = 0; k <= i % 2; k++) {
        order("g" + i, shop, 10_000, 1_000);
      }
    }
  }

  @Test
  void fewBuyersFarOverTheRule_atAShopAStaffMemberBinds_areFlagged_namingTheStaff() {
    shop("s1", "dev-m1");
    staff("st1", "dev-st1", "pay-s1", T0);
    crowd("s1", 30);
    String first = order("u1", "s1", 10_000, 7_500);
    for (int i = 0; i < 5; i++) {
      order("u1", "s1", 10_000, 7_500);
      order("u2", "s1", 8_000, 6_000);
    }

    assertThat(flow.strongest(EntityKind.ORDER))
        .containsEntry(first, SubsidyDetector.WITH_STAFF)
        .hasSize(11);
    assertThat(flow.strongest(EntityKind.PAYMENT)).containsEntry("sub-" + first, 0.8).hasSize(11);
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsOnlyKeys("u1", "u2", "st1");
    assertThat(flow.signals.get(0).detail()).contains("staff st1", "payer pay-s1", "u1", "75%");
  }

  @Test
  void aStaffMemberOnTheMerchantsDevice_isATieToo() {
    shop("s1", "dev-m1");
    staff("st1", "dev-m1", null, T0);
    crowd("s1", 10);
    for (int i = 0; i < 4; i++) {
      order("u1", "s1", 10_000, 7_000);
    }

    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsEntry("st1", SubsidyDetector.WITH_STAFF);
    assertThat(flow.signals.get(0).detail()).contains("device dev-m1");
  }

  @Test
  void withoutStaff_twoBuyersOverTheRuleAreARing_oneAloneIsAHint() {
    shop("s1", "dev-m1");
    crowd("s1", 20);
    for (int i = 0; i < 4; i++) {
      order("u1", "s1", 10_000, 6_000);
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsEntry("u1", SubsidyDetector.ALONE);
    for (int i = 0; i < 4; i++) {
      order("u2", "s1", 10_000, 6_000);
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT))
        .containsEntry("u1", SubsidyDetector.RING)
        .containsEntry("u2", SubsidyDetector.RING);
  }

  @Test
  void aCampaignThatSubsidisesEveryoneGenerously_andAnHonestStaffMember_pass() {
    shop("s1", "dev-m1");
    staff("st1", "dev-st1", "pay-st1", T0); // binds only their own account
    for (int i = 0; i < 50; i++) {
      order("g" + i, "s1", 10_000, 6_000);
      order("g" + i, "s1", 10_000, 6_000);
    }
    for (int i = 0; i < 6; i++) {
      order("st1", "s1", 10_000, 6_000); // staff shop too, at everyone's rate
      order("fan", "s1", 10_000, 6_000); // a fan who stocks up at everyone's rate
    }

    assertThat(flow.signals).isEmpty();
  }

  @Test
  void aGenerousOfferOnOneItem_amongManySmallCoupons_isTheRuleForThoseWhoStockUp() {
    shop("s1", "dev-m1");
    crowd("s1", 60); // 10% coupons
    for (int i = 0; i < 20; i++) {
      order("f" + i, "s1", 3_000, 1_800); // the offer: 60% for everyone
    }
    for (int i = 0; i < 5; i++) {
      order("fan1", "s1", 3_000, 1_800);
      order("fan2", "s1", 3_000, 1_800);
    }

    assertThat(flow.signals).isEmpty();
  }

  @Test
  void anEarlyStockUp_isWithdrawn_whenEveryoneTurnsOutToGetTheSameOffer() {
    shop("s1", "dev-m1");
    staff("st1", "dev-m1", null, T0); // honest: registered on the merchant's device
    crowd("s1", 10);
    String first = null;
    for (int i = 0; i < 4; i++) {
      String o = order("fan", "s1", 3_000, 1_800);
      first = first == null ? o : first;
    }
    assertThat(flow.strongest(EntityKind.ORDER)).containsKey(first);

    for (int i = 0; i < 3; i++) {
      order("f" + i, "s1", 3_000, 1_800);
    }

    assertThat(flow.strongest(EntityKind.ORDER)).isEmpty();
    assertThat(flow.strongest(EntityKind.ACCOUNT)).isEmpty();
    assertThat(flow.strongest(EntityKind.PAYMENT)).isEmpty();
    assertThat(flow.strongest(EntityKind.SHOP)).isEmpty();
  }

  @Test
  void buyersPastTheCap_areCountedNotTracked() {
    shop("s1", "dev-m1");
    for (int i = 0; i < SubsidyDetector.MAX_BUYERS + 10; i++) {
      order("g" + i, "s1", 10_000, 1_000);
    }
    assertThat(detector.untracked()).isEqualTo(10);
  }
}
