package io.brushguard.resolve;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * Entity resolution of shop ↔ merchant account ↔ payment accounts, keyed by platform account: a
 * {@link MerchantPayer} for each payment account tied to an account registered as a shop's merchant
 * ({@code account} with {@code role: merchant} and {@code shop}), whichever comes first, the
 * registration or the link ({@link Linked} of kind {@code PAYER} from {@code link-payer}).
 *
 * <p><b>Bounds and space.</b> Per account that is a merchant or has payment accounts: the shop and
 * at most {@value #MAX_PAYERS} payment accounts (about 120 bytes). An account that never turns out
 * to be a merchant is forgotten {@code retention} after its last link; a merchant's registration is
 * kept (merchants are few and their accounts long-lived).
 */
public final class Merchants implements Stage<Merchants.State> {
  public static final String NAME = "merchants";
  static final int MAX_PAYERS = 16;
  private static final Wiring WIRING =
      Wiring.events(EventType.ACCOUNT).consumes(Linked.class).produces(MerchantPayer.class);

  private final long retentionMillis;

  public Merchants(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  /** One account: its shop if it is a merchant, and its payment accounts. */
  public static final class State extends Expiring {
    String shop;
    List<String> payers; // null until the first
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
    Account a = (Account) event;
    return a.role() == Account.Role.MERCHANT && a.shop() != null ? a.account() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    Linked l = (Linked) fact;
    return l.kind() == TokenKind.PAYER ? l.account() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    String shop = ((Account) event).shop();
    if (shop.equals(s.shop)) {
      return;
    }
    s.shop = shop;
    if (s.payers == null) {
      return;
    }
    for (String payer : s.payers) {
      ctx.emit(new MerchantPayer(shop, ctx.key(), payer));
    }
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    String payer = ((Linked) fact).token();
    if (s.payers == null) {
      s.payers = new ArrayList<>(2);
    }
    if (!s.payers.contains(payer)) {
      if (s.payers.size() == MAX_PAYERS) {
        s.payers.remove(0);
      }
      s.payers.add(payer);
      if (s.shop != null) {
        ctx.emit(new MerchantPayer(s.shop, ctx.key(), payer));
      }
    }
    s.touch(ctx, retentionMillis);
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMillis) && s.shop == null) {
      s.payers = null; // a merchant's payment accounts stay with it
    }
  }

  /** Its wake-ups only forget. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && s.payers == null;
  }
}
