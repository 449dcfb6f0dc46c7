package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.detect.ring.Rings;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import io.brushguard.resolve.OrderLinked;
import java.util.Locale;

/**
 * A fake order's review is a fake review, and a bought review's order a bought order: the evidence
 * detectors give about one is carried to the other ({@code order-to-review} and {@code
 * review-to-order}). Brushing is an order placed in order to leave praise, so the two stand or fall
 * together; without this, a brushed order's five stars would stand in the shop's rating however
 * surely the order was judged fake, and a review caught by its text would leave its order counted
 * as a sale.
 *
 * <p>Keyed by the entity carried from (the order, or the review): it folds that entity's own
 * detector {@link Signal}s as {@link Decide} does, by the raw {@link RecurrenceNoisyOr} and learns
 * the entity it belongs with from {@link OrderLinked} facts of part {@code REVIEW} (order-threads:
 * an order's review that names it, in whichever order the two arrive). Whenever the score or the
 * link changes it emits a {@link Carried} signal on the other entity with strength equal to the
 * score (code {@code FAKE_ORDER} on a review, {@code FAKE_REVIEW} on an order), and withdraws it
 * when the score falls to 0. Only detectors' signals are carried, never carried evidence, so
 * nothing echoes; nor {@code RING}, which signals a member's order and its review alike (carried,
 * one ring would count twice on each).
 *
 * <p><b>Retention and space.</b> A key is forgotten {@code retention} of event time after its last
 * input. Per order with a review or a signal (per review with an order or a signal): the other
 * entity's id (shared with the event), a {@link Verdict} while signals are live (one entry per live
 * signal origin) and the strength last carried: about 120 bytes without signals.
 */
public final class CarryEvidence implements Stage<CarryEvidence.State> {
  private final EntityKind from;
  private final EntityKind to;
  private final String code;
  private final double share;
  private final String name;
  private final long retentionMillis;

  /**
   * What is carried is the raw evidence ({@link RecurrenceNoisyOr#RAW}), whatever fusion {@code
   * decide} scores with: the calibration and a trained model are fitted on findings whose carried
   * signals are these, so they see at scan time what they were fitted on.
   */
  private static final DecisionPolicy CARRY =
      DecisionPolicy.DEFAULT.withFusion(RecurrenceNoisyOr.RAW);

  /** The share of a review's score its order gets. */
  public static final double REVIEW_TO_ORDER = 0.7;

  /**
   * The most an attacker's review gives its order ({@link Reason#NOT_THE_SHOPS_DOING}): below
   * {@code block}, since holding the order would hold the victim's settlement.
   */
  public static final double ATTACKER_ORDER_CAP = 0.85;

  private static final Wiring WIRING =
      new Wiring(
          java.util.Set.of(),
          java.util.Set.of(Signal.class, OrderLinked.class),
          java.util.Set.of(Carried.class));

  private CarryEvidence(
      EntityKind from, EntityKind to, String code, double share, long retentionMillis) {
    if (retentionMillis <= 0) {
      throw new IllegalArgumentException("retention must be positive, was " + retentionMillis);
    }
    this.from = from;
    this.to = to;
    this.code = code;
    this.share = share;
    this.name = from.wire() + "-to-" + to.wire();
    this.retentionMillis = retentionMillis;
  }

  /** An order's judgement as evidence on its review (code {@code FAKE_ORDER}). */
  public static CarryEvidence orderToReview(long retentionMillis) {
    return new CarryEvidence(EntityKind.ORDER, EntityKind.REVIEW, "FAKE_ORDER", 1, retentionMillis);
  }

  /**
   * A review's judgement as evidence on its order (code {@code FAKE_REVIEW}), at {@value
   * #REVIEW_TO_ORDER} of its score: praise is also bought for genuine purchases (a card in the
   * parcel promising cashback for five stars), so a fake review says less about its order than a
   * fake order says about its review. An attacker's review (a code of {@link
   * Reason#NOT_THE_SHOPS_DOING}) gives its order its whole score, at most {@value
   * #ATTACKER_ORDER_CAP}, once the attribution alone is enough for {@code review}: a bad reviewer
   * buys only to complain, and a competitor's hire only to praise.
   */
  public static CarryEvidence reviewToOrder(long retentionMillis) {
    return new CarryEvidence(
        EntityKind.REVIEW, EntityKind.ORDER, "FAKE_REVIEW", REVIEW_TO_ORDER, retentionMillis);
  }

