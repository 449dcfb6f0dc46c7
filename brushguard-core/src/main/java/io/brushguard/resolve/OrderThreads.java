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
import java.util.ArrayList;
import java.util.List;

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
 * <p><b>Space.</b> Per order: about 120 bytes plus 8 bytes per part reference kept.
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
    final List<String> parts = new ArrayList<>(2); // "<part ordinal><ref>", announced or waiting
    int dropped;
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
        for (String part : s.parts) {
          announce(s, part, ctx);
        }
      }
    } else if (e instanceof Payment p) {
      add(s, OrderLinked.Part.PAYMENT, p.payment(), ctx);
    } else if (e instanceof Logistics l) {
      add(s, OrderLinked.Part.WAYBILL, l.waybill(), ctx);
    } else {
      add(s, OrderLinked.Part.REVIEW, ((Review) e).review(), ctx);
    }
    s.touch(ctx, retentionMillis);
  }

  private static void add(State s, OrderLinked.Part part, String ref, Context ctx) {
    String entry = (char) ('0' + part.ordinal()) + ref;
    if (s.parts.contains(entry)) {
      return;
    }
    if (s.parts.size() == MAX_PARTS) {
      s.dropped++;
      return;
    }
    s.parts.add(entry);
    if (s.shop != null) {
      announce(s, entry, ctx);
    }
  }

  private static void announce(State s, String entry, Context ctx) {
    ctx.emit(
        new OrderLinked(
            ctx.key(),
            s.shop,
            s.buyer,
            s.amount,
            s.orderedAt,
            OrderLinked.Part.values()[entry.charAt(0) - '0'],
            entry.substring(1)));
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMillis)) {
      s.shop = null;
      s.buyer = null;
      s.parts.clear();
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.shop == null && s.parts.isEmpty();
  }
}
