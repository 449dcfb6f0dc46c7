package io.brushguard.detect.scripted;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Payment;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * Stage {@code scripted-brokers}, keyed by a payment account: a payer that transfers money to
 * {@link ScriptedSessions.Config#minBuyersPaid} or more distinct buyers judged to run scripted
 * tasks, within {@link ScriptedSessions.Config#payoutDays} days, is a broker: its payouts
 * (principal plus commission) and the transfers into it (the shops paying for the tasks) are
 * signalled, and a {@link BrokerFound} asks {@link BrokerLinks} to signal the platform accounts
 * linked to it.
 *
 * <p>A genuine payer who sends money to one brusher (a friend, a refund) is not enough; two or more
 * independent scripted buyers paid by one account is the broker's pattern, and each of them was
 * already judged at a stated false-alarm rate.
 *
 * <p><b>Signals</b> (code {@value ScriptedSessions#CODE}): payouts {@value #PAYOUT}, transfers into
 * the broker {@value #INCOMING} (one step further from the evidence); its accounts ({@value
 * #ACCOUNT}) through {@link BrokerLinks}.
 *
 * <p><b>Space per payment account with transfers in or flagged payouts out:</b> up to {@value
 * #BUYERS} paid buyers, {@value #PAYOUTS} payouts and {@value #INCOMINGS} incoming transfers,
 * forgotten {@link ScriptedSessions.Config#payoutDays} days after the last one: under 100 bytes for
 * a payee with one transfer, a few KB for a broker.
 */
final class Brokers implements Stage<Brokers.State> {
  static final String NAME = "scripted-brokers";
  static final double PAYOUT = 0.75;
  static final double ACCOUNT = 0.75;
  static final double INCOMING = 0.6;
  static final int BUYERS = 64;
  static final int PAYOUTS = 256;
  static final int INCOMINGS = 64;
  private static final long DAY = 86_400_000L;
  private static final long NONE = Long.MIN_VALUE;

  private final int minBuyers;
  private final long moneyMs;
  private final Wiring wiring =
      new Wiring(
          Set.of(EventType.PAYMENT),
          Set.of(BrokerPayout.class),
          Set.of(Signal.class, BrokerFound.class));

  Brokers(ScriptedSessions.Config config) {
    this.minBuyers = config.minBuyersPaid();
    this.moneyMs = config.payoutDays() * DAY;
  }

  /** One payment account: its platform accounts and, if it moves money, what it paid. */
  static final class State {
    String[] buyers;
    int buyerCount;
    String[] payouts;
    int payoutCount;
    String[] incoming;
    int incomingCount;
    long moneyUntil = NONE;
    boolean broker;
    long wake = NONE;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Event event) {
    return event instanceof Payment p && Payees.isTransfer(p) ? p.to() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof BrokerPayout b ? b.from() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Payment p = (Payment) event;
    s.moneyUntil = ctx.now() + moneyMs;
    if (s.broker) {
      signal(ctx, EntityKind.PAYMENT, p.payment(), INCOMING, s);
    } else {
      if (s.incoming == null) {
        s.incoming = new String[INCOMINGS];
      }
      if (s.incomingCount < INCOMINGS) {
        s.incoming[s.incomingCount++] = p.payment();
      }
    }
    arm(s, ctx);
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    BrokerPayout b = (BrokerPayout) fact;
    s.moneyUntil = ctx.now() + moneyMs;
    if (s.buyers == null) {
      s.buyers = new String[BUYERS];
      s.payouts = new String[PAYOUTS];
    }
    if (!contains(s.buyers, s.buyerCount, b.buyer()) && s.buyerCount < BUYERS) {
      s.buyers[s.buyerCount++] = b.buyer();
    }
    if (s.broker) {
      signal(ctx, EntityKind.PAYMENT, b.payment(), PAYOUT, s);
    } else {
      if (s.payoutCount < PAYOUTS) {
        s.payouts[s.payoutCount++] = b.payment();
      }
      if (s.buyerCount >= minBuyers) {
        becomeBroker(s, ctx);
      }
    }
    arm(s, ctx);
  }

  private void becomeBroker(State s, Context ctx) {
    s.broker = true;
    for (int i = 0; i < s.payoutCount; i++) {
      signal(ctx, EntityKind.PAYMENT, s.payouts[i], PAYOUT, s);
    }
    for (int i = 0; i < s.incomingCount; i++) {
      signal(ctx, EntityKind.PAYMENT, s.incoming[i], INCOMING, s);
    }
    ctx.emit(new BrokerFound(ctx.key(), s.buyerCount));
    s.payouts = null;
    s.payoutCount = 0;
    s.incoming = null;
    s.incomingCount = 0;
  }

  private static void signal(Context ctx, EntityKind kind, String id, double strength, State s) {
    String what = strength == INCOMING ? "transfer into a payer" : "payout by a payer";
    ctx.emit(
        new Signal(
            kind,
            id,
            ScriptedSessions.CODE,
            NAME + "/" + ctx.key(),
            strength,
            ctx.now(),
            what
                + " that paid "
                + s.buyerCount
                + " buyers judged to run scripted tasks (a task broker)"));
  }

  private static boolean contains(String[] values, int n, String v) {
    for (int i = 0; i < n; i++) {
      if (values[i].equals(v)) {
        return true;
      }
    }
    return false;
  }

  private void arm(State s, Context ctx) {
    long due = s.moneyUntil;
    if (due != NONE && (s.wake == NONE || due < s.wake)) {
      s.wake = due;
      ctx.wakeAt(due);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    if (s.moneyUntil != NONE && time >= s.moneyUntil) {
      s.buyers = null;
      s.buyerCount = 0;
      s.payouts = null;
      s.payoutCount = 0;
      s.incoming = null;
      s.incomingCount = 0;
      s.broker = false;
      s.moneyUntil = NONE;
    }
    arm(s, ctx);
  }

  @Override
  public boolean isEmpty(State s) {
    return s.moneyUntil == NONE;
  }
}
