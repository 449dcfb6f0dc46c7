package io.brushguard.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Fact;
import io.brushguard.flow.RecordingContext;
import io.brushguard.resolve.OrderLinked;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarryEvidenceTest {

  private static final long DAY = 86_400_000L;
  private final RecordingContext ctx = new RecordingContext();

  private static Signal onOrder(String code, String origin, double strength) {
    return new Signal(EntityKind.ORDER, "o1", code, origin, strength, 0, code + " evidence");
  }

  private static OrderLinked reviewOf(String order, String review) {
    return new OrderLinked(order, "s1", "u1", 1_000, 0, OrderLinked.Part.REVIEW, review);
  }

  private static List<Signal> carried(List<Fact> facts) {
    return facts.stream().map(f -> ((Carried) f).signal()).toList();
  }

  private void feed(CarryEvidence stage, CarryEvidence.State state, long t, Fact fact) {
    String key = stage.keyOf(fact);
    assertThat(key).as("the stage keys %s", fact).isNotNull();
    stage.onFact(state, fact, ctx.at(key, t));
  }

  @Test
  void orderJudgedBeforeItsReviewCame_theReviewGetsTheOrdersScore_andLosesItWhenWithdrawn() {
    CarryEvidence stage = CarryEvidence.orderToReview(30 * DAY);
    CarryEvidence.State state = stage.newState();

    feed(stage, state, 1_000, onOrder("CONCENTRATION", "c/s1", 0.6));
    feed(stage, state, 2_000, onOrder("VELOCITY", "v/d1", 0.5));
    assertThat(ctx.take()).as("no review known yet: nothing to carry to").isEmpty();

    feed(stage, state, 3 * DAY, reviewOf("o1", "r1"));
    assertThat(carried(ctx.take()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.entity()).isEqualTo(EntityKind.REVIEW);
              assertThat(s.id()).isEqualTo("r1");
              assertThat(s.code()).isEqualTo("FAKE_ORDER");
              assertThat(s.strength()).as("noisy-OR of 0.6 and 0.5").isEqualTo(0.8);
              assertThat(s.ts()).isEqualTo(3 * DAY);
              assertThat(s.detail())
                  .isEqualTo("its order o1 is judged fake at 0.80 (CONCENTRATION, VELOCITY)");
            });

    feed(stage, state, 3 * DAY + 1, reviewOf("o1", "r1"));
    assertThat(ctx.take()).as("the same link again changes nothing").isEmpty();

    feed(stage, state, 4 * DAY, onOrder("CONCENTRATION", "c/s1", 0));
    assertThat(carried(ctx.take())).extracting(Signal::strength).containsExactly(0.5);
    feed(stage, state, 4 * DAY, onOrder("VELOCITY", "v/d1", 0));
    assertThat(carried(ctx.take()))
        .singleElement()
        .satisfies(s -> assertThat(s.withdraws()).isTrue());
  }

  @Test
  void reviewJudged_itsOrderGetsSevenTenthsOfTheReviewsScore_strongestSignalPerCodeOnly() {
    CarryEvidence stage = CarryEvidence.reviewToOrder(30 * DAY);
    CarryEvidence.State state = stage.newState();
    feed(stage, state, 1_000, reviewOf("o7", "r7"));
    assertThat(ctx.take()).isEmpty();

    Signal a = new Signal(EntityKind.REVIEW, "r7", "TEMPLATE_TEXT", "t/1", 0.7, 0, "same text");
    Signal b = new Signal(EntityKind.REVIEW, "r7", "TEMPLATE_TEXT", "t/2", 0.4, 0, "same text");
    feed(stage, state, 2_000, a);
    assertThat(carried(ctx.take())).extracting(Signal::strength).containsExactly(0.49);
    feed(stage, state, 2_000, b);
    assertThat(carried(ctx.take()))
        .as("a second text cluster of the same review adds nothing: not an independent place")
        .isEmpty();
    feed(
        stage,
        state,
        2_500,
        new Signal(EntityKind.REVIEW, "r7", "TEMPLATE_TEXT", "t/1", 0.8, 0, "x"));
    assertThat(carried(ctx.take()))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.entity()).isEqualTo(EntityKind.ORDER);
              assertThat(s.id()).isEqualTo("o7");
              assertThat(s.code()).isEqualTo("FAKE_REVIEW");
              assertThat(s.strength())
                  .as("0.7 × 0.8: praise is bought for genuine purchases too")
                  .isEqualTo(0.56);
              assertThat(s.origin()).isEqualTo("review-to-order/r7");
            });
  }

  @Test
  void fraudPutOnAnotherParty_travelsUnderItsOwnCode_andTheOldCodeIsWithdrawn() {
    CarryEvidence stage = CarryEvidence.orderToReview(30 * DAY);
    CarryEvidence.State state = stage.newState();
    feed(stage, state, 1_000, reviewOf("o1", "r1"));
    feed(stage, state, 2_000, onOrder("CONCENTRATION", "c/s1", 0.6));
    feed(stage, state, 3_000, onOrder("REVERSE_BRUSHING", "rb/p1", 0.9));

    assertThat(carried(ctx.take()))
        .extracting(Signal::code, Signal::strength)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("FAKE_ORDER", 0.6),
            org.assertj.core.groups.Tuple.tuple("FAKE_ORDER", 0.0),
            org.assertj.core.groups.Tuple.tuple("REVERSE_BRUSHING", 0.96));
  }

  @Test
  void anAttackersReview_givesItsOrderItsWholeScore_underItsCode_neverAtBlock() {
    CarryEvidence stage = CarryEvidence.reviewToOrder(30 * DAY);
    CarryEvidence.State state = stage.newState();
    feed(stage, state, 1_000, reviewOf("o7", "r7"));
    feed(
        stage,
        state,
        1_500,
        new Signal(EntityKind.REVIEW, "r7", "BAD_REVIEWER", "b/u1", 0.4, 0, "aged, a hint"));
    feed(
        stage,
        state,
        1_600,
        new Signal(EntityKind.REVIEW, "r7", "TEMPLATE_TEXT", "t/s1", 0.45, 0, "alike"));
    assertThat(ctx.take())
        .as("a hint stays on the review, even when other evidence makes the review fake")
        .isEmpty();
    feed(
        stage,
        state,
        2_000,
        new Signal(EntityKind.REVIEW, "r7", "BAD_REVIEWER", "b/u1", 0.7, 0, "complaints"));
    feed(
        stage,
        state,
        3_000,
        new Signal(EntityKind.REVIEW, "r7", "BAD_REVIEWER", "b/u1", 0.95, 0, "complaints"));

    assertThat(carried(ctx.take()))
        .extracting(Signal::entity, Signal::id, Signal::code, Signal::strength)
        .containsExactly(
            // the review's whole score, 1 - 0.3 × 0.55, once the attribution (0.7) is enough
            org.assertj.core.groups.Tuple.tuple(EntityKind.ORDER, "o7", "BAD_REVIEWER", 0.835),
            org.assertj.core.groups.Tuple.tuple(
                EntityKind.ORDER, "o7", "BAD_REVIEWER", CarryEvidence.ATTACKER_ORDER_CAP));
    assertThat(CarryEvidence.ATTACKER_ORDER_CAP).isLessThan(DecisionPolicy.DEFAULT.blockAt());
  }

  @Test
  void onlyDetectorsSignalsOfItsOwnKindAreCarried_neverCarriedEvidence() {
    CarryEvidence orderToReview = CarryEvidence.orderToReview(30 * DAY);
    assertThat(orderToReview.wiring().consumes()).doesNotContain(Carried.class);
    assertThat(orderToReview.wiring().produces()).containsExactly(Carried.class);
    Signal onReview = new Signal(EntityKind.REVIEW, "r1", "X", "x/1", 0.9, 0, "d");
    assertThat(orderToReview.keyOf(onReview)).isNull();
    assertThat(orderToReview.keyOf(reviewOf("o1", "r1"))).isEqualTo("o1");
    assertThat(CarryEvidence.reviewToOrder(DAY).keyOf(reviewOf("o1", "r1"))).isEqualTo("r1");
    assertThat(
            orderToReview.keyOf(
                new OrderLinked("o1", "s1", "u1", 1, 0, OrderLinked.Part.WAYBILL, "w1")))
        .isNull();
    assertThat(orderToReview.startsState(onOrder("X", "x/1", 0)))
        .as("a withdrawal for an order never signalled")
        .isFalse();
  }

  @Test
  void retention_forgetsTheOrderAndItsReview() {
    CarryEvidence stage = CarryEvidence.orderToReview(30 * DAY);
    CarryEvidence.State state = stage.newState();
    feed(stage, state, 0, reviewOf("o1", "r1"));
    long wake = ctx.wakes.first();
    stage.onWake(state, wake, ctx.at("o1", wake));
    assertThat(stage.isEmpty(state)).isTrue();
    feed(stage, state, wake + 1, onOrder("X", "x/1", 0.9));
    assertThat(ctx.take()).as("the review was forgotten with the order").isEmpty();
  }
}
