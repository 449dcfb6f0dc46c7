package io.brushguard.detect.cashback;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Link;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment accounts of each shop's merchant, from {@code account} events with {@code role:
 * merchant} and the {@code link} events that follow: one {@link ShopPayer} per payment account,
 * sent to that account's {@link Payouts} key; and for the links of staff accounts a {@link
 * PayerOf}, for the subsidy detector.
 *
 * <p>The same relation as {@code resolve.Merchants}, read straight from the two event types rather
 * than from the token-link resolution: those stages cost about 2.4 µs per registration once on.
 * Only accounts registered as merchants or staff hold state, so a buyer's link costs a lookup and
 * nothing is kept; the price is that a merchant's link that comes before its registration is not
 * joined (platforms register the account first).
 *
 * <p>Key: the platform account. Space: per merchant its shop and at most {@value #MAX_PAYERS}
 * payment accounts (about 120 bytes), per staff account a flag and its payment accounts; kept
 * (merchants and staff are few and long-lived).
 */
public final class ShopPayers implements Stage<ShopPayers.State> {
  public static final String NAME = "cashback-shop-payers";
  static final int MAX_PAYERS = 16;
  private static final Wiring WIRING =
      Wiring.events(EventType.ACCOUNT, EventType.LINK).produces(ShopPayer.class, PayerOf.class);

  /** One merchant or staff account; a buyer's link makes one, empty, that is dropped at once. */
  public static final class State {
    String shop;
    boolean staff;
    List<String> payers; // allocated for merchants and staff only
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

  /** A link starts nothing: only a merchant's or staff account's registration does. */
  @Override
  public boolean startsState(Event event) {
    return !(event instanceof Link);
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
      } else {
        s.shop = a.shop();
      }
      return;
    }
    if (s.shop == null && !s.staff) {
      return; // a buyer's link: nothing to keep
    }
    String payer = ((Link) event).payer();
    if (s.payers == null) {
      s.payers = new ArrayList<>(2);
    }
    if (s.payers.contains(payer)) {
      return;
    }
    if (s.payers.size() == MAX_PAYERS) {
      s.payers.remove(0);
    }
    s.payers.add(payer);
    if (s.staff) {
      ctx.emit(new PayerOf(payer, ctx.key(), true));
    }
    if (s.shop != null) {
      ctx.emit(new ShopPayer(s.shop, ctx.key(), payer));
    }
  }

  /** It asks for no wake-up at all. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && !s.staff;
  }
}
