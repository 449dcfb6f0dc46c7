package io.brushguard.detect.cashback;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Link;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment accounts of each shop's merchant, from {@code account} events with {@code role:
 * merchant} and {@code link} events, whichever comes first: one {@link ShopPayer} per payment
 * account, sent to that account's {@link Payouts} key; and for every link a {@link PayerOf}, so
 * that the money a payment account pays can be put to the platform account behind it.
 *
 * <p>The same relation as {@code resolve.Merchants}, read straight from the two event types rather
 * than from the token-link resolution: those stages cost about 2.4 µs per event when on, this one
 * reads only {@code account} and {@code link} events (a fraction of a percent of a market's).
 *
 * <p>Key: the platform account. Space: per merchant, its shop and at most {@value #MAX_PAYERS}
 * payment accounts (about 120 bytes), kept (merchants are few); per staff account a flag, kept; per
 * other account with links, its payment accounts until {@code retention} after its last link.
 */
public final class ShopPayers implements Stage<ShopPayers.State> {
  public static final String NAME = "cashback-shop-payers";
  static final int MAX_PAYERS = 16;
  private static final Wiring WIRING =
      Wiring.events(EventType.ACCOUNT, EventType.LINK).produces(ShopPayer.class, PayerOf.class);

  private final long retentionMillis;

  public ShopPayers(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  /** One account: its shop if it is a merchant, and its payment accounts. */
  public static final class State extends Expiring {
    String shop;
    boolean staff;
    final List<String> payers = new ArrayList<>(2);
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
    if (event instanceof Link l) {
      return l.account();
    }
    Account a = (Account) event;
    return (a.role() == Account.Role.MERCHANT && a.shop() != null) || a.role() == Account.Role.STAFF
        ? a.account()
        : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof Account a) {
      if (a.role() == Account.Role.STAFF) {
        s.staff = true;
        return;
      }
      if (!a.shop().equals(s.shop)) {
        s.shop = a.shop();
        for (String payer : s.payers) {
          ctx.emit(new ShopPayer(s.shop, ctx.key(), payer));
        }
      }
      return;
    }
    String payer = ((Link) event).payer();
    if (!s.payers.contains(payer)) {
      if (s.payers.size() == MAX_PAYERS) {
        s.payers.remove(0);
      }
      s.payers.add(payer);
      ctx.emit(new PayerOf(payer, ctx.key(), s.staff));
      if (s.shop != null) {
        ctx.emit(new ShopPayer(s.shop, ctx.key(), payer));
      }
    }
    s.touch(ctx, retentionMillis);
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMillis) && s.shop == null) {
      s.payers.clear();
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && !s.staff && s.payers.isEmpty();
  }
}
