package io.brushguard.detect.cashback;

import io.brushguard.detect.Signal;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Cashback brokers: a payment account with no known tie to a shop that pays back, about the order's
 * amount and within two days after a review of four or five stars, {@link
 * CashbackDetector.Config#brokerBuyers} or more distinct buyers of the same shop within {@link
 * CashbackDetector.Config#brokerWindowMillis} (an accomplice, or a broker who runs "experience
 * officers" for the shop). A friend who pays a friend back for something bought on their behalf
 * pays one buyer; a colleague who reimburses a team's purchases at one shop pays them before they
 * have reviewed, and not all of them praise; that three people a payer sends money to each just
 * praised one shop and each got back about what they paid is not chance.
 *
 * <p>Signal {@value CashbackDetector#CODE} of {@value #STRENGTH} on each payment, order, review and
 * buyer the broker paid back for that shop, the earlier ones included once the count is reached
 * (their signals revise nothing: the origin is the broker's), and on the shop.
 *
 * <p>Key: the paying account. Space per paying account that paid back a buyer within the window: at
 * most {@value #MAX_SHOPS} shops with at most {@value #MAX_REBATES} {@link Rebate}s each (about 150
 * bytes per rebate); forgotten a window after the last.
 */
public final class Brokers implements Stage<Brokers.State> {
  public static final String NAME = "cashback-brokers";
  static final double STRENGTH = 0.7;
  static final int MAX_SHOPS = 16;
  static final int MAX_REBATES = 32;
  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Rebate.class), Set.of(Signal.class));

  private final CashbackDetector.Config config;

  public Brokers(CashbackDetector.Config config) {
    this.config = config;
  }

  /** One shop's buyers paid back by this account. */
  static final class Group {
    final String shop;
    final List<Rebate> rebates = new ArrayList<>(4);
    boolean broker;

    Group(String shop) {
      this.shop = shop;
    }

    int buyers() {
      int n = 0;
      for (int i = 0; i < rebates.size(); i++) {
        String b = rebates.get(i).buyerPayer();
        boolean first = true;
        for (int j = 0; j < i && first; j++) {
          first = !rebates.get(j).buyerPayer().equals(b);
        }
        n += first ? 1 : 0;
      }
      return n;
    }
  }

  /** One paying account's groups, least recently paid first. */
  public static final class State extends Expiring {
    final List<Group> groups = new ArrayList<>(2);
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
    Rebate r = (Rebate) fact;
    return r.tie() == null ? r.payer() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    Rebate r = (Rebate) fact;
    s.touch(ctx, config.brokerWindowMillis());
    forget(s, ctx.now());
    Group g = null;
    for (int i = 0; i < s.groups.size(); i++) {
      if (s.groups.get(i).shop.equals(r.shop())) {
        g = s.groups.remove(i);
        break;
      }
    }
    if (g == null) {
      if (s.groups.size() == MAX_SHOPS) {
        s.groups.remove(0);
      }
      g = new Group(r.shop());
    }
    s.groups.add(g);
    if (g.rebates.size() == MAX_REBATES) {
      g.rebates.remove(0);
    }
    g.rebates.add(r);
    String origin = NAME + "/" + ctx.key();
    if (g.broker) {
      emit(ctx, origin, r, g);
    } else if (g.buyers() >= config.brokerBuyers()) {
      g.broker = true;
      for (Rebate each : g.rebates) {
        emit(ctx, origin, each, g);
      }
    }
  }

  private static void emit(Context ctx, String origin, Rebate r, Group g) {
    String detail =
        CashbackDetector.describe(r, "payment")
            + " ("
            + g.buyers()
            + " buyers of the shop paid back)";
    CashbackDetector.signals(ctx, origin, r, STRENGTH, detail, null);
  }

  private void forget(State s, long now) {
    for (int i = s.groups.size() - 1; i >= 0; i--) {
      List<Rebate> rs = s.groups.get(i).rebates;
      rs.removeIf(r -> now - r.ts() > config.brokerWindowMillis());
      if (rs.isEmpty()) {
        s.groups.remove(i);
      }
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, config.brokerWindowMillis())) {
      s.groups.clear();
    }
  }

  /** A wake-up only forgets (or prunes) what has expired. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.groups.isEmpty();
  }
}