  /** One order (or review): its own evidence, what it belongs with, what was carried. */
  public static final class State extends Expiring {
    Verdict verdict;
    String other;
    double carried;
    String carriedCode;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof Signal s) {
      return s.entity() == from ? s.id() : null;
    }
    OrderLinked l = (OrderLinked) fact;
    if (l.part() != OrderLinked.Part.REVIEW) {
      return null;
    }
    return from == EntityKind.ORDER ? l.order() : l.ref();
  }

  /** A withdrawal for an entity never signalled says nothing. */
  @Override
  public boolean startsState(Fact fact) {
    return !(fact instanceof Signal s) || !s.withdraws();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State state, Fact fact, Context context) {
    if (fact instanceof Signal s) {
      if (s.code().equals(Rings.CODE)) {
        return; // a ring signals its members' orders and reviews alike: carried, it counts twice
      }
      if (state.verdict == null) {
        state.verdict = new Verdict(from, context.key());
      }
      state.verdict.apply(s);
      if (state.verdict.isEmpty()) {
        state.verdict = null;
      }
    } else {
      OrderLinked l = (OrderLinked) fact;
      String other = from == EntityKind.ORDER ? l.ref() : l.order();
      if (other.equals(state.other)) {
        state.touch(context, retentionMillis);
        return;
      }
      if (state.other != null && state.carried > 0) {
        withdraw(state, context); // an order reviewed twice: the latest review carries
      }
      state.other = other;
    }
    carry(state, context);
    state.touch(context, retentionMillis);
  }

  private void carry(State state, Context context) {
    if (state.other == null) {
      return;
    }
    Finding judged = state.verdict == null ? null : state.verdict.finding(CARRY, 0);
    String carriedCode = codeFor(judged);
    double score = judged == null ? 0 : Verdict.round(share * judged.score());
    if (from == EntityKind.REVIEW && !carriedCode.equals(code)) {
      // an attacker's review (a bad reviewer's complaint, a competitor's praise): its order was
      // bought only to post it, so it stands with the review in full, under its victim code (the
      // shop pays nothing for it) and never at block; but only when the attribution alone is
      // enough for review: a hint (an aged account's low ratings) stays on the review
      score =
          attribution(judged, carriedCode) < DecisionPolicy.DEFAULT.reviewAt()
              ? 0
              : Math.min(ATTACKER_ORDER_CAP, Verdict.round(judged.score()));
    }
    if (score == state.carried && carriedCode.equals(state.carriedCode)) {
      return;
    }
    if (state.carried > 0 && !carriedCode.equals(state.carriedCode)) {
      withdraw(state, context); // a signal is revised per code: the old code's goes first
    }
    if (score == 0) {
      withdraw(state, context);
      return;
    }
    state.carried = score;
    state.carriedCode = carriedCode;
    emit(state.other, carriedCode, score, detail(context.key(), judged), context);
  }

  private void withdraw(State state, Context context) {
    if (state.carried > 0) {
      emit(state.other, state.carriedCode, 0, null, context);
    }
    state.carried = 0;
    state.carriedCode = null;
  }

  private void emit(String other, String code, double score, String detail, Context context) {
    context.emit(
        new Carried(
            new Signal(to, other, code, name + "/" + context.key(), score, context.now(), detail)));
  }

  /**
   * The carried code: a code that puts the fraud on another party ({@link
   * Reason#NOT_THE_SHOPS_DOING}) travels as it is, so that the other entity's shop is not blamed
   * either; else this stage's own code.
   */
  private String codeFor(Finding judged) {
    if (judged != null) {
      for (Reason r : judged.reasons()) {
        if (r.notTheShopsDoing()) {
          return r.code();
        }
      }
    }
    return code;
  }

  /** The strength of the reason with this code. */
  private static double attribution(Finding judged, String code) {
    for (Reason r : judged.reasons()) {
      if (r.code().equals(code)) {
        return r.strength();
      }
    }
    return 0;
  }

  private String detail(String key, Finding judged) {
    StringBuilder d =
        new StringBuilder("its ")
            .append(from.wire())
            .append(' ')
            .append(key)
            .append(" is judged fake at ")
            .append(String.format(Locale.ROOT, "%.2f", judged.score()))
            .append(" (");
    for (int i = 0; i < judged.reasons().size(); i++) {
      d.append(i == 0 ? "" : ", ").append(judged.reasons().get(i).code());
    }
    return d.append(')').toString();
  }

  @Override
  public void onWake(State state, long time, Context context) {
    if (state.expired(time, context, retentionMillis)) {
      state.verdict = null;
      state.other = null;
      state.carried = 0;
      state.carriedCode = null;
    }
  }

  @Override
  public boolean isEmpty(State state) {
    return state.verdict == null && state.other == null && !state.pending();
  }
}
