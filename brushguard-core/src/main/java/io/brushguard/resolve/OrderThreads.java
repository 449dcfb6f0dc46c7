package io.brushguard.resolve;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;

/**
 * Entity resolution of order ↔ payment ↔ waybill ↔ review, keyed by order: an {@link OrderLinked}
 * for each payment, waybill and review that names the order, once each, whether it comes before or
 * after the order itself (a scan for an order not yet seen waits for it).
 *
 * <p><b>Bounds.</b> Per order at most {@value #MAX_PARTS} parts are announced (a waybill reused a
 * thousand times on one order counts once; parts beyond the cap are dropped and counted in the
 * state) and at most {@value #MAX_PARTS} wait for an unknown order. An order and its parts are
 * forgotten {@code retention} of event time after the last input; parts for an order never seen,
 * likewise.
 *
 * <p><b>Space.</b> Per order: about 90 bytes, plus about 70 bytes of arrays and 9 bytes per part
 * kept once it has one (the reference strings are shared with the events), and 8 bytes per part
 * while an order payment waits for its order (its receiver, told with the payment's part).
 */
public final class OrderThreads implements Stage<OrderThreads.State> {
  public static final String NAME = "order-threads";
  static final int MAX_PARTS = 16;
  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.PAYMENT, EventType.LOGISTICS, EventType.REVIEW)
          .produces(OrderLinked.class);

  private final long retentionMillis;

  public OrderThreads(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  /** One order and the parts that named it. */
  public static final class State extends Expiring {
    String shop;
    String buyer;
    long amount;
    long orderedAt;
    // the parts, announced or waiting, in arrival order: what joined and its id; null until one
    byte[] kinds;
    String[] refs;
    int[] hashes; // String.hashCode() of each ref, compared before the string
    String[] receivers; // of order payments that wait for their order; null until one does
    int size;
    int dropped;

    boolean has(byte kind, String ref, int hash) {
      for (int i = 0; i < size; i++) {
        if (hashes[i] == hash && kinds[i] == kind && refs[i].equals(ref)) {
          return true;
        }
      }
      return false;
    }

    void add(byte kind, String ref, int hash) {
      if (refs == null) {
        kinds = new byte[2];
        refs = new String[2];
        hashes = new int[2];
      } else if (size == refs.length) {
        int n = Math.min(MAX_PARTS, 2 * size);
        kinds = Arrays.copyOf(kinds, n);
        refs = Arrays.copyOf(refs, n);
        hashes = Arrays.copyOf(hashes, n);
      }
      kinds[size] = kind;
      refs[size] = ref;
      hashes[size++] = hash;
    }
  }

  private static final OrderLinked.Part[] PARTS = OrderLinked.Part.values();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Event e) {
    if (e instanceof Order o) {
      return o.order();
    } else if (e instanceof Payment p) {
      return p.order();
    } else if (e instanceof Logistics l) {
      return l.order();
    }
    return ((Review) e).order();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event e, Context ctx) {
    if (e instanceof Order o) {
      if (s.shop == null) {
        s.shop = o.shop();
        s.buyer = o.account();
        s.amount = o.amount();
        s.orderedAt = o.ts();
        for (int i = 0; i < s.size; i++) {
          String receiver = s.receivers != null && i < s.receivers.length ? s.receivers[i] : null;
          announce(s, s.kinds[i], s.refs[i], receiver, ctx);
        }
        s.receivers = null;
      }
    } else if (e instanceof Payment p) {
      String receiver = p.kind() == Payment.Kind.ORDER ? p.to() : null;
      add(s, OrderLinked.Part.PAYMENT, p.payment(), receiver, ctx);
    } else if (e instanceof Logistics l) {
      add(s, OrderLinked.Part.WAYBILL, l.waybill(), null, ctx);
    } else {
      add(s, OrderLinked.Part.REVIEW, ((Review) e).review(), null, ctx);
    }
    s.touch(ctx, retentionMillis);
  }

  private static void add(
      State s, OrderLinked.Part part, String ref, String receiver, Context ctx) {
    byte kind = (byte) part.ordinal();
    int hash = ref.hashCode();
    if (s.has(kind, ref, hash)) {
      return;
    }
    if (s.size == MAX_PARTS) {
      s.dropped++;
      return;
    }
    s.add(kind, ref, hash);
    if (s.shop != null) {
      announce(s, kind, ref, receiver, ctx);
    } else if (receiver != null) {
      if (s.receivers == null || s.receivers.length < s.refs.length) {
        s.receivers =
            s.receivers == null
                ? new String[s.refs.length]
                : Arrays.copyOf(s.receivers, s.refs.length);
      }
      s.receivers[s.size - 1] = receiver; // the order payment came first (rare): kept till then
    }
  }

  private static void announce(State s, byte kind, String ref, String receiver, Context ctx) {
    ctx.emit(
        new OrderLinked(
            ctx.key(), s.shop, s.buyer, s.amount, s.orderedAt, PARTS[kind], ref, receiver));
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMillis)) {
      s.shop = null;
      s.buyer = null;
      s.kinds = null;
      s.refs = null;
      s.hashes = null;
      s.receivers = null;
      s.size = 0;
    }
  }

  /** Its wake-ups only forget. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && s.size == 0;
  }
}
