package io.brushguard.detect.reverse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.cashback.BuyerVoice;
import io.brushguard.detect.cashback.CashbackDetector;
import io.brushguard.detect.cashback.Payouts;
import io.brushguard.detect.cashback.RivalPayout;
import io.brushguard.detect.cashback.ShopPayers;
import io.brushguard.event.Account;
import io.brushguard.event.Link;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.flow.StageFlow;
import io.brushguard.resolve.OrderThreads;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A competitor's money to a rival's buyers, through the cashback stages and reverse-brushing. */
class ReverseBrushingTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;
  private static final long RETENTION = 30 * DAY;

  private final StageFlow flow =
      new StageFlow(
          List.of(
              new OrderThreads(RETENTION),
              new ShopPayers(),
              new Payouts(),
              new BuyerVoice(RETENTION),
              new CashbackDetector(CashbackDetector.Config.DEFAULT),
              ReverseBrushing.of(CashbackDetector.Config.DEFAULT)));
  private int n;

  private void merchant(String account, String shop, String payer, long t) {
    flow.feed(new Account(account, t, Account.Role.MERCHANT, shop, null, null, null, null));
    flow.feed(new Link(account, payer, t));
  }

  private void buy(String order, String buyer, String shop, long amount, int quantity, long t) {
    flow.feed(
        new Order(
            order,
            buyer,
            shop,
            "i1",
            amount,
            t,
            quantity,
            null,
            null,
            null,
            null,
            "pay-" + buyer,
            0,
            null,
            null));
    flow.feed(
        new Payment(
            "po-" + order,
            "pay-" + buyer,
            "pay-" + shop,
            amount,
            t + 5_000,
            Payment.Kind.ORDER,
            order,
            null,
            null));
  }

  private String pay(String from, String to, long amount, long t) {
    String id = "p" + ++n;
    flow.feed(new Payment(id, from, to, amount, t, Payment.Kind.TRANSFER, null, "辛苦费", null));
    return id;
  }

  /** {@code buyers} hired buyers each order twice at s2 and are paid by s1's bound account. */
  private List<String> hire(int buyers, String payer) {
    List<String> payments = new java.util.ArrayList<>();
    for (int k = 0; k < buyers; k++) {
      long t = T0 + k * HOUR;
      buy("o" + k + "a", "u" + k, "s2", 5_000, 1, t);
      buy("o" + k + "b", "u" + k, "s2", 5_000, 1, t + 10 * 60_000);
      payments.add(pay(payer, "pay-u" + k, 2 * (5_000 + 800), t + 5 * HOUR));
    }
    return payments;
  }

  @Test
  void competitorsBoundAccountPaysThreeBuyersOfARival_flagsOrdersPaymentsBuyersAndCompetitor() {
    merchant("m1", "s1", "pay-m1", T0 - DAY);
    List<String> payments = hire(3, "pay-m1");

    var orders = flow.strongest(EntityKind.ORDER);
    for (int k = 0; k < 3; k++) {
      assertThat(orders)
          .containsEntry("o" + k + "a", ReverseBrushing.ORDER_STRENGTH)
          .containsEntry("o" + k + "b", ReverseBrushing.ORDER_STRENGTH);
      assertThat(flow.strongest(EntityKind.ACCOUNT))
          .containsEntry("u" + k, ReverseBrushing.ACCOUNT_STRENGTH);
    }
    assertThat(flow.strongest(EntityKind.PAYMENT).keySet()).containsAll(payments);
    assertThat(flow.strongest(EntityKind.SHOP))
        .containsEntry("s1", ReverseBrushing.SHOP_STRENGTH)
        .doesNotContainKey("s2");
    assertThat(flow.signals.stream().filter(s -> s.code().equals(ReverseBrushing.CODE)))
        .allSatisfy(
            s ->
                assertThat(s.detail())
                    .contains("merchant m1 of shop s1", "benefit of s1", "s2 is its target"));
  }

  @Test
  void twoBuyersPaid_isNotYetAnOperation_theThirdFlagsAllThree() {
    merchant("m1", "s1", "pay-m1", T0 - DAY);
    hire(2, "pay-m1");
    assertThat(flow.strongest(EntityKind.ORDER)).isEmpty();

    buy("o9", "u9", "s2", 5_000, 1, T0 + 10 * HOUR);
    pay("pay-m1", "pay-u9", 5_900, T0 + 12 * HOUR);

    assertThat(flow.strongest(EntityKind.ORDER)).containsKeys("o0a", "o1b", "o9");
  }

  @Test
  void shopKnownByTheOrderPaymentsItReceives_whenNoMerchantLinkIsSeen() {
    buy("x1", "c1", "s1", 3_000, 1, T0 - DAY); // s1's own account receives its orders' money
    hire(3, "pay-s1");

    assertThat(flow.strongest(EntityKind.ORDER)).containsKeys("o0a", "o2b");
    assertThat(flow.strongest(EntityKind.SHOP)).containsOnlyKeys("s1");
    assertThat(flow.signals.get(flow.signals.size() - 1).detail())
        .contains("receives the order payments of shop s1");
  }

  @Test
  void escrowReceivingForManyShops_isNoShopTie() {
    flow.feed(
        new Order(
            "x1", "c1", "s7", "i", 3_000, T0 - DAY, 1, null, null, null, null, "pc1", 0, null,
            null));
    flow.feed(
        new Payment("px1", "pc1", "escrow", 3_000, T0 - DAY, Payment.Kind.ORDER, "x1", null, null));
    flow.feed(
        new Order(
            "x2", "c2", "s8", "i", 3_000, T0 - DAY, 1, null, null, null, null, "pc2", 0, null,
            null));
    flow.feed(
        new Payment("px2", "pc2", "escrow", 3_000, T0 - DAY, Payment.Kind.ORDER, "x2", null, null));
    hire(4, "escrow");

    assertThat(flow.facts).noneMatch(f -> f instanceof RivalPayout);
  }

  @Test
  void hiredBuyerOrderingThreeUnits_paidBackTheItemAndCommission_isCovered() {
    merchant("m1", "s1", "pay-m1", T0 - DAY);
    hire(2, "pay-m1");
    buy("o9", "u9", "s2", 3 * 4_500, 3, T0 + 10 * HOUR);
    pay("pay-m1", "pay-u9", 4_500 + 1_275, T0 + 12 * HOUR);

    assertThat(flow.strongest(EntityKind.ORDER)).containsKey("o9");
  }

  @Test
  void merchantPayingFriendsOddSums_orTheirOrdersAtItsOwnShop_isNotReverseBrushing() {
    merchant("m1", "s1", "pay-m1", T0 - DAY);
    for (int k = 0; k < 4; k++) {
      buy("o" + k, "u" + k, "s2", 5_000, 1, T0 + k * HOUR);
      pay("pay-m1", "pay-u" + k, 2_000, T0 + k * HOUR + HOUR); // a split bill, far below the price
      pay("pay-m1", "pay-u" + k, 40_000, T0 + k * HOUR + 2 * HOUR); // far above: rent, a loan
    }

    assertThat(flow.facts).noneMatch(f -> f instanceof RivalPayout);
    assertThat(flow.strongest(EntityKind.ORDER)).isEmpty();
  }

  @Test
  void paymentsBeforeTheOrders_orAfterTheWindow_doNotCount() {
    merchant("m1", "s1", "pay-m1", T0 - DAY);
    for (int k = 0; k < 3; k++) {
      pay("pay-m1", "pay-u" + k, 5_900, T0 + k * HOUR); // money first
      buy("o" + k, "u" + k, "s2", 5_000, 1, T0 + k * HOUR + HOUR);
    }
    assertThat(flow.strongest(EntityKind.ORDER)).isEmpty();

    buy("q0", "v0", "s2", 5_000, 1, T0 + DAY);
    pay("pay-m1", "pay-v0", 5_900, T0 + DAY + HOUR);
    buy("q1", "v1", "s2", 5_000, 1, T0 + 40 * DAY);
    pay("pay-m1", "pay-v1", 5_900, T0 + 40 * DAY + HOUR);
    buy("q2", "v2", "s2", 5_000, 1, T0 + 80 * DAY);
    pay("pay-m1", "pay-v2", 5_900, T0 + 80 * DAY + HOUR);
    assertThat(flow.strongest(EntityKind.ORDER)).isEmpty();
  }

  @Test
  void badSettings_areRefused() {
    assertThatThrownBy(() -> new ReverseBrushing(1, DAY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReverseBrushing(3, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
