package io.brushguard.credit;

import io.brushguard.detect.EntityKind;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * A shop's books, keyed by shop: orders and units sold, reviews and ratings, each with the part
 * judged fake taken out, from the {@link Standing}s of its orders and reviews. It emits the shop's
 * {@link ShopStanding} at most once per {@link #UPDATE_EVERY} of event time (a shop with thousands
 * of orders an hour does not write thousands of lines), and always after its last change.
 *
 * <p><b>Space.</b> Per shop: ten counters and a pending time; no per-order state (the ledgers keep
 * that).
 */
public final class ShopLedger implements Stage<ShopLedger.State> {
  public static final String NAME = "shop-ledger";

  /** How long a shop's standing may lag its books, in event time. */
  public static final long UPDATE_EVERY = 60_000;

  private static final Wiring WIRING =
      new Wiring(
          java.util.Set.of(),
          java.util.Set.of(Standing.class),
          java.util.Set.of(ShopStanding.class));

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
    long flushAt = Long.MIN_VALUE;
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
    return ((Standing) fact).shop();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context context) {
    Standing st = (Standing) fact;
    int sign = st.fake() ? 1 : -1;
    if (st.entity() == EntityKind.ORDER) {
      if (st.first()) {
        s.orders++;
        s.sales += st.value();
      }
      if (st.fake() || !st.first()) {
        s.fakeOrders += sign;
        s.fakeSales += sign * (long) st.value();
      }
    } else {
      if (st.first()) {
        s.reviews++;
        s.ratingSum += st.value();
      }
      if (st.fake() || !st.first()) {
        s.fakeReviews += sign;
        s.fakeRatingSum += sign * (long) st.value();
      }
    }
    if (s.flushAt == Long.MIN_VALUE) {
      s.flushAt = context.now() + UPDATE_EVERY;
      context.wakeAt(s.flushAt);
    }
  }

  @Override
  public void onWake(State s, long time, Context context) {
    if (time != s.flushAt) {
      return;
    }
    s.flushAt = Long.MIN_VALUE;
    context.emit(
        new ShopStanding(
            context.key(),
            s.orders,
            s.fakeOrders,
            s.sales,
            s.sales - s.fakeSales,
            s.reviews,
            s.fakeReviews,
            s.ratingSum,
            s.ratingSum - s.fakeRatingSum,
            time));
  }

  /** Never empty once seen: a shop's books are its history (a few counters per shop). */
  @Override
  public boolean isEmpty(State s) {
    return false;
  }
}
