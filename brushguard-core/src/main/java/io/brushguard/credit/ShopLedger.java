package io.brushguard.credit;

import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Report;
import io.brushguard.event.SpotCheck;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * A shop's books and merchant credit, keyed by shop: orders and units sold, reviews and ratings,
 * each with the part judged fake taken out, from the {@link Standing}s of its orders and reviews;
 * third-party {@code spot_check}s, consumer reports about the shop, and the shop's own finding; and
 * from all of it the shop's {@link Credit}. It emits the shop's {@link ShopStanding} at most once
 * per {@link #UPDATE_EVERY} of event time (a shop with thousands of orders an hour does not write
 * thousands of lines), always after its last change. Credit recovers with clean time ({@link
 * Credit#RECOVERY_HALF_LIFE}) and is restated whenever the shop's standing is next emitted: a
 * wake-up of its own would, at the end of a bounded input, restate every penalised shop for the
 * years its recovery takes.
 *
 * <p>A report about the shop itself is upheld once the detections hold a kind of evidence against
 * the shop ({@link Credit#detectionsHoldKind}: fake orders or reviews it is to blame for that count
 * at least 3, or its own finding); one stray fake does not turn a shop's complaints (a bad batch, a
 * bad reviewer's campaign) into a second kind of evidence. Reports about its orders and reviews are
 * upheld by their ledgers.
 *
 * <p>A shop that others brush is spared the strays of their campaign: while another party's doing
 * ({@link io.brushguard.decide.Reason#NOT_THE_SHOPS_DOING}) makes up {@value #ATTACKED_SHARE} or
 * more of its fake orders, its own fake orders cost nothing, nor the reports they uphold, and its
 * own fake reviews neither while the same holds of its reviews ({@link #spared}).
 *
 * <p><b>Space.</b> Per shop: twenty-three counters and times; no per-order state (the ledgers keep
 * that).
 */
public final class ShopLedger implements Stage<ShopLedger.State> {
  public static final String NAME = "shop-ledger";

  /** How long a shop's standing may lag its books, in event time. */
  public static final long UPDATE_EVERY = 60_000;

  private static final Wiring WIRING =
      Wiring.events(EventType.SPOT_CHECK, EventType.REPORT)
          .consumes(Standing.class, Finding.class)
          .produces(ShopStanding.class);

  private static final long NONE = Long.MIN_VALUE;

  /** The share of a kind of a shop's fakes that, done by another party, spares the rest. */
  static final double ATTACKED_SHARE = 0.8;

  /** The fewest fakes by another party that make a shop a target. */
  static final long MIN_ATTACK = 3;

  /** One shop's counters. */
  public static final class State {
    long orders;
    long fakeOrders;
    long sales;
    long fakeSales;
    long reviews;
    long fakeReviews;
    long ratingSum;
    long fakeRatingSum;
    long blamedOrders;
    long blamedReviews;
    long suspectedOrders;
    long suspectedReviews;
    long upheldOnOrders;
    long upheldOnReviews;
    long shopReports;
    int failedQualification;
    int failedQuality;
    int passedChecks;
    boolean shopFlagged;
    double deduction;
    long cleanSince = NONE;
    long flushAt = NONE;
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
    if (event instanceof SpotCheck c) {
      return c.shop();
    }
    Report r = (Report) event;
    return r.targetKind() == Report.TargetKind.SHOP ? r.target() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof Finding f) {
      return f.entity() == EntityKind.SHOP ? f.id() : null;
    }
    return ((Standing) fact).shop();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context context) {
    if (event instanceof SpotCheck c) {
      if (c.result() == SpotCheck.Result.PASS) {
        s.passedChecks++;
      } else if (c.kind() == SpotCheck.Kind.QUALIFICATION) {
        s.failedQualification++;
      } else {
        s.failedQuality++;
      }
    } else {
      s.shopReports++;
    }
    changed(s, context);
  }

  @Override
  public void onFact(State s, Fact fact, Context context) {
    if (fact instanceof Finding f) {
      s.shopFlagged = f.action() != Action.ALLOW;
      changed(s, context);
      return;
    }
    Standing st = (Standing) fact;
    if (st.entity() == EntityKind.ORDER) {
      if (st.first()) {
        s.orders++;
        s.sales += st.value();
      }
      s.fakeOrders += st.fake();
      s.fakeSales += st.fake() * (long) st.value();
      s.blamedOrders += st.blamed();
      s.suspectedOrders += st.suspected();
    } else {
      if (st.first()) {
        s.reviews++;
        s.ratingSum += st.value();
      }
      s.fakeReviews += st.fake();
      s.fakeRatingSum += st.fake() * (long) st.value();
      s.blamedReviews += st.blamed();
      s.suspectedReviews += st.suspected();
    }
    if (st.entity() == EntityKind.ORDER) {
      s.upheldOnOrders += st.upheld();
    } else {
      s.upheldOnReviews += st.upheld();
    }
    if (st.blamed() != 0 || st.suspected() != 0 || st.upheld() != 0) {
      changed(s, context);
    } else {
      flushSoon(s, context); // most orders and reviews: the books change, the credit cannot
    }
  }

  /** Something the credit reads changed: restate its clean time if it got worse, and flush soon. */
  private static void changed(State s, Context context) {
    double deduction = credit(s).deduction();
    if (deduction > s.deduction) {
      s.cleanSince = context.now();
    }
    s.deduction = deduction;
    flushSoon(s, context);
  }

  private static void flushSoon(State s, Context context) {
    if (s.flushAt == NONE) {
      s.flushAt = context.now() + UPDATE_EVERY;
      context.wakeAt(s.flushAt);
    }
  }

  private static Credit credit(State s) {
    boolean ordersSpared = spared(s.fakeOrders, s.blamedOrders + s.suspectedOrders);
    boolean reviewsSpared =
        ordersSpared && spared(s.fakeReviews, s.blamedReviews + s.suspectedReviews);
    long upheld = (ordersSpared ? 0 : s.upheldOnOrders) + (reviewsSpared ? 0 : s.upheldOnReviews);
    Credit detections = credit(s, ordersSpared, reviewsSpared, upheld);
    if (s.shopReports == 0 || !detections.detectionsHoldKind()) {
      return detections;
    }
    return credit(s, ordersSpared, reviewsSpared, upheld + s.shopReports);
  }

  private static Credit credit(
      State s, boolean ordersSpared, boolean reviewsSpared, long upheldReports) {
    return new Credit(
        ordersSpared ? 0 : s.blamedOrders,
        reviewsSpared ? 0 : s.blamedReviews,
        ordersSpared ? 0 : s.suspectedOrders,
        reviewsSpared ? 0 : s.suspectedReviews,
        upheldReports,
        s.failedQualification,
        s.failedQuality,
        s.passedChecks,
        s.shopFlagged);
  }

  /**
   * Whether a shop's own fakes of one kind are spared as strays of an attack on it: when at least
   * {@value #MIN_ATTACK} of that kind's fakes, and {@value #ATTACKED_SHARE} of them or more, are
   * another party's doing. A competitor's campaign is attributed by its money, order by order, and
   * the few whose payout was not seen carry the campaign's other signals without the attribution; a
   * shop that brushes for itself has most of its fakes its own.
   */
  static boolean spared(long fake, long own) {
    long others = fake - own;
    return others >= MIN_ATTACK && others >= ATTACKED_SHARE * fake;
  }

  @Override
  public void onWake(State s, long time, Context context) {
    if (time != s.flushAt) {
      return;
    }
    s.flushAt = NONE;
    Credit c = credit(s);
    int score = c.score(s.cleanSince == NONE ? 0 : time - s.cleanSince);
    context.emit(
        new ShopStanding(
            context.key(),
            score,
            Credit.grade(score),
            s.orders,
            s.fakeOrders,
            s.sales,
            s.sales - s.fakeSales,
            s.reviews,
            s.fakeReviews,
            s.ratingSum,
            s.ratingSum - s.fakeRatingSum,
            s.failedQualification + s.failedQuality,
            c.upheldReports(),
            c.penalties(score),
            c.evidence(),
            time));
  }

  /** Never empty once seen: a shop's books are its history (a few counters per shop). */
  @Override
  public boolean isEmpty(State s) {
    return false;
  }
}
