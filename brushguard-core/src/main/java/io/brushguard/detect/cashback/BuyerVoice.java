package io.brushguard.detect.cashback;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Re-keys what a buyer says about shops from the platform account to the buyer's payment account,
 * where {@link CashbackDetector} meets it with the money: each review, and each report against a
 * shop or an order, leaves as a {@link Said}. The payment account is the one the buyer's latest
 * order was paid from.
 *
 * <p>Key: the buyer's platform account. Space: per account that ordered within {@code retention},
 * its payment account (a reference into an order event, about 40 bytes with the state). A review or
 * report by an account with no order seen is dropped and counted ({@link #unrouted}).
 */
public final class BuyerVoice implements Stage<BuyerVoice.State> {
  public static final String NAME = "cashback-buyer-voice";
  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.REVIEW, EventType.REPORT).produces(Said.class);

  private final long retentionMillis;
  private long unrouted;

  public BuyerVoice(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  /** One buyer's payment account. */
  public static final class State extends Expiring {
    String payer;
  }

  /** Reviews and reports dropped because their author had no order with a payment account. */
  public long unrouted() {
    return unrouted;
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
    if (event instanceof Order o) {
      return o.payer() == null ? null : o.account();
    }
    if (event instanceof Review r) {
      return r.account();
    }
    Report r = (Report) event;
    return r.targetKind() == Report.TargetKind.SHOP || r.targetKind() == Report.TargetKind.ORDER
        ? r.reporter()
        : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof Order o) {
      s.payer = o.payer();
      s.touch(ctx, retentionMillis);
      return;
    }
    if (s.payer == null) {
      unrouted++;
      return;
    }
    if (event instanceof Review r) {
      ctx.emit(new Said(s.payer, r.shop(), r.order(), r.review(), r.rating(), r.ts()));
      return;
    }
    Report r = (Report) event;
    if (r.targetKind() == Report.TargetKind.SHOP) {
      ctx.emit(new Said(s.payer, r.target(), null, null, 0, r.ts()));
    } else {
      ctx.emit(new Said(s.payer, null, r.target(), null, 0, r.ts()));
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMillis)) {
      s.payer = null;
    }
  }

  /** A wake-up only forgets (or prunes) what has expired. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.payer == null && !s.pending();
  }
}
