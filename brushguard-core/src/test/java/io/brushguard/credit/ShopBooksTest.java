package io.brushguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.Fact;
import io.brushguard.flow.RecordingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledgers and the shop's books, driven by hand: what a shop line says and when. */
class ShopBooksTest {
  private static final long DAY = 86_400_000L;
  private final Ledger orders = Ledger.orders(30 * DAY);
  private final Ledger reviews = Ledger.reviews(30 * DAY);
  private final RecordingContext ctx = new RecordingContext();
  private final Map<String, Ledger.State> states = new HashMap<>();
  private final List<Standing> standings = new ArrayList<>();

  private Ledger.State state(Ledger l, String key) {
    return states.computeIfAbsent(l.name() + key, k -> l.newState());
  }

  private void order(String id, int quantity, long t) {
    Order o =
        new Order(
            id, "u1", "s1", "i1", 100, t, quantity, "CNY", null, null, null, null, 0, null, null);
    orders.onEvent(state(orders, id), o, ctx.at(orders.keyOf(o), t));
    collect();
  }

  private void review(String id, int rating, long t) {
    Review r = new Review(id, "u1", "s1", rating, t, null, null, "好评", List.of(), null, null);
    reviews.onEvent(state(reviews, id), r, ctx.at(reviews.keyOf(r), t));
    collect();
  }

  private void judged(Ledger l, EntityKind kind, String id, Action action, long t) {
    Finding f = new Finding(kind, id, 0.95, action, List.of(), t);
    assertThat(l.keyOf(f)).isEqualTo(id);
    l.onFact(state(l, id), f, ctx.at(id, t));
    collect();
  }

  private void collect() {
    for (Fact f : ctx.take()) {
      standings.add((Standing) f);
    }
  }

  private ShopStanding books() {
    ShopLedger shop = new ShopLedger();
    ShopLedger.State s = shop.newState();
    RecordingContext shopCtx = new RecordingContext();
    long t = 0;
    for (Standing st : standings) {
      assertThat(shop.keyOf(st)).isEqualTo("s1");
      shop.onFact(s, st, shopCtx.at("s1", t++));
    }
    long flush = shopCtx.wakes.first();
    shop.onWake(s, flush, shopCtx.at("s1", flush));
    return (ShopStanding) shopCtx.take().get(0);
  }

  @Test
  void blockedOrdersAndReviews_leaveCorrectedSalesAndRating() {
    order("o1", 2, 1_000);
    order("o2", 1, 2_000);
    order("o3", 3, 3_000);
    judged(orders, EntityKind.ORDER, "o3", Action.BLOCK, 4_000);
    review("r1", 5, 5_000);
    review("r2", 5, 6_000);
    review("r3", 2, 7_000);
    judged(reviews, EntityKind.REVIEW, "r1", Action.BLOCK, 8_000);
    judged(reviews, EntityKind.REVIEW, "r2", Action.REVIEW, 8_000); // a person's to decide

    ShopStanding s = books();

    assertThat(s)
        .extracting(
            ShopStanding::orders,
            ShopStanding::fakeOrders,
            ShopStanding::sales,
            ShopStanding::correctedSales,
            ShopStanding::reviews,
            ShopStanding::fakeReviews)
        .containsExactly(3L, 1L, 6L, 3L, 3L, 1L);
    assertThat(s.rating()).isEqualTo(4.0);
    assertThat(s.correctedRating()).isEqualTo(3.5);
  }

  @Test
  void findingBeforeItsOrder_countsWhenTheOrderComes_andAnOrderGivenTwiceCountsOnce() {
    judged(orders, EntityKind.ORDER, "o1", Action.BLOCK, 1_000);
    assertThat(standings).as("nothing to tell before the order is known").isEmpty();
    order("o1", 4, 2_000);
    order("o1", 4, 2_500);

    assertThat(standings)
        .containsExactly(new Standing(EntityKind.ORDER, "s1", "o1", 4, true, true));
    assertThat(books().correctedSales()).isZero();
  }

  @Test
  void judgementLifted_putsTheOrderBack() {
    order("o1", 1, 1_000);
    judged(orders, EntityKind.ORDER, "o1", Action.BLOCK, 2_000);
    judged(orders, EntityKind.ORDER, "o1", Action.ALLOW, 3_000);

    ShopStanding s = books();

    assertThat(s.fakeOrders()).isZero();
    assertThat(s.correctedSales()).isEqualTo(1);
    assertThat(s.correctedRating()).isNaN();
  }

  @Test
  void otherEntitiesFindings_areNotThisLedgersBusiness() {
    assertThat(orders.keyOf(new Finding(EntityKind.ACCOUNT, "u1", 1, Action.BLOCK, List.of(), 1)))
        .isNull();
  }

  @Test
  void ledger_forgetsAnOrderByEventTimeAfterRetention() {
    order("o1", 1, 0);
    Ledger.State s = state(orders, "o1");
    long wake = ctx.wakes.first();

    orders.onWake(s, wake, ctx.at("o1", wake));

    assertThat(wake).isEqualTo(30 * DAY);
    assertThat(orders.isEmpty(s)).isTrue();
  }
}
