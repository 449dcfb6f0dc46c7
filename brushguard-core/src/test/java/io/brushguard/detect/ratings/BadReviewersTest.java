package io.brushguard.detect.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.cashback.BuyerVoice;
import io.brushguard.detect.cashback.Payouts;
import io.brushguard.detect.cashback.ShopPayers;
import io.brushguard.event.Account;
import io.brushguard.event.Link;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Young accounts trashing many shops, their compensation, and the look-alikes. */
class BadReviewersTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final long MONTH = 30 * DAY;

  private final StageFlow flow =
      new StageFlow(
          List.of(
              new ShopPayers(),
              new Payouts(),
              new BuyerVoice(MONTH),
              new BadReviewers(),
              new Compensations()));
  private int n;

  private void register(String account, long at) {
    flow.feed(new Account(account, at, Account.Role.BUYER, null, null, null, "d-" + account, null));
    flow.feed(new Link(account, "pay-" + account, at + 1));
  }

  private void merchant(String shop) {
    long at = T0 - 400 * DAY;
    flow.feed(new Account("m-" + shop, at, Account.Role.MERCHANT, shop, null, null, null, null));
    flow.feed(new Link("m-" + shop, "pay-" + shop, at));
  }

  /** An order and, hours later, its review. */
  private String buyAndReview(String account, String shop, int rating, long at) {
    String o = "o" + ++n;
    flow.feed(
        new Order(
            o,
            account,
            shop,
            "i1",
            500,
            at,
            1,
            null,
            null,
            null,
            null,
            "pay-" + account,
            0,
            null,
            null));
    String r = "r" + n;
    flow.feed(new Review(r, account, shop, rating, at + 3 * HOUR, o, "i1", "差", null, null, null));
    return r;
  }

  private void report(String account, String shop, long at) {
    flow.feed(
        new Report(
            "rep" + ++n,
            account,
            Report.TargetKind.SHOP,
            shop,
            at,
            Report.Category.OTHER,
            null,
            null));
  }

  private String pay(String shop, String account, long at) {
    String p = "p" + ++n;
    flow.feed(
        new Payment(
            p, "pay-" + shop, "pay-" + account, 2000, at, Payment.Kind.TRANSFER, null, "补偿", null));
    return p;
  }

  @Test
  void youngAccountTrashingFiveShops_isABadReviewer_andItsCompensationToo() {
    merchant("s0");
    register("x", T0 - 3 * DAY);
    String first = buyAndReview("x", "s0", 1, T0);
    report("x", "s0", T0 + 5 * HOUR);
    String paid = pay("s0", "x", T0 + DAY);
    for (int s = 1; s < 5; s++) {
      buyAndReview("x", "s" + s, 1, T0 + DAY + s * 6 * HOUR);
    }
    flow.finish();
    assertThat(flow.strongest(EntityKind.ACCOUNT).get("x")).isEqualTo(0.9, Offset.offset(1e-6));
    assertThat(flow.strongest(EntityKind.REVIEW)).hasSize(5).containsKey(first);
    assertThat(flow.strongest(EntityKind.PAYMENT)).containsOnlyKeys(paid);
    assertThat(flow.strongest(EntityKind.PAYMENT).get(paid)).isGreaterThanOrEqualTo(0.8);
    assertThat(flow.strongest(EntityKind.SHOP)).isEmpty();
    assertThat(flow.strongest(EntityKind.ORDER)).isEmpty();
  }

  @Test
  void agedAccountTrashingShops_isOnlyAHint() {
    register("old", T0 - 400 * DAY);
    for (int s = 0; s < 4; s++) {
      buyAndReview("old", "s" + s, 1, T0 + s * DAY);
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT).get("old")).isLessThan(0.5);
  }

  @Test
  void manyAgedBuyersTrashingOneBadShop_areNotBadReviewers() {
    for (int k = 0; k < 30; k++) {
      register("b" + k, T0 - 200 * DAY - k * DAY);
      buyAndReview("b" + k, "bad-shop", 1, T0 + k * HOUR);
    }
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void pickyReviewerOverALongHistory_isNotABadReviewer() {
    register("picky", T0 - 40 * DAY);
    for (int k = 0; k < 20; k++) {
      buyAndReview("picky", "s" + k, k % 3 == 0 ? 4 : 2, T0 + k * 3 * DAY);
    }
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void newAccountPraising_isNotABadReviewer() {
    register("fresh", T0 - DAY);
    for (int s = 0; s < 6; s++) {
      buyAndReview("fresh", "s" + s, 5, T0 + s * HOUR);
    }
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void mixedReviews_belowTheLowShare_stopCounting() {
    register("y", T0 - DAY);
    for (int s = 0; s < 3; s++) {
      buyAndReview("y", "s" + s, 1, T0 + s * HOUR);
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT).get("y")).isEqualTo(0.7, Offset.offset(1e-6));
    register("z", T0 - DAY);
    for (int s = 0; s < 3; s++) {
      buyAndReview("z", "s" + s, 1, T0 + s * HOUR);
      buyAndReview("z", "t" + s, 5, T0 + s * HOUR);
    }
    assertThat(flow.strongest(EntityKind.ACCOUNT)).doesNotContainKey("z");
  }

  /**
   * A young genuine buyer who had a bad week (four complaints at four shops and a report) still
   * praised something it bought; a crew's throwaway account buys nothing to praise.
   */
  @Test
  void youngAccountWithAGoodReviewAmongItsComplaints_isOnlyAHint() {
    merchant("s0");
    register("unlucky", T0 - 11 * DAY);
    buyAndReview("unlucky", "s0", 1, T0);
    report("unlucky", "s0", T0 + 5 * HOUR);
    buyAndReview("unlucky", "s1", 2, T0 + DAY);
    buyAndReview("unlucky", "s2", 4, T0 + 2 * DAY);
    buyAndReview("unlucky", "s3", 1, T0 + 3 * DAY);
    buyAndReview("unlucky", "s4", 2, T0 + 4 * DAY);
    String paid = pay("s0", "unlucky", T0 + 5 * DAY);
    flow.finish();
    assertThat(flow.strongest(EntityKind.ACCOUNT).get("unlucky"))
        .isEqualTo(BadReviewers.AGED, Offset.offset(1e-6));
    assertThat(flow.strongest(EntityKind.REVIEW).values())
        .hasSize(4)
        .allSatisfy(v -> assertThat(v).isLessThan(0.5));
    assertThat(flow.strongest(EntityKind.PAYMENT).getOrDefault(paid, 0.0)).isLessThan(0.5);
  }

  @Test
  void goodwillRedPacketAfterOneComplaint_isNotCompensation() {
    merchant("s0");
    register("u", T0 - 300 * DAY);
    buyAndReview("u", "s0", 1, T0);
    pay("s0", "u", T0 + DAY);
    flow.finish();
    assertThat(flow.signals).isEmpty();
  }

  @Test
  void stateIsForgotten() {
    register("x", T0 - 3 * DAY);
    for (int s = 0; s < 4; s++) {
      buyAndReview("x", "s" + s, 1, T0 + s * HOUR);
    }
    flow.finish();
    assertThat(flow.keys(3)).isZero();
    assertThat(flow.keys(4)).isZero();
  }
}
