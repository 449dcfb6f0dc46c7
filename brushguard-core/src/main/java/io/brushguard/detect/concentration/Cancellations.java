package io.brushguard.detect.concentration;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Joins refunds to their orders: an order refunded within {@link #WITHIN_MILLIS} of being placed
 * was cancelled (a wrong size, colour or address, then placed again), and the shop's concentration
 * stage hears of it as {@link Cancelled}. Brushing orders are not cancelled: a cancelled order does
 * not count as a sale, which is what brushing buys.
 *
 * <p>Key: one of {@value #BUCKETS} buckets of order ids (by the id's hash; a payment of kind {@code
 * refund} names its order), each holding the orders of the last {@link #WITHIN_MILLIS} that fall in
 * it. A refund that arrives before its order, or one without an order id, is not joined.
 *
 * <p>Design note: keyed by the order id itself, every order made a key, a state and a wake-up of
 * its own, and the runtime's work for them was most of this stage's cost. A bucket is a key that
 * stays: its orders sit in a small open-addressing table, dropped lazily once older than the
 * window, and the bucket has one wake-up per window ({@link Expiring}), after which it is forgotten
 * when no order came. Joins are exactly those of a key per order: an order is held from its time
 * until the end of {@code its time + WITHIN_MILLIS} (a refund at that very instant still joins), a
 * second delivery of a held order changes nothing, and a refund joins once.
 *
 * <p>Space: per bucket about 100 bytes, plus per order placed in the last {@link #WITHIN_MILLIS}
 * its id, shop and buyer (references into the event) and its time: 32 bytes in a table at most half
 * full, 64 to 128 bytes per order.
 */
public final class Cancellations implements Stage<Cancellations.State> {
  public static final String NAME = "cancellations";

  /** How soon after the order a refund counts as a cancellation: the concentration window. */
  public static final long WITHIN_MILLIS = 3_600_000L;

  /** Keys: a power of two, enough for the runtime's parallelism, few enough to stay. */
  static final int BUCKETS = 256;

  private static final String[] BUCKET_KEYS = new String[BUCKETS];

  static {
    for (int b = 0; b < BUCKETS; b++) {
      BUCKET_KEYS[b] = "orders#" + b;
    }
  }

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.PAYMENT).produces(Cancelled.class);

  /** The orders of one bucket while a cancellation can still come. */
  public static final class State extends Expiring {
    private static final int MIN_CAPACITY = 4;

    /** Per slot: the order id (null when free), its shop, its buyer; and when it was placed. */
    private String[] ids;

    private String[] shops;
    private String[] buyers;
    private long[] orderedAt;
    private int size;

    /** Whether {@code order} is held at {@code now}: placed at most the window before. */
    private int find(String order, long now) {
      if (ids == null) {
        return -1;
      }
      int mask = ids.length - 1;
      for (int i = slotOf(order, mask); ; i = (i + 1) & mask) {
        String id = ids[i];
        if (id == null) {
          return -1;
        }
        if (id.equals(order)) {
          return now - orderedAt[i] <= WITHIN_MILLIS ? i : -1;
        }
      }
    }

    /** Holds an order (whose id is not held at its time). */
    private void hold(Order o) {
      if (ids == null) {
        allocate(MIN_CAPACITY);
      }
      int mask = ids.length - 1;
      for (int i = slotOf(o.order(), mask); ; i = (i + 1) & mask) {
        String id = ids[i];
        if (id == null || id.equals(o.order())) {
          if (id == null && 2 * (size + 1) > ids.length) {
            rebuild(o.ts());
            put(o.order(), o.shop(), o.account(), o.ts());
            size++;
          } else {
            size += id == null ? 1 : 0; // a dead entry of the same id is reused
            ids[i] = o.order();
            shops[i] = o.shop();
            buyers[i] = o.account();
            orderedAt[i] = o.ts();
          }
          return;
        }
      }
    }

    /** Lets a joined order go (it joins once); its slot stays, dead, until a rebuild. */
    private void release(int slot) {
      orderedAt[slot] = Long.MIN_VALUE / 2; // dead at any time from now on
      shops[slot] = null;
      buyers[slot] = null;
    }

    private void clear() {
      ids = null;
      shops = null;
      buyers = null;
      orderedAt = null;
      size = 0;
    }

    /** Drops the orders no refund at or after {@code now} can join, sized for one more. */
    private void rebuild(long now) {
      String[] oldIds = ids;
      String[] oldShops = shops;
      String[] oldBuyers = buyers;
      long[] oldAt = orderedAt;
      int live = 0;
      for (int i = 0; i < oldIds.length; i++) {
        if (oldIds[i] != null && now - oldAt[i] <= WITHIN_MILLIS) {
          live++;
        }
      }
      int capacity = MIN_CAPACITY;
      while (4 * (live + 1) > capacity) {
        capacity *= 2; // at most a quarter full after a rebuild: rebuilds stay amortised O(1)
      }
      allocate(capacity);
      size = 0;
      for (int i = 0; i < oldIds.length; i++) {
        if (oldIds[i] != null && now - oldAt[i] <= WITHIN_MILLIS) {
          put(oldIds[i], oldShops[i], oldBuyers[i], oldAt[i]);
          size++;
        }
      }
    }

    private void put(String id, String shop, String buyer, long at) {
      int mask = ids.length - 1;
      int i = slotOf(id, mask);
      while (ids[i] != null) {
        i = (i + 1) & mask;
      }
      ids[i] = id;
      shops[i] = shop;
      buyers[i] = buyer;
      orderedAt[i] = at;
    }

    private void allocate(int capacity) {
      ids = new String[capacity];
      shops = new String[capacity];
      buyers = new String[capacity];
      orderedAt = new long[capacity];
    }

    /** The table slot from the id's hash bits above those that chose the bucket. */
    private static int slotOf(String order, int mask) {
      return (EngagedSessions.mix(order.hashCode()) >>> 8) & mask;
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
  public String keyOf(Event event) {
    if (event instanceof Order o) {
      return bucketOf(o.order());
    }
    if (event instanceof Payment p && p.kind() == Payment.Kind.REFUND && p.order() != null) {
      return bucketOf(p.order());
    }
    return null;
  }

  /** The key of the bucket that holds {@code order}. */
  static String bucketOf(String order) {
    return BUCKET_KEYS[EngagedSessions.mix(order.hashCode()) & (BUCKETS - 1)];
  }

  @Override
  public boolean startsState(Event event) {
    return event instanceof Order; // a refund finds nothing in a bucket without state
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State state, Event event, Context context) {
    if (event instanceof Order o) {
      if (state.find(o.order(), o.ts()) < 0) {
        state.hold(o);
        state.touch(context, WITHIN_MILLIS);
      }
      return;
    }
    Payment p = (Payment) event;
    int slot = state.find(p.order(), p.ts());
    if (slot >= 0) {
      context.emit(new Cancelled(p.order(), state.shops[slot], state.buyers[slot], event.ts()));
      state.release(slot);
    }
  }

  @Override
  public void onWake(State state, long time, Context context) {
    if (state.expired(time, context, WITHIN_MILLIS)) {
      state.clear(); // no order for a window: every one held is past joining
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State state) {
    return state.size == 0 && !state.pending();
  }
}
