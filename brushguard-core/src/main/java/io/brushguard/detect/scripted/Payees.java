package io.brushguard.detect.scripted;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Payment;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * Stage {@code scripted-payees}, keyed by the receiving payment account: joins transfers (kinds
 * {@code transfer}, {@code red_packet}, {@code other}) into a payment account with the {@link
 * ScriptedBuyer} judgement of the buyer who pays from it, whichever comes first, and tells {@link
 * Brokers} with a {@link BrokerPayout}.
 *
 * <p><b>Space per payment account:</b> the buyer's id once judged, and at most {@value #KEPT}
 * transfers of the last {@link ScriptedSessions.Config#windowSeconds} waiting for a judgement
 * (about 60 bytes each); forgotten {@link ScriptedSessions.Config#payoutDays} days after the last
 * input.
 */
final class Payees implements Stage<Payees.State> {
  static final String NAME = "scripted-payees";
  static final int KEPT = 32;
  private static final long DAY = 86_400_000L;

  private final long windowMs;
  private final long retentionMs;
  private final Wiring wiring;

  Payees(ScriptedSessions.Config config) {
    this.windowMs = config.windowSeconds() * 1000;
    this.retentionMs = config.payoutDays() * DAY;
    this.wiring =
        new Wiring(
            Set.of(EventType.PAYMENT), Set.of(ScriptedBuyer.class), Set.of(BrokerPayout.class));
  }

  /** A payment account's judged buyer and the transfers into it waiting for a judgement. */
  static final class State extends Expiring {
    String buyer;
    final Payment[] waiting = new Payment[KEPT];
    int count;
  }

  /** The kinds of payment a broker pays with: not orders, refunds, subsidies or settlements. */
  static boolean isTransfer(Payment p) {
    return p.kind() == Payment.Kind.TRANSFER
        || p.kind() == Payment.Kind.RED_PACKET
        || p.kind() == Payment.Kind.OTHER;
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
    return event instanceof Payment p && isTransfer(p) ? p.to() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof ScriptedBuyer b ? b.payer() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Payment p = (Payment) event;
    s.touch(ctx, retentionMs);
    if (s.buyer != null) {
      ctx.emit(new BrokerPayout(p.from(), p.to(), p.payment(), s.buyer));
      return;
    }
    forgetBefore(s, ctx.now() - windowMs);
    if (s.count == KEPT) {
      System.arraycopy(s.waiting, 1, s.waiting, 0, KEPT - 1);
      s.count--;
    }
    s.waiting[s.count++] = p;
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    ScriptedBuyer b = (ScriptedBuyer) fact;
    s.touch(ctx, retentionMs);
    if (s.buyer != null) {
      return;
    }
    s.buyer = b.account();
    forgetBefore(s, ctx.now() - windowMs);
    for (int i = 0; i < s.count; i++) {
      Payment p = s.waiting[i];
      ctx.emit(new BrokerPayout(p.from(), p.to(), p.payment(), s.buyer));
      s.waiting[i] = null;
    }
    s.count = 0;
  }

  private static void forgetBefore(State s, long cutoff) {
    int drop = 0;
    while (drop < s.count && s.waiting[drop].ts() < cutoff) {
      drop++;
    }
    if (drop > 0) {
      System.arraycopy(s.waiting, drop, s.waiting, 0, s.count - drop);
      java.util.Arrays.fill(s.waiting, s.count - drop, s.count, null);
      s.count -= drop;
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMs)) {
      s.buyer = null;
      java.util.Arrays.fill(s.waiting, null);
      s.count = 0;
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return !s.pending();
  }
}
