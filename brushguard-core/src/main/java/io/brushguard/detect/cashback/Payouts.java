package io.brushguard.detect.cashback;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Link;
import io.brushguard.event.Payment;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Re-keys off-order money from the paying account to the receiving one: each {@code red_packet},
 * {@code transfer} or {@code other} payment leaves as a {@link Payout} carrying the shop whose
 * merchant binds the paying account ({@link ShopPayer}), if any, and the platform account that
 * holds it (from {@code link} events).
 *
 * <p>Key: the paying account. Space: per payment account bound to a merchant, the shop and the
 * merchant (about 80 bytes), kept (the last binding wins); per payment account a {@code link}
 * binds, the platform account that bound it first, its holder (about 60 bytes), until {@code
 * retention} after its last link or payment; other paying accounts keep nothing.
 */
public final class Payouts implements Stage<Payouts.State> {
  public static final String NAME = "cashback-payouts";
  private static final Wiring WIRING =
      Wiring.events(EventType.PAYMENT, EventType.LINK)
          .consumes(ShopPayer.class)
          .produces(Payout.class);

  private final long retentionMillis;

  public Payouts(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  /** A paying account's shop, when a merchant binds it, and the account behind it. */
  public static final class State extends Expiring {
    String shop;
    String merchant;
    String owner;
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
    if (event instanceof Link l) {
      return l.payer();
    }
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
    if (event instanceof Link l) {
      if (s.owner == null) {
        s.owner = l.account(); // the first account to bind it: its holder
      }
      s.touch(ctx, retentionMillis);
      return;
    }
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
            s.owner));
    if (s.owner != null) {
      s.touch(ctx, retentionMillis);
    }
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    ShopPayer sp = (ShopPayer) fact;
    s.shop = sp.shop();
    s.merchant = sp.merchant();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMillis)) {
      s.owner = null;
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && s.owner == null;
  }
}
