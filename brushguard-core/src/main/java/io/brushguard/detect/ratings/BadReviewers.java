package io.brushguard.detect.ratings;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Link;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Professional bad reviewers (职业差评师): throwaway accounts that post one-star complaints at many
 * shops within days, often report the shops, and extort compensation.
 *
 * <p><b>How the fraud works.</b> A crew registers accounts days before it strikes (sometimes on one
 * phone), buys the cheapest item at many unrelated shops, posts a complaint hours after delivery,
 * reports the shop and offers to withdraw for money. The shops are its victims. What separates it
 * from the look-alikes: a genuinely bad shop or batch draws one-star reviews from many aged buyers,
 * each at that one shop; a picky reviewer rates low at many shops, but over a long history, from an
 * aged account; a new genuine account rates too, mostly well. The crew's account is young, and
 * everything it says in its first week is a complaint, about many shops: it exists for the attack,
 * and each review costs the crew a purchase, so it buys nothing to praise. A young genuine buyer
 * who had a bad week still likes some of what arrived.
 *
 * <p><b>Test.</b> Per account, its reviews of the last {@value #WINDOW_MILLIS} ms: fires when at
 * least {@value #MIN_SHOPS} distinct shops got a review of {@value #LOW} stars or fewer and at
 * least {@value #LOW_SHARE} of the window's reviews are that low. Under the population (about one
 * review in ten is that low, a rate a platform should measure) an account with three or more
 * reviews in a week, three quarters or more of them low at three shops, is rare (a binomial tail of
 * about 10⁻³ per such account), so it is not evidence alone: it is signalled at {@value #AGED} (a
 * hint below review) unless the account is young (registered within {@value #YOUNG_MILLIS} ms of
 * its first low review in the window) and every review of its window is low: {@value #BASE},
 * {@value #PER_SHOP} more per shop beyond {@value #MIN_SHOPS}, {@value #REPORTED} more when it also
 * reported one of those shops, at most {@value #CAP}. A young account with a good review among its
 * complaints stays at the hint.
 *
 * <p><b>Signals</b> (code {@value #CODE}): the account and its low reviews in the window. Never the
 * shops, and not the orders (real sales to the victims: blocking one would hold the victim's
 * settlement). A blocked complaint drops out of the shop's corrected rating, which is how the shop
 * is protected. A young bad reviewer is handed to its payment accounts ({@link Complainer}), where
 * {@link Compensations} signals the shops' payments to it. Every review also leaves as a {@link
 * ReviewGap} (its gap since the account's previous review in the window) for {@link RatingBursts}.
 *
 * <p><b>Window and memory.</b> Key: the account. A registration is kept {@value #YOUNG_MILLIS} ms
 * and a window more (the account stays young that long; about 40 bytes with the state); per review
 * of the last {@value #WINDOW_MILLIS} ms its id, shop, rating and time and a float (about 56 bytes:
 * the id strings are the event's, its text is not kept), at most {@value #MAX_REVIEWS} (the oldest
 * dropped); per shop reported in the window its id and time, at most {@value #MAX_REVIEWS}. One
 * wake-up pending per account with state.
 *
 * <p><b>References.</b> 职业差评师 cases (e.g. the 2013 Hangzhou 淘宝 extortion ring prosecuted for 敲诈勒索,
 * 刑法 art. 274); Hooi et al., "BIRDNEST: Bayesian Inference for Ratings-Fraud Detection", SDM 2016
 * (extreme, bursty rating behaviour against the population).
 */
public final class BadReviewers implements Stage<BadReviewers.State> {
  public static final String NAME = "bad-reviewers";
  public static final String CODE = "BAD_REVIEWER";
  static final long DAY = 86_400_000L;
  static final long WINDOW_MILLIS = 7 * DAY;
  static final long YOUNG_MILLIS = 30 * DAY;
  static final int LOW = 2;
  static final int MIN_SHOPS = 3;
  static final double LOW_SHARE = 0.75;
  static final double AGED = 0.4;
  static final double BASE = 0.7;
  static final double PER_SHOP = 0.05;
  static final double REPORTED = 0.1;
  static final double CAP = 0.95;
  static final int MAX_REVIEWS = 32;
  static final int MAX_PAYERS = 4;
  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      Wiring.events(EventType.ACCOUNT, EventType.LINK, EventType.REVIEW, EventType.REPORT)
          .produces(Signal.class, Complainer.class, ReviewGap.class);

  /** What the test needs of a review: not the event, whose text would be kept a week with it. */
  record Reviewed(String review, String shop, int rating, long ts) {}

  /** One account: when it registered, and what it said in the window. */
  public static final class State {
    long registered = NONE;
    final List<Reviewed> reviews = new ArrayList<>(2);
    final List<Float> emitted = new ArrayList<>(2);
    final List<String> reportedShops = new ArrayList<>(0);
    final List<Long> reportedAt = new ArrayList<>(0);
    final List<String> payers = new ArrayList<>(1);
    float accountEmitted;
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
  public String keyOf(Event event) {
    if (event instanceof Account a) {
      return a.role() == Account.Role.BUYER ? a.account() : null;
    }
    if (event instanceof Review r) {
      return r.account();
    }
    if (event instanceof Link l) {
      return l.account();
    }
    Report r = (Report) event;
    return r.targetKind() == Report.TargetKind.SHOP ? r.reporter() : null;
  }

  /** A report or a payment link of an account with nothing in its window says nothing yet. */
  @Override
  public boolean startsState(Event event) {
    return !(event instanceof Report) && !(event instanceof Link);
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    long now = ctx.now();
    prune(s, now);
    if (event instanceof Account a) {
      if (s.registered == NONE) {
        s.registered = a.ts();
      }
    } else if (event instanceof Link l) {
      if (isEmptyState(s) || s.payers.contains(l.payer())) {
        return;
      }
      if (s.payers.size() == MAX_PAYERS) {
        s.payers.remove(0);
      }
      s.payers.add(l.payer());
      if (s.accountEmitted >= BASE) {
        ctx.emit(new Complainer(l.payer(), ctx.key(), s.accountEmitted));
      }
    } else if (event instanceof Review r) {
      long gap = s.reviews.isEmpty() ? -1 : r.ts() - s.reviews.get(s.reviews.size() - 1).ts();
      ctx.emit(new ReviewGap(r.account(), r.review(), r.rating(), RatingMix.gapBin(gap)));
      if (s.reviews.size() == MAX_REVIEWS) {
        s.reviews.remove(0);
        s.emitted.remove(0);
      }
      s.reviews.add(new Reviewed(r.review(), r.shop(), r.rating(), r.ts()));
      s.emitted.add(0f);
      judge(s, ctx);
    } else {
      Report r = (Report) event;
      if (s.reviews.isEmpty() && s.registered == NONE) {
        return;
      }
      if (s.reportedShops.size() == MAX_REVIEWS) {
        s.reportedShops.remove(0);
        s.reportedAt.remove(0);
      }
      s.reportedShops.add(r.target());
      s.reportedAt.add(r.ts());
      judge(s, ctx);
    }
    arm(s, ctx);
  }

  private static void judge(State s, Context ctx) {
    Set<String> lowShops = new HashSet<>();
    int low = 0;
    long firstLow = NONE;
    for (Reviewed r : s.reviews) {
      if (r.rating() <= LOW) {
        low++;
        lowShops.add(r.shop());
        if (firstLow == NONE) {
          firstLow = r.ts();
        }
      }
    }
    if (lowShops.size() < MIN_SHOPS || low < LOW_SHARE * s.reviews.size()) {
      return;
    }
    boolean young = s.registered != NONE && firstLow - s.registered <= YOUNG_MILLIS;
    boolean onlyComplaints = low == s.reviews.size();
    int reported = 0;
    for (String shop : s.reportedShops) {
      if (lowShops.contains(shop)) {
        reported++;
      }
    }
    double strength = AGED;
    if (young && onlyComplaints) {
      strength =
          Math.min(
              CAP, BASE + PER_SHOP * (lowShops.size() - MIN_SHOPS) + (reported > 0 ? REPORTED : 0));
    }
    float f = (float) strength;
    long now = ctx.now();
    String origin = NAME + "/" + ctx.key();
    String detail =
        "complaints of "
            + LOW
            + " stars or fewer at "
            + lowShops.size()
            + " shops within 7 days ("
            + low
            + " of "
            + s.reviews.size()
            + " reviews)"
            + (young
                ? ", account registered "
                    + Math.max(0, (firstLow - s.registered) / DAY)
                    + " days before"
                : ", account not known to be young")
            + (young && !onlyComplaints ? ", with a review above " + LOW + " stars besides" : "")
            + (reported > 0 ? ", " + reported + " of those shops reported" : "");
    if (f > s.accountEmitted) {
      s.accountEmitted = f;
      ctx.emit(new Signal(EntityKind.ACCOUNT, ctx.key(), CODE, origin, f, now, detail));
      if (young && onlyComplaints) {
        for (String payer : s.payers) {
          ctx.emit(new Complainer(payer, ctx.key(), f));
        }
      }
    }
    for (int i = 0; i < s.reviews.size(); i++) {
      Reviewed r = s.reviews.get(i);
      if (r.rating() <= LOW && s.emitted.get(i) < f) {
        s.emitted.set(i, f);
        ctx.emit(
            new Signal(
                EntityKind.REVIEW,
                r.review(),
                CODE,
                origin,
                f,
                now,
                "by a bad reviewer: " + detail));
      }
    }
  }

  /** Drops the reviews and reports older than the window, and a registration no longer young. */
  private static void prune(State s, long now) {
    while (!s.reviews.isEmpty() && s.reviews.get(0).ts() < now - WINDOW_MILLIS) {
      s.reviews.remove(0);
      s.emitted.remove(0);
    }
    while (!s.reportedAt.isEmpty() && s.reportedAt.get(0) < now - WINDOW_MILLIS) {
      s.reportedAt.remove(0);
      s.reportedShops.remove(0);
    }
    if (s.reviews.isEmpty()) {
      s.accountEmitted = 0;
    }
    if (s.registered != NONE && now - s.registered > YOUNG_MILLIS + WINDOW_MILLIS) {
      s.registered = NONE;
    }
    if (isEmptyState(s)) {
      s.payers.clear();
    }
  }

  private static long due(State s) {
    long due = NONE;
    if (s.registered != NONE) {
      due = s.registered + YOUNG_MILLIS + WINDOW_MILLIS + 1;
    }
    if (!s.reviews.isEmpty()) {
      due = Math.max(due, s.reviews.get(s.reviews.size() - 1).ts() + WINDOW_MILLIS + 1);
    }
    if (!s.reportedAt.isEmpty()) {
      due = Math.max(due, s.reportedAt.get(s.reportedAt.size() - 1) + WINDOW_MILLIS + 1);
    }
    return due;
  }

  private static void arm(State s, Context ctx) {
    if (s.wake == NONE && !isEmptyState(s)) {
      s.wake = due(s);
      ctx.wakeAt(s.wake);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    prune(s, time);
    arm(s, ctx);
  }

  /** A wake-up only forgets. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  private static boolean isEmptyState(State s) {
    return s.registered == NONE && s.reviews.isEmpty() && s.reportedAt.isEmpty();
  }

  @Override
  public boolean isEmpty(State s) {
    return isEmptyState(s);
  }
}
