package io.brushguard.detect.cashback;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Payment;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Re-keys off-order money from the paying account to the receiving one: each {@code red_packet},
 * {@code transfer} or {@code other} payment leaves as a {@link Payout} carrying the shop whose
 * merchant binds the paying account ({@link ShopPayer}), if any.
 *
 * <p>Key: the paying account. Space: per payment account bound to a merchant, the shop and the
 * merchant (about 80 bytes), kept (the last binding wins); other paying accounts keep nothing.
 *
 * <p>Who holds an accomplice's payment account (its {@code link}) is not looked up: that link is
 * usually made at registration, long before the money moves, and kept for the retention it would
 * cost a state per payment account of the population (measured: about 200 ns per event of a
 * registration-heavy stream) for a link mostly forgotten by then.
 */
public final class Payouts implements Stage<Payouts.State> {
  public static final String NAME = "cashback-payouts";
  private static final Wiring WIRING =
      Wiring.events(EventType.PAYMENT).consumes(ShopPayer.class).produces(Payout.class);

  /** A paying account's shop, when a merchant binds it. */
  public static final class State {
    String shop;
    String merchant;
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
            s.merchant));
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
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
    return s.shop == null;
  }
}
