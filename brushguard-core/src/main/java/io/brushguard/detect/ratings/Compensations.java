package io.brushguard.detect.ratings;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.detect.cashback.Payout;
import io.brushguard.detect.cashback.Said;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extortion: money from a shop to a serial complainer who trashed it, the compensation a
 * professional bad reviewer asks for to withdraw a complaint.
 *
 * <p><b>Test.</b> Per buyer payment account (where {@link Said} and {@link Payout} meet, as for
 * cashback): a red packet, transfer or other payment from a shop's merchant to the account within
 * {@value #WITHIN_MILLIS} ms after the account gave that shop a review of {@value BadReviewers#LOW}
 * stars or fewer (or reported it), while the account's reviews of the last {@value #WITHIN_MILLIS}
 * ms meet the serial-complainer rule of {@link BadReviewers} (low at {@value
 * BadReviewers#MIN_SHOPS} shops or more, {@value BadReviewers#LOW_SHARE} of them low). A merchant's
 * goodwill red packet after one complaint is not it: one unhappy buyer is not a serial complainer.
 * Judged when the payment comes and again with each later review, since the crew's other complaints
 * may follow the first shop's payment.
 *
 * <p><b>Signal</b> (code {@value BadReviewers#CODE}) on the payment: {@value #STRENGTH} when the
 * account is a young bad reviewer ({@link Complainer}, from {@link BadReviewers}), else {@value
 * #HINT} (a hint below review: an aged buyer unhappy with three shops in two weeks who gets a
 * goodwill red packet from one is not extorting). The shop that paid is the victim and gets
 * nothing.
 *
 * <p><b>Window and memory.</b> Key: the payment account. Per account with reviews or complaints of
 * the last {@value #WITHIN_MILLIS} ms, a reference to each {@link Said} (at most {@value
 * #MAX_SAID}) and to each payment from a shop it complained about (at most {@value #MAX_HELD}),
 * about 16 bytes each beyond the facts. One wake-up pending.
 */
public final class Compensations implements Stage<Compensations.State> {
  public static final String NAME = "bad-reviewer-compensation";
  static final long WITHIN_MILLIS = 14 * BadReviewers.DAY;
  static final double STRENGTH = 0.8;
  static final double HINT = 0.4;
  static final int MAX_SAID = 64;
  static final int MAX_HELD = 16;
  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      new Wiring(
          Set.of(), Set.of(Said.class, Payout.class, Complainer.class), Set.of(Signal.class));

  /** One payment account: what it said lately, and the shops' payments to it. */
  public static final class State {
    final List<Said> said = new ArrayList<>(2);
    final List<Payout> held = new ArrayList<>(0);
    final Map<String, Float> signalled = new HashMap<>(0);
    Complainer complainer;
    long wake = NONE;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof Said s) {
      return s.payer();
    }
    if (fact instanceof Complainer c) {
      return c.payer();
    }
    Payout p = (Payout) fact;
    return p.shop() == null ? null : p.to();
  }

  /** A shop's payment to an account that said nothing lately is not compensation. */
  @Override
  public boolean startsState(Fact fact) {
    return !(fact instanceof Payout);
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    prune(s, ctx.now());
    if (fact instanceof Said said) {
      if (s.said.size() == MAX_SAID) {
        s.said.remove(0);
      }
      s.said.add(said);
    } else if (fact instanceof Complainer c) {
      if (s.complainer == null || c.strength() > s.complainer.strength()) {
        s.complainer = c;
      }
    } else {
      Payout p = (Payout) fact;
      if (!complainedAbout(s, p.shop(), p.ts())) {
        return;
      }
      if (s.held.size() == MAX_HELD) {
        s.held.remove(0);
      }
      s.held.add(p);
    }
    if (!s.held.isEmpty() && serial(s)) {
      float strength = (float) (s.complainer != null ? STRENGTH : HINT);
      String who =
          s.complainer != null
              ? "bad reviewer " + s.complainer.account()
              : "a serial complainer not known to be young";
      for (Payout p : s.held) {
        Float before = s.signalled.get(p.payment());
        if (before == null || before < strength) {
          s.signalled.put(p.payment(), strength);
          ctx.emit(
              new Signal(
                  EntityKind.PAYMENT,
                  p.payment(),
                  BadReviewers.CODE,
                  NAME + "/" + ctx.key(),
                  strength,
                  ctx.now(),
                  "paid by shop " + p.shop() + " to " + who + " who trashed it: compensation"));
        }
      }
    }
    if (s.wake == NONE && !isEmpty(s)) {
      s.wake = due(s);
      ctx.wakeAt(s.wake);
    }
  }

  private static boolean complainedAbout(State s, String shop, long at) {
    for (Said said : s.said) {
      if (shop.equals(said.shop()) && said.rating() <= BadReviewers.LOW && said.ts() <= at) {
        return true;
      }
    }
    return false;
  }

  /** The serial-complainer rule of {@link BadReviewers}, over this account's reviews. */
  private static boolean serial(State s) {
    Set<String> lowShops = new HashSet<>();
    int reviews = 0;
    int low = 0;
    for (Said said : s.said) {
      if (said.review() == null) {
        continue;
      }
      reviews++;
      if (said.rating() <= BadReviewers.LOW) {
        low++;
        lowShops.add(said.shop());
      }
    }
    return lowShops.size() >= BadReviewers.MIN_SHOPS && low >= BadReviewers.LOW_SHARE * reviews;
  }

  private static void prune(State s, long now) {
    while (!s.said.isEmpty() && s.said.get(0).ts() < now - WITHIN_MILLIS) {
      s.said.remove(0);
    }
    while (!s.held.isEmpty() && s.held.get(0).ts() < now - WITHIN_MILLIS) {
      s.signalled.remove(s.held.remove(0).payment());
    }
    if (s.said.isEmpty() && s.held.isEmpty()) {
      s.complainer = null;
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    prune(s, time);
    if (!isEmpty(s)) {
      s.wake = due(s);
      ctx.wakeAt(s.wake);
    }
  }

  /** A wake-up only forgets. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  private static long due(State s) {
    long due = NONE;
    if (!s.said.isEmpty()) {
      due = s.said.get(s.said.size() - 1).ts() + WITHIN_MILLIS + 1;
    }
    if (!s.held.isEmpty()) {
      due = Math.max(due, s.held.get(s.held.size() - 1).ts() + WITHIN_MILLIS + 1);
    }
    return due;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.said.isEmpty() && s.held.isEmpty();
  }
}
