package io.brushguard.detect.reverse;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.detect.cashback.CashbackDetector;
import io.brushguard.detect.cashback.RivalPayout;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reverse brushing (反向刷单) blamed on the one who paid: a competitor buys fake orders and praise FOR
 * a rival shop, so that the platform's brushing rules punish the rival, and pays the hired buyers
 * from an account its own merchant binds.
 *
 * <p><b>How the fraud works, and what gives it away.</b> The orders land at the target and look
 * like crude brushing there (straight to the item, several within the hour, templated praise), so
 * every detector keyed by the target's shop sees the target as the brusher. But the hired buyers
 * have to be paid, and the money comes from the party that benefits: an account bound to another
 * shop's merchant, sending each buyer about the price of their orders at the target, plus a
 * commission. One such payment could be a merchant reimbursing a friend; the same shop-bound
 * account paying back {@code minBuyers} (3) or more distinct buyers of one other shop within the
 * window is an operation, not a coincidence.
 *
 * <p><b>Signals</b> (code {@value #CODE}), once a paying account has paid back {@code minBuyers}
 * distinct buyers of one target shop: on every order the money covered {@value #ORDER_STRENGTH}, on
 * each payment {@value #ORDER_STRENGTH}, on each hired buyer {@value #ACCOUNT_STRENGTH}, and on the
 * paying account's shop (the beneficiary) {@value #SHOP_STRENGTH} (review: a penalty on a merchant
 * goes through a case). The earlier hires are signalled when the count is reached, later ones as
 * their money comes. The target shop gets no signal from this stage, and every detail names it as
 * the target, not the beneficiary; its books still leave the fake orders out of its corrected sales
 * and rating (they are fake whoever paid for them).
 *
 * <p>Key: the paying account ({@link RivalPayout} from {@link CashbackDetector}, which joins the
 * money to the buyer's recent orders at no extra per-order cost). Window: {@code windowMillis}
 * (default the cashback broker window, 30 days) after the account's last rival payout; hires older
 * than that are dropped. Space per paying account that paid a rival's buyers: at most {@value
 * #MAX_TARGETS} target shops (the least recently paid is dropped) × {@value #MAX_HIRES} hires
 * (about 120 bytes each with their order ids; further hires of a confirmed target are signalled and
 * counted, not kept): at most about 120 KB, a few hundred bytes for most.
 *
 * <p>Not caught here: a competitor who pays through an accomplice no merchant binds (then the
 * cashback broker rule sees an untied account paying many buyers of one shop, but only after their
 * reviews), or who pays in cash off the platform.
 *
 * <p>References: DESIGN.md (reverse brushing: penalise the one who paid); the Nanjing reverse
 * brushing case (董志超、谢文浩, 破坏生产经营罪, Yuhuatai court 2016): a seller who bought orders for a rival's
 * Taobao shop until the platform demoted it; Anti-Unfair Competition Law art. 11 (damaging a
 * competitor's commercial reputation).
 */
public final class ReverseBrushing implements Stage<ReverseBrushing.State> {
  public static final String NAME = "reverse-brushing";
  public static final String CODE = "REVERSE_BRUSHING";
  static final double ORDER_STRENGTH = 0.9;
  static final double ACCOUNT_STRENGTH = 0.8;
  static final double SHOP_STRENGTH = 0.6;
  static final int MAX_TARGETS = 16;
  static final int MAX_HIRES = 64;

  private static final Wiring WIRING =
      new Wiring(
          java.util.Set.of(), java.util.Set.of(RivalPayout.class), java.util.Set.of(Signal.class));

  private final int minBuyers;
  private final long windowMillis;

  /**
   * @param minBuyers distinct buyers of one shop the account must pay back; at least 2
   * @param windowMillis how long a hire counts
   */
  public ReverseBrushing(int minBuyers, long windowMillis) {
    if (minBuyers < 2 || windowMillis <= 0) {
      throw new IllegalArgumentException(
          "reverse brushing needs at least 2 buyers and a positive window, was "
              + minBuyers
              + ", "
              + windowMillis);
    }
    this.minBuyers = minBuyers;
    this.windowMillis = windowMillis;
  }

  /** With the cashback broker rule's settings: the same count of buyers, the same window. */
  public static ReverseBrushing of(CashbackDetector.Config cashback) {
    return new ReverseBrushing(cashback.brokerBuyers(), cashback.brokerWindowMillis());
  }

  /** One paying account: the shops whose buyers it paid back. */
  public static final class State extends Expiring {
    final List<Target> targets = new ArrayList<>(2);
  }

  /** The buyers of one target shop paid by the account. */
  static final class Target {
    final String shop;
    final List<RivalPayout> hires = new ArrayList<>(4);
    long lastPaid;
    long overflow;
    boolean confirmed;

    Target(String shop) {
      this.shop = shop;
    }

    int buyers() {
      int n = 0;
      for (int i = 0; i < hires.size(); i++) {
        if (firstOf(i)) {
          n++;
        }
      }
      return n;
    }

    private boolean firstOf(int i) {
      String b = hires.get(i).buyer();
      for (int j = 0; j < i; j++) {
        if (hires.get(j).buyer().equals(b)) {
          return false;
        }
      }
      return true;
    }
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
    return ((RivalPayout) fact).payer();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    RivalPayout r = (RivalPayout) fact;
    long now = ctx.now();
    s.touch(ctx, windowMillis);
    prune(s, now);
    Target t = target(s, r.shop());
    t.lastPaid = now;
    if (t.confirmed) {
      if (t.hires.size() < MAX_HIRES) {
        t.hires.add(r);
      } else {
        t.overflow++;
      }
      signals(ctx, r, t);
      return;
    }
    t.hires.add(r);
    if (t.buyers() >= minBuyers) {
      t.confirmed = true;
      for (RivalPayout h : t.hires) {
        signals(ctx, h, t);
      }
    } else if (t.hires.size() == MAX_HIRES) {
      t.hires.remove(0); // one buyer paid again and again: keep the latest
    }
  }

  private static Target target(State s, String shop) {
    for (Target t : s.targets) {
      if (t.shop.equals(shop)) {
        return t;
      }
    }
    if (s.targets.size() == MAX_TARGETS) {
      int oldest = 0;
      for (int i = 1; i < s.targets.size(); i++) {
        if (s.targets.get(i).lastPaid < s.targets.get(oldest).lastPaid) {
          oldest = i;
        }
      }
      s.targets.remove(oldest);
    }
    Target t = new Target(shop);
    s.targets.add(t);
    return t;
  }

  private void prune(State s, long now) {
    for (int i = s.targets.size() - 1; i >= 0; i--) {
      Target t = s.targets.get(i);
      t.hires.removeIf(h -> now - h.ts() > windowMillis);
      if (t.hires.isEmpty()) {
        s.targets.remove(i);
      }
    }
  }

  private void signals(Context ctx, RivalPayout r, Target t) {
    String origin = NAME + "/" + ctx.key();
    String detail = describe(r, t);
    long ts = r.ts();
    for (String order : r.orders()) {
      ctx.emit(new Signal(EntityKind.ORDER, order, CODE, origin, ORDER_STRENGTH, ts, detail));
    }
    ctx.emit(new Signal(EntityKind.PAYMENT, r.payment(), CODE, origin, ORDER_STRENGTH, ts, detail));
    ctx.emit(new Signal(EntityKind.ACCOUNT, r.buyer(), CODE, origin, ACCOUNT_STRENGTH, ts, detail));
    ctx.emit(new Signal(EntityKind.SHOP, r.payerShop(), CODE, origin, SHOP_STRENGTH, ts, detail));
  }

  static String describe(RivalPayout r, Target t) {
    StringBuilder b = new StringBuilder(240);
    b.append("payment ")
        .append(r.payment())
        .append(" of ")
        .append(money(r.amount()))
        .append(" from ")
        .append(r.payer())
        .append(
            r.merchant() != null
                ? " (bound by merchant " + r.merchant() + " of shop "
                : " (which receives the order payments of shop ")
        .append(r.payerShop())
        .append(") to buyer ")
        .append(r.buyer())
        .append(" covers their ")
        .append(r.orders().size())
        .append(r.orders().size() == 1 ? " order " : " orders ")
        .append(String.join(", ", r.orders()))
        .append(" (")
        .append(money(r.ordersAmount()))
        .append(") at shop ")
        .append(r.shop())
        .append("; ")
        .append(r.payer())
        .append(" paid back ")
        .append(t.buyers())
        .append(" buyers of ")
        .append(r.shop())
        .append(": reverse brushing for the benefit of ")
        .append(r.payerShop())
        .append(", shop ")
        .append(r.shop())
        .append(" is its target, not the beneficiary");
    return b.toString();
  }

  private static String money(long minor) {
    return String.format(Locale.ROOT, "%d.%02d", minor / 100, minor % 100);
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, windowMillis)) {
      s.targets.clear();
    }
  }

  /** Its wake-ups only forget. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.targets.isEmpty() && !s.pending();
  }
}
