package io.brushguard.detect.concentration;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Joins refunds to their orders: an order refunded within {@link #WITHIN_MILLIS} of being placed
 * was cancelled (a wrong size, colour or address, then placed again), and the shop's concentration
 * stage hears of it as {@link Cancelled}. Brushing orders are not cancelled: a cancelled order does
 * not count as a sale, which is what brushing buys.
 *
 * <p>Key: the order id (a payment of kind {@code refund} names its order). A refund that arrives
 * before its order, or one without an order id, is not joined.
 *
 * <p>Space: per order placed in the last {@link #WITHIN_MILLIS}, its shop and buyer (about 120
 * bytes with the map entry) and one wake-up; orders with a refund leave once it is joined.
 */
public final class Cancellations implements Stage<Cancellations.State> {
  public static final String NAME = "cancellations";

  /** How soon after the order a refund counts as a cancellation: the concentration window. */
  public static final long WITHIN_MILLIS = 3_600_000L;

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.PAYMENT).produces(Cancelled.class);

  /** One order's shop and buyer while a cancellation can still come. */
  public static final class State {
    String shop;
    String buyer;
    long orderedAt;
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
    if (event instanceof Order o) {
      return o.order();
    }
    if (event instanceof Payment p && p.kind() == Payment.Kind.REFUND) {
      return p.order();
    }
    return null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State state, Event event, Context context) {
    if (event instanceof Order o) {
      if (state.shop == null) {
        state.shop = o.shop();
        state.buyer = o.account();
        state.orderedAt = o.ts();
        context.wakeAt(o.ts() + WITHIN_MILLIS);
      }
      return;
    }
    if (state.shop != null && event.ts() - state.orderedAt <= WITHIN_MILLIS) {
      context.emit(new Cancelled(context.key(), state.shop, state.buyer, event.ts()));
      state.shop = null;
    }
  }

  @Override
  public void onWake(State state, long time, Context context) {
    if (state.shop != null && time >= state.orderedAt + WITHIN_MILLIS) {
      state.shop = null;
    }
  }

  @Override
  public boolean isEmpty(State state) {
    return state.shop == null;
  }
}
