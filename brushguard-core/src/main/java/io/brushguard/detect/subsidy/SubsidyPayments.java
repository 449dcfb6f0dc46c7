package io.brushguard.detect.subsidy;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Joins the platform's subsidy payments to their orders, so the shop's {@link SubsidyDetector}
 * hears of them ({@link SubsidyPaid}) whether or not the shop's payment account is known.
 *
 * <p>Key: the order id of a subsidised order (a {@code subsidy} payment names its order). Space:
 * per subsidised order awaiting its payment, its shop (about 80 bytes with the state), for at most
 * {@link #WITHIN_MILLIS}; a payment before its order, or later, is not joined.
 */
public final class SubsidyPayments implements Stage<SubsidyPayments.State> {
  public static final String NAME = "subsidy-payments";
  static final long WITHIN_MILLIS = 86_400_000L;
  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.PAYMENT).produces(SubsidyPaid.class);

  /** One subsidised order's shop while its payment can still come. */
  public static final class State {
    String shop;
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
      return o.subsidy() > 0 && o.campaign() != null ? o.order() : null;
    }
    Payment p = (Payment) event;
    return p.kind() == Payment.Kind.SUBSIDY ? p.order() : null;
  }

  /** A payment for an order not awaiting one joins nothing. */
  @Override
  public boolean startsState(Event event) {
    return event instanceof Order;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof Order o) {
      if (s.shop == null) {
        s.shop = o.shop();
        s.orderedAt = o.ts();
        ctx.wakeAt(o.ts() + WITHIN_MILLIS);
      }
      return;
    }
    if (s.shop != null && event.ts() - s.orderedAt <= WITHIN_MILLIS) {
      Payment p = (Payment) event;
      ctx.emit(new SubsidyPaid(s.shop, p.order(), p.payment()));
      s.shop = null;
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.shop != null && time >= s.orderedAt + WITHIN_MILLIS) {
      s.shop = null;
    }
  }

  /** A wake-up only forgets an order whose payment did not come. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null;
  }
}
