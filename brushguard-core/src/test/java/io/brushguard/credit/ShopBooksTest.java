package io.brushguard.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Reason;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.Order;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.event.SpotCheck;
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
    return books(List.of());
  }

  /** The shop's standing from the ledgers' standings, then {@code more} (events and facts). */
  private ShopStanding books(List<Object> more) {
    ShopLedger shop = new ShopLedger();
    ShopLedger.State s = shop.newState();
    RecordingContext shopCtx = new RecordingContext();
    long t = 0;
    for (Standing st : standings) {
      assertThat(shop.keyOf(st)).isEqualTo("s1");
      shop.onFact(s, st, shopCtx.at("s1", t++));
    }
    for (Object o : more) {
      if (o instanceof Event e) {
        assertThat(shop.keyOf(e)).isEqualTo("s1");
        shop.onEvent(s, e, shopCtx.at("s1", t++));
      } else {
        assertThat(shop.keyOf((Fact) o)).isEqualTo("s1");
        shop.onFact(s, (Fact) o, shopCtx.at("s1", t++));
      }
    }
    long flush = shopCtx.wakes.first();
    shop.onWake(s, flush, shopCtx.at("s1", flush));
    return (ShopStanding) shopCtx.take().get(0);
  }

  private void judged(Ledger l, EntityKind kind, String id, Action action, String code, long t) {
    Finding f = new Finding(kind, id, 0.95, action, List.of(new Reason(code, "why", null)), t);
    l.onFact(state(l, id), f, ctx.at(id, t));
    collect();
  }

  private void reported(Ledger l, Report.TargetKind kind, String id, long t) {
    Report r = new Report("rp-" + id + t, "u9", kind, id, t, Report.Category.BRUSHING, null, null);
    assertThat(l.keyOf(r)).isEqualTo(id);
    l.onEvent(state(l, id), r, ctx.at(id, t));
    collect();
  }

  private static SpotCheck check(SpotCheck.Kind kind, SpotCheck.Result result, long t) {
    return new SpotCheck("ck" + t, "s1", kind, result, t, null, null, null);
  }

  @Test
  void flaggedOrdersAndReviews_leaveCorrectedSalesAndRating_suspectedOnesToldApart() {
    order("o1", 2, 1_000);
    order("o2", 1, 2_000);
    order("o3", 3, 3_000);
    judged(orders, EntityKind.ORDER, "o3", Action.BLOCK, 4_000);
    review("r1", 5, 5_000);
    review("r2", 5, 6_000);
    review("r3", 2, 7_000);
    judged(reviews, EntityKind.REVIEW, "r1", Action.BLOCK, 8_000);
    judged(reviews, EntityKind.REVIEW, "r2", Action.REVIEW, 8_000); // more likely fake than not

    ShopStanding s = books();

    assertThat(s)
        .extracting(
            ShopStanding::orders,
            ShopStanding::fakeOrders,
            ShopStanding::sales,
            ShopStanding::correctedSales,
            ShopStanding::reviews,
            ShopStanding::fakeReviews)
        .containsExactly(3L, 1L, 6L, 3L, 3L, 2L);
    assertThat(s.rating()).isEqualTo(4.0);
    assertThat(s.correctedRating()).isEqualTo(2.0);
    assertThat(s.evidence())
        .as("r2 awaits a person: held as suspected, r3 runs the shop down: not its doing")
        .isEqualTo("1 fake order, 1 fake review, 1 suspected fake review");
    // 12 × log2(1.5) + 6 × log2(1 + 1.5 / 2) = 7.02 + 4.84
    assertThat(s.credit()).isEqualTo(88);
    assertThat(s.penalties()).as("no kind of evidence is several signals").isEmpty();
  }

  @Test
  void findingBeforeItsOrder_countsWhenTheOrderComes_andAnOrderGivenTwiceCountsOnce() {
    judged(orders, EntityKind.ORDER, "o1", Action.BLOCK, 1_000);
    assertThat(standings).as("nothing to tell before the order is known").isEmpty();
    order("o1", 4, 2_000);
    order("o1", 4, 2_500);

    assertThat(standings)
        .containsExactly(new Standing(EntityKind.ORDER, "s1", "o1", 4, true, 1, 1, 0, 0, 0));
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

  @Test
  void cleanShop_fullCreditGradeA_noPenalty() {
    order("o1", 1, 1_000);
    review("r1", 5, 2_000);

    ShopStanding s = books();

    assertThat(s.credit()).isEqualTo(100);
    assertThat(s.grade()).isEqualTo("A");
    assertThat(s.penalties()).isEmpty();
    assertThat(s.evidence()).isEmpty();
  }

  @Test
  void brushedShop_losesCreditByTheRule_andPenaltiesNeedTwoKindsOfEvidence() {
    for (int i = 0; i < 6; i++) {
      order("o" + i, 1, 1_000 + i);
      judged(orders, EntityKind.ORDER, "o" + i, Action.BLOCK, 2_000 + i);
    }
    // 6 fake orders: 12 × log2(1 + 3) = 24 points: credit 76, grade B, one kind of evidence
    ShopStanding one = books();
    assertThat(one.credit()).isEqualTo(76);
    assertThat(one.grade()).isEqualTo("B");
    assertThat(one.penalties())
        .as("one kind of evidence: a warning at most")
        .containsExactly("warning");
    assertThat(one.evidence()).isEqualTo("6 fake orders");

    // and a failed qualification check (15): 61, grade C, two kinds: demotion proposed
    ShopStanding two =
        books(List.of(check(SpotCheck.Kind.QUALIFICATION, SpotCheck.Result.FAIL, 5_000)));
    assertThat(two.credit()).isEqualTo(61);
    assertThat(two.grade()).isEqualTo("C");
    assertThat(two.spotChecksFailed()).isEqualTo(1);
    assertThat(two.penalties()).containsExactly("demote");
  }

  @Test
  void oneSignal_neverAPenalty_evenWithCreditLost() {
    order("o1", 1, 1_000);
    judged(orders, EntityKind.ORDER, "o1", Action.BLOCK, 2_000);

    ShopStanding s = books();

    assertThat(s.credit()).isLessThan(100);
    assertThat(s.penalties()).isEmpty();
  }

  @Test
  void victimOfReverseBrushing_booksCorrected_butNoCreditLost() {
    for (int i = 0; i < 8; i++) {
      order("o" + i, 1, 1_000 + i);
      judged(orders, EntityKind.ORDER, "o" + i, Action.BLOCK, "REVERSE_BRUSHING", 2_000 + i);
      reported(orders, Report.TargetKind.ORDER, "o" + i, 3_000 + i);
    }

    ShopStanding s = books();

    assertThat(s.fakeOrders()).isEqualTo(8);
    assertThat(s.correctedSales()).isZero();
    assertThat(s.credit()).isEqualTo(100);
    assertThat(s.reportsUpheld()).as("the reports were right, but not against this shop").isZero();
    assertThat(s.penalties()).isEmpty();
  }

  @Test
  void victimOfReverseBrushing_sparedTheStraysTheAttributionMissed_aBrusherIsNot() {
    for (int i = 0; i < 16; i++) {
      order("o" + i, 1, 1_000 + i);
      judged(orders, EntityKind.ORDER, "o" + i, Action.BLOCK, "REVERSE_BRUSHING", 2_000 + i);
      review("r" + i, 5, 3_000 + i);
      judged(reviews, EntityKind.REVIEW, "r" + i, Action.BLOCK, "REVERSE_BRUSHING", 4_000 + i);
    }
    // the campaign's strays: their payout was not seen, so they carry only its other signals
    for (int i = 16; i < 20; i++) {
      order("o" + i, 1, 5_000 + i);
      judged(
          orders, EntityKind.ORDER, "o" + i, i % 2 == 0 ? Action.BLOCK : Action.REVIEW, 6_000 + i);
      review("r" + i, 5, 7_000 + i);
      judged(reviews, EntityKind.REVIEW, "r" + i, Action.BLOCK, "TEMPLATE_TEXT", 8_000 + i);
      reported(orders, Report.TargetKind.ORDER, "o" + i, 8_500 + i);
    }

    ShopStanding victim = books();
    assertThat(victim.fakeOrders()).isEqualTo(20);
    assertThat(victim.fakeReviews()).isEqualTo(20);
    assertThat(victim.credit()).isEqualTo(100);
    assertThat(victim.reportsUpheld())
        .as("the reports about the strays are not against it")
        .isZero();
    assertThat(victim.penalties()).isEmpty();

    // a shop that brushes for itself has most of its fakes its own: 12 more and nothing is spared
    for (int i = 20; i < 32; i++) {
      order("o" + i, 1, 9_000 + i);
      judged(orders, EntityKind.ORDER, "o" + i, Action.BLOCK, 10_000 + i);
    }
    ShopStanding brusher = books();
    assertThat(brusher.credit()).isLessThan(100);
    assertThat(brusher.evidence())
        .isEqualTo("14 fake orders, 2 suspected fake orders, 4 fake reviews, 4 upheld reports");
    assertThat(brusher.penalties()).isNotEmpty();
    assertThat(ShopLedger.spared(20, 4)).isTrue();
    assertThat(ShopLedger.spared(32, 16)).isFalse();
    assertThat(ShopLedger.spared(4, 2)).as("two fakes by others make no attack").isFalse();
  }

  @Test
  void fakeComplaints_leaveTheRating_butCostTheShopNothing() {
    for (int i = 0; i < 6; i++) {
      review("r" + i, 1, 1_000 + i);
      judged(reviews, EntityKind.REVIEW, "r" + i, Action.BLOCK, "TEMPLATE_TEXT", 2_000 + i);
    }
    review("r9", 5, 3_000);

    ShopStanding s = books();

    assertThat(s.fakeReviews()).isEqualTo(6);
    assertThat(s.correctedRating()).isEqualTo(5.0);
    assertThat(s.credit()).as("shops buy praise; complaints are their attackers'").isEqualTo(100);
  }

  @Test
  void reportsAboutFlaggedOrders_areUpheld_reportsAboutTheShopOnceAKindIsHeldAgainstIt() {
    for (int i = 1; i <= 4; i++) {
      order("o" + i, 1, 1_000 + i);
    }
    reported(orders, Report.TargetKind.ORDER, "o1", 2_000); // before the judgement
    reported(orders, Report.TargetKind.ORDER, "o4", 2_001); // o4 is never flagged
    judged(orders, EntityKind.ORDER, "o1", Action.REVIEW, 3_000);
    Report aboutShop =
        new Report("rp-s", "u8", Report.TargetKind.SHOP, "s1", 4_000, null, null, null);

    assertThat(books(List.of(aboutShop)).reportsUpheld())
        .as("o1's report; the shop's own report waits: nothing blamed on the shop yet")
        .isEqualTo(1);

    judged(orders, EntityKind.ORDER, "o1", Action.BLOCK, 5_000);
    assertThat(books(List.of(aboutShop)).reportsUpheld())
        .as("one intercepted fake is one signal: the shop's report still waits")
        .isEqualTo(1);

    judged(orders, EntityKind.ORDER, "o2", Action.BLOCK, 5_001);
    judged(orders, EntityKind.ORDER, "o3", Action.BLOCK, 5_002);
    assertThat(books(List.of(aboutShop)).reportsUpheld())
        .as("3 fake orders blamed: a kind of evidence, so the shop's report is upheld")
        .isEqualTo(2);

    for (int i = 1; i <= 3; i++) {
      judged(orders, EntityKind.ORDER, "o" + i, Action.ALLOW, 6_000 + i);
    }
    assertThat(books(List.of(aboutShop)).reportsUpheld()).as("lifted with the judgement").isZero();
  }

  @Test
  void strayFake_doesNotTurnComplaintsAboutTheShopIntoEvidence() {
    review("r1", 5, 1_000);
    judged(reviews, EntityKind.REVIEW, "r1", Action.BLOCK, 2_000);
    List<Object> complaints = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      complaints.add(
          new Report(
              "rp-s" + i, "u8" + i, Report.TargetKind.SHOP, "s1", 3_000 + i, null, null, null));
    }

    ShopStanding s = books(complaints);

    assertThat(s.reportsUpheld()).isZero();
    assertThat(s.penalties()).as("one fake review is one signal").isEmpty();
  }

  @Test
  void suspectedFakes_countAtHalfWeight_sixOfThemOneKindOfEvidence() {
    for (int i = 0; i < 5; i++) {
      order("o" + i, 1, 1_000 + i);
      judged(orders, EntityKind.ORDER, "o" + i, Action.REVIEW, 2_000 + i);
    }
    // 5 suspected count 2.5: 12 × log2(1 + 1.25) = 14.04 points, but not yet several signals
    ShopStanding five = books();
    assertThat(five.credit()).isEqualTo(86);
    assertThat(five.evidence()).isEqualTo("5 suspected fake orders");
    assertThat(five.penalties()).isEmpty();

    order("o5", 1, 1_005);
    judged(orders, EntityKind.ORDER, "o5", Action.REVIEW, 2_005);
    // 6 suspected count 3: 12 × log2(2.5) = 15.86 points, one kind: a warning
    ShopStanding six = books();
    assertThat(six.credit()).isEqualTo(84);
    assertThat(six.penalties()).containsExactly("warning");

    for (int i = 0; i < 6; i++) {
      review("r" + i, 5, 3_000 + i);
      judged(reviews, EntityKind.REVIEW, "r" + i, Action.REVIEW, 4_000 + i);
    }
    // and their 6 suspected praises (3 as well, 6 × log2(2.5) = 7.93): two kinds, credit 76
    ShopStanding both = books();
    assertThat(both.credit()).isEqualTo(76);
    assertThat(both.penalties()).containsExactly("warning");
    for (int i = 6; i < 8; i++) {
      order("o" + i, 1, 5_000 + i);
      judged(orders, EntityKind.ORDER, "o" + i, Action.REVIEW, 6_000 + i);
    }
    // 8 suspected orders count 4: 12 × log2(3) = 19.02, with the reviews 26.95: credit 73
    assertThat(books().penalties()).containsExactly("demote");
  }

  @Test
  void oneKindOfEvidence_warns_whateverItsPoints_untilRecovered() {
    for (int i = 0; i < 3; i++) {
      review("r" + i, 5, 1_000 + i);
      judged(reviews, EntityKind.REVIEW, "r" + i, Action.BLOCK, 2_000 + i);
    }
    ShopStanding praise = books();
    assertThat(praise.credit()).as("6 × log2(2.5) = 7.9 points: still grade A").isEqualTo(92);
    assertThat(praise.penalties()).containsExactly("warning");

    standings.clear();
    Finding own =
        new Finding(
            EntityKind.SHOP,
            "s1",
            0.6,
            Action.REVIEW,
            List.of(new Reason("REVERSE_BRUSHING", "paid back 9 buyers of s2", null)),
            1_000);
    order("o1", 1, 500);
    ShopStanding flagged = books(List.of(own));
    assertThat(flagged.credit()).isEqualTo(90);
    assertThat(flagged.evidence()).isEqualTo("the shop's own finding");
    assertThat(flagged.penalties()).containsExactly("warning");

    Credit c = new Credit(0, 3, 0, 0, 0, 0, 0, 0, false);
    assertThat(c.penalties(c.score(0))).containsExactly("warning");
    assertThat(c.score(10 * Credit.RECOVERY_HALF_LIFE)).isEqualTo(100);
    assertThat(c.penalties(c.score(10 * Credit.RECOVERY_HALF_LIFE)))
        .as("recovered: nothing left to warn about")
        .isEmpty();
  }

  @Test
  void suspectedFakes_ofAVictim_costNothing() {
    for (int i = 0; i < 8; i++) {
      order("o" + i, 1, 1_000 + i);
      judged(orders, EntityKind.ORDER, "o" + i, Action.REVIEW, "REVERSE_BRUSHING", 2_000 + i);
      review("r" + i, 5, 3_000 + i);
      judged(reviews, EntityKind.REVIEW, "r" + i, Action.REVIEW, "BAD_REVIEWER", 4_000 + i);
    }

    ShopStanding s = books();

    assertThat(s.fakeOrders()).isEqualTo(8);
    assertThat(s.credit()).isEqualTo(100);
    assertThat(s.evidence()).isEmpty();
  }

  @Test
  void reviewsThatDivertTheShopsCustomers_leaveTheRating_butAreNotTheShopsDoing() {
    for (int i = 0; i < 8; i++) {
      review("r" + i, 5, 1_000 + i);
      judged(reviews, EntityKind.REVIEW, "r" + i, Action.BLOCK, "CONTACT_SPAM", 2_000 + i);
    }
    review("r9", 3, 3_000);
    judged(reviews, EntityKind.REVIEW, "r1", Action.BLOCK, "TEMPLATE_TEXT", 4_000);

    ShopStanding s = books();

    assertThat(s.fakeReviews()).isEqualTo(8);
    assertThat(s.correctedRating()).isEqualTo(3.0);
    assertThat(s.evidence())
        .as("r1, judged again without the contact, is the shop's praise")
        .isEqualTo("1 fake review");
  }

  @Test
  void credit_recoversWithCleanTime_halvingTheDeductionEveryHalfLife() {
    Credit c = new Credit(6, 0, 0, 0, 0, 0, 0, 0, false);
    assertThat(c.deduction()).isEqualTo(24.0);
    assertThat(c.score(0)).isEqualTo(76);
    assertThat(c.score(Credit.RECOVERY_HALF_LIFE)).isEqualTo(88);
    assertThat(c.score(2 * Credit.RECOVERY_HALF_LIFE)).isEqualTo(94);
    assertThat(new Credit(100, 100, 0, 0, 10, 3, 3, 0, true).score(0))
        .as("every cap reached: 50 + 20 + 15 + 40 + 10")
        .isZero();
    assertThat(new Credit(0, 0, 0, 0, 0, 0, 1, 3, false).deduction())
        .as("a failed quality check (10) less three passed (6)")
        .isEqualTo(4.0);
    assertThat(Credit.grade(90)).isEqualTo("A");
    assertThat(Credit.grade(89)).isEqualTo("B");
    assertThat(Credit.grade(55)).isEqualTo("C");
    assertThat(Credit.grade(35)).isEqualTo("D");
    assertThat(Credit.grade(34)).isEqualTo("E");
    assertThat(new Credit(40, 40, 0, 0, 0, 1, 0, 0, false).penalties(30))
        .containsExactly("demote", "hold_settlement", "suspend");
    assertThat(new Credit(0, 0, 12, 12, 0, 0, 0, 0, false))
        .as("suspected fakes count at half weight: as 6 intercepted of each")
        .returns(6.0, Credit::fakeOrders)
        .returns(6.0, Credit::fakeReviews)
        .returns(2, Credit::kinds)
        .returns(new Credit(6, 6, 0, 0, 0, 0, 0, 0, false).deduction(), Credit::deduction);
  }
}
