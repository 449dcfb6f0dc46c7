package io.brushguard.detect.cashback;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Payment;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import io.brushguard.resolve.OrderLinked;

/**
 * Re-keys off-order money from the paying account to the receiving one: each {@code red_packet},
 * {@code transfer} or {@code other} payment leaves as a {@link Payout} carrying the shop whose
 * merchant binds the paying account ({@link ShopPayer}), if any, and the shop whose order payments
 * it receives ({@link OrderLinked} of an order payment), if exactly one: a shop's own account is
 * known by what it receives even when its merchant's registration and link lie years back, before
 * any retention.
 *
 * <p>Key: the paying account (for an order payment, the receiving one). Space: per payment account
 * bound to a merchant or receiving order payments, the shop, the merchant and the shop it receives
 * for (about 90 bytes), kept (the last binding wins; receipts for a second shop mark it an escrow);
 * other paying accounts keep nothing. Reading every order payment's {@code OrderLinked} costs one
 * keyed lookup per order.
 *
 * <p>Who holds an accomplice's payment account (its {@code link}) is not looked up: that link is
 * usually made at registration, long before the money moves, and kept for the retention it would
 * cost a state per payment account of the population (measured: about 200 ns per event of a
 * registration-heavy stream) for a link mostly forgotten by then.
 */
public final class Payouts implements Stage<Payouts.State> {
  public static final String NAME = "cashback-payouts";
  private static final Wiring WIRING =
      Wiring.events(EventType.PAYMENT)
          .consumes(ShopPayer.class, OrderLinked.class)
          .produces(Payout.class);

  /** A paying account's shop, when a merchant binds it. */
  public static final class State {
    String shop;
    String merchant;
    String receivesFor;
    boolean escrow;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  /** Whether a payment is off-order money a shop could pay a buyer back with. */
  static boolean offOrder(Payment.Kind kind) {
    return kind == Payment.Kind.RED_PACKET
        || kind == Payment.Kind.TRANSFER
        || kind == Payment.Kind.OTHER;
  }

  @Override
  public String keyOf(Event event) {
    Payment p = (Payment) event;
    return offOrder(p.kind()) && !p.from().equals(p.to()) ? p.from() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof OrderLinked l) {
      return l.receiver();
    }
    return ((ShopPayer) fact).payer();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Payment p = (Payment) event;
    ctx.emit(
        new Payout(
            p.payment(),
            p.from(),
            p.to(),
            p.amount(),
            p.kind(),
            p.order(),
            p.ts(),
            s.shop,
            s.merchant,
            s.escrow ? null : s.receivesFor));
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    if (fact instanceof OrderLinked l) {
      if (s.receivesFor == null) {
        s.receivesFor = l.shop();
      } else if (!s.escrow && !s.receivesFor.equals(l.shop())) {
        s.escrow = true;
      }
      return;
    }
    ShopPayer sp = (ShopPayer) fact;
    s.shop = sp.shop();
    s.merchant = sp.merchant();
  }

  /** It asks for no wake-up at all. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && s.receivesFor == null;
  }
}
