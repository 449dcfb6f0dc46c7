package io.brushguard.detect.cashback;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.event.Link;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.flow.StageFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Money back to buyers, through the five cashback stages. */
class CashbackDetectorTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private static final long RETENTION = 30 * DAY;
  private final CashbackDetector detector = new CashbackDetector(CashbackDetector.Config.DEFAULT);
  private final StageFlow flow =
      new StageFlow(
          List.of(
              new ShopPayers(),
              new Payouts(),
              new BuyerVoice(RETENTION),
              detector,
              new Brokers(CashbackDetector.Config.DEFAULT)));
  private int n;

  private List<Rebate> rebates() {
    return flow.facts.stream().filter(f -> f instanceof Rebate).map(f -> (Rebate) f).toList();
  }

  private void merchant(String account, String shop, String payer, long t) {
    flow.feed(new Account(account, t, Account.Role.MERCHANT, shop, null, null, null, null));
    flow.feed(new Link(account, payer, t));
  }

  /** An order of {@code amount} by {@code buyer} (paying from {@code payer}) at a shop. */
  private void buy(
      String order, String buyer, String payer, String shop, String shopPayer, long t) {
    flow.feed(
        new Order(
            order, buyer, shop, "i1", 5_900, t, 1, null, null, null, null, payer, 0, null, null));
    flow.feed(
        new Payment(
            "pay-" + order,
            payer,
            shopPayer,
            5_900,
            t + 5_000,
            Payment.Kind.ORDER,
            order,
            null,
            null));
  }

  private void review(String id, String buyer, String shop, String order, int rating, long t) {
    flow.feed(new Review(id, buyer, shop, rating, t, order, "i1", "ok", null, null, null));
  }

  private String pay(String from, String to, long amount, Payment.Kind kind, String order, long t) {
    String id = "p" + ++n;
    flow.feed(new Payment(id, from, to, amount, t, kind, order, "返现", null));
    return id;
  }

  @Test
  void redPacketFromTheShopsAccountAfterFiveStars_flagsPaymentOrderReviewBuyerAndShop() {
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    review("r1", "u1", "s1", "o1", 5, T0 + 3 * DAY);
    String p =
        pay(
            "alipay-s1",
            "alipay-u1",
            5_900 + 1_000,
            Payment.Kind.RED_PACKET,
            null,
            T0 + 3 * DAY + 5 * HOUR);

    assertThat(flow.strongest(EntityKind.PAYMENT)).containsEntry(p, CashbackDetector.AFTER_PRAISE);
    assertThat(flow.strongest(EntityKind.ORDER)).containsEntry("o1", CashbackDetector.AFTER_PRAISE);
    assertThat(flow.strongest(EntityKind.REVIEW))
        .containsEntry("r1", CashbackDetector.AFTER_PRAISE);
    assertThat(flow.strongest(EntityKind.ACCOUNT))
        .containsEntry("u1", CashbackDetector.AFTER_PRAISE);
    assertThat(flow.strongest(EntityKind.SHOP)).containsEntry("s1", CashbackDetector.SHOP_STRENGTH);
    assertThat(rebates())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.payer()).isEqualTo("alipay-s1");
              assertThat(r.tie()).isEqualTo(Rebate.RECEIVED);
              assertThat(r.chain()).contains("alipay-s1", "o1", "s1");
            });
    assertThat(flow.signals.get(0).detail()).contains(p, "alipay-s1", "5-star review r1", "69.00");
  }

  @Test
  void busyBuyer_manyOrdersBeforeTheMoneyComesBack_isStillJoined() {
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    for (int k = 0; k < 12; k++) { // an aged, busy account keeps shopping elsewhere meanwhile
      buy("x" + k, "u1", "alipay-u1", "s" + (10 + k), "alipay-s" + (10 + k), T0 + HOUR + k * HOUR);
    }
    review("r1", "u1", "s1", "o1", 5, T0 + 3 * DAY);
    pay("alipay-s1", "alipay-u1", 6_900, Payment.Kind.RED_PACKET, null, T0 + 3 * DAY + 5 * HOUR);

    assertThat(flow.strongest(EntityKind.ORDER)).containsEntry("o1", CashbackDetector.AFTER_PRAISE);
  }

  @Test
  void transferFromAnAccomplicesAccountTheMerchantBinds_isTiedByTheBinding() {
    merchant("m1", "s1", "alipay-s1", T0 - DAY);
    flow.feed(new Link("acc1", "alipay-friend", T0 - DAY));
    flow.feed(new Link("m1", "alipay-friend", T0 - HOUR));
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    review("r1", "u1", "s1", "o1", 5, T0 + 2 * DAY);
    String p =
        pay("alipay-friend", "alipay-u1", 6_500, Payment.Kind.TRANSFER, null, T0 + 2 * DAY + HOUR);

    assertThat(flow.strongest(EntityKind.PAYMENT)).containsEntry(p, CashbackDetector.AFTER_PRAISE);
    assertThat(rebates())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.tie()).isEqualTo(Rebate.BOUND);
              assertThat(r.merchant()).isEqualTo("m1");
              assertThat(r.chain()).contains("alipay-friend", "bound by merchant m1");
            });
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsOnlyKeys("u1");
  }

  @Test
  void twoTasksAtOneShop_twoPaymentsBack_flagBothOrders() {
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    buy("o2", "u1", "alipay-u1", "s1", "alipay-s1", T0 + DAY);
    review("r1", "u1", "s1", "o1", 5, T0 + 3 * DAY);
    review("r2", "u1", "s1", "o2", 5, T0 + 4 * DAY);
    pay("alipay-s1", "alipay-u1", 6_900, Payment.Kind.RED_PACKET, null, T0 + 4 * DAY + HOUR);
    pay("alipay-s1", "alipay-u1", 6_900, Payment.Kind.RED_PACKET, null, T0 + 4 * DAY + 2 * HOUR);

    assertThat(flow.strongest(EntityKind.ORDER)).containsOnlyKeys("o1", "o2");
    assertThat(flow.strongest(EntityKind.REVIEW)).containsOnlyKeys("r1", "r2");
  }

  @Test
  void goodwillAfterABadReviewOrAComplaint_passes() {
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    review("r1", "u1", "s1", "o1", 1, T0 + 3 * DAY);
    pay("alipay-s1", "alipay-u1", 1_000, Payment.Kind.RED_PACKET, null, T0 + 3 * DAY + HOUR);
    buy("o2", "u2", "alipay-u2", "s1", "alipay-s1", T0);
    flow.feed(
        new Report(
            "c1",
            "u2",
            Report.TargetKind.SHOP,
            "s1",
            T0 + DAY,
            Report.Category.OTHER,
            "late",
            null));
    pay("alipay-s1", "alipay-u2", 2_000, Payment.Kind.RED_PACKET, null, T0 + DAY + HOUR);

    assertThat(flow.signals).isEmpty();
    assertThat(detector.counts().goodwill()).isEqualTo(2);
  }

  @Test
  void refundsAndPaymentsNamingTheOrder_pass() {
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    pay("alipay-s1", "alipay-u1", 5_900, Payment.Kind.REFUND, "o1", T0 + HOUR);
    pay("alipay-s1", "alipay-u1", 800, Payment.Kind.OTHER, "o1", T0 + 2 * DAY); // price protection
    review("r1", "u1", "s1", "o1", 5, T0 + 3 * DAY);
    pay("alipay-s1", "alipay-u1", 500, Payment.Kind.OTHER, "o1", T0 + 3 * DAY + HOUR);

    assertThat(flow.signals).isEmpty();
    assertThat(detector.counts().namedOrder()).isEqualTo(2);
  }

  @Test
  void moneyPastTheHorizonOrBeforeTheOrder_passes() {
    pay("alipay-s1", "alipay-u1", 5_900, Payment.Kind.TRANSFER, null, T0 - HOUR);
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    review("r1", "u1", "s1", "o1", 5, T0 + DAY);
    pay("alipay-s1", "alipay-u1", 5_900, Payment.Kind.TRANSFER, null, T0 + 9 * DAY);

    assertThat(flow.signals).isEmpty();
  }

  @Test
  void aFriendsTransfer_passes_butAnAccountPayingBackThreeBuyersOfOneShop_isABroker() {
    flow.feed(new Link("x", "alipay-x", T0 - DAY));
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    review("r1", "u1", "s1", "o1", 5, T0 + HOUR);
    String first = pay("alipay-x", "alipay-u1", 6_200, Payment.Kind.TRANSFER, null, T0 + DAY);
    buy("o2", "u2", "alipay-u2", "s1", "alipay-s1", T0 + DAY);
    review("r2", "u2", "s1", "o2", 4, T0 + DAY + HOUR);
    pay("alipay-x", "alipay-u2", 6_200, Payment.Kind.TRANSFER, null, T0 + 2 * DAY);
    assertThat(flow.signals).as("two buyers could be friends").isEmpty();

    buy("o3", "u3", "alipay-u3", "s1", "alipay-s1", T0 + 2 * DAY);
    review("r3", "u3", "s1", "o3", 5, T0 + 2 * DAY + HOUR);
    buy("o9", "u3", "alipay-u3", "s9", "alipay-s9", T0 + 2 * DAY); // praised too, same price
    review("r9", "u3", "s9", "o9", 5, T0 + 2 * DAY + 2 * HOUR);
    String third = pay("alipay-x", "alipay-u3", 6_400, Payment.Kind.RED_PACKET, null, T0 + 3 * DAY);

    assertThat(flow.strongest(EntityKind.PAYMENT))
        .containsEntry(first, Brokers.STRENGTH)
        .containsEntry(third, Brokers.STRENGTH)
        .hasSize(3);
    assertThat(flow.strongest(EntityKind.ACCOUNT)).containsOnlyKeys("u1", "u2", "u3");
    assertThat(flow.strongest(EntityKind.ORDER))
        .as("the other praised order of the same price is not the broker's shop")
        .containsOnlyKeys("o1", "o2", "o3");
    assertThat(flow.signals.get(0).detail()).contains("alipay-x", "pays buyers of shop s1");
  }

  @Test
  void brokerBuyersOfDifferentShops_unreviewed_orPaidFarFromTheOrder_doNotCount() {
    buy("o1", "u1", "alipay-u1", "s1", "alipay-s1", T0);
    buy("o2", "u2", "alipay-u2", "s2", "alipay-s2", T0);
    buy("o3", "u3", "alipay-u3", "s3", "alipay-s3", T0);
    buy("o4", "u4", "alipay-u4", "s1", "alipay-s1", T0);
    buy("o5", "u5", "alipay-u5", "s1", "alipay-s1", T0);
    for (int i = 1; i <= 4; i++) {
      review("r" + i, "u" + i, "s" + (i == 4 ? 1 : i), "o" + i, 5, T0 + HOUR);
    }
    pay(
        "alipay-x",
        "alipay-u5",
        6_000,
        Payment.Kind.TRANSFER,
        null,
        T0 + DAY); // reimbursed, unreviewed
    for (int i = 1; i <= 3; i++) {
      pay("alipay-x", "alipay-u" + i, 6_000, Payment.Kind.TRANSFER, null, T0 + DAY);
    }
    pay("alipay-x", "alipay-u4", 100, Payment.Kind.TRANSFER, null, T0 + DAY); // not the price

    assertThat(flow.signals).isEmpty();
  }

  @Test
  void moneyToUnknownAccounts_isCountedAndKeepsNoState() {
    for (int i = 0; i < 100; i++) {
      pay("alipay-a" + i, "alipay-b" + i, 1_000, Payment.Kind.TRANSFER, null, T0 + i);
    }

    assertThat(detector.counts().unknownReceiver()).isEqualTo(100);
    assertThat(flow.keys(3)).isZero();
    assertThat(flow.keys(1)).isZero();
  }

  @Test
  void aBuyersOrders_areBoundedAndForgotten() {
    for (int i = 0; i < 100; i++) {
      buy("o" + i, "u1", "alipay-u1", "s" + i, "alipay-s" + i, T0 + i * HOUR);
    }
    pay("alipay-s0", "alipay-u1", 5_900, Payment.Kind.TRANSFER, null, T0 + 100 * HOUR);
    assertThat(flow.signals).as("the oldest order is no longer held").isEmpty();
    pay("alipay-s99", "alipay-u1", 5_900, Payment.Kind.TRANSFER, null, T0 + 100 * HOUR);
    assertThat(flow.strongest(EntityKind.ORDER)).containsOnlyKeys("o99");

    pay("nobody", "nobody2", 1, Payment.Kind.TRANSFER, null, T0 + 40 * DAY);
    assertThat(flow.keys(3)).as("forgotten a horizon after the last input").isZero();
  }
}
