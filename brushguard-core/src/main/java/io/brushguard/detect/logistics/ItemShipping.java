package io.brushguard.detect.logistics;

import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether a shop's item ships parcels: a reviewed order that never got a waybill ({@link
 * Cue.Kind#NO_WAYBILL}) is suspicious only for an item whose orders do ship. Virtual goods (a
 * top-up, an e-card) never do, so their reviews before any parcel say nothing.
 *
 * <p>Key: the shop; per item the parcels delivered and the orders reviewed without one. An item
 * ships when {@value #ENOUGH} or more of its orders were delivered and fewer than one in ten was
 * reviewed without a parcel.
 *
 * <p>Space per shop: two counters per item seen, at most {@value Baseline#SUBKEYS} items (the least
 * recently used go), about 80 bytes each; forgotten {@code retention} after the shop's last input.
 */
final class ItemShipping implements Stage<ItemShipping.State> {
  static final String NAME = "item-shipping";
  static final int ENOUGH = 8;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Shipment.class, Unshipped.class), Set.of(Cue.class));

  private final long retention;

  ItemShipping(long retention) {
    this.retention = retention;
  }

  /** Per item: {shipped, reviewed without a parcel}. */
  static final class State extends Expiring {
    final Items items = new Items();
  }

  /** Items in access order, the least recently used dropped beyond {@value Baseline#SUBKEYS}. */
  static final class Items extends LinkedHashMap<String, int[]> {
    private static final long serialVersionUID = 1L;

    Items() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, int[]> eldest) {
      return size() > Baseline.SUBKEYS;
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
    if (fact instanceof Shipment s) {
      return s.shop();
    }
    return fact instanceof Unshipped u ? u.shop() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State st, Fact fact, Context context) {
    st.touch(context, retention);
    if (fact instanceof Shipment s) {
      int[] c = st.items.computeIfAbsent(s.item(), k -> new int[2]);
      c[0] = Math.min(c[0] + 1, 1 << 20);
      return;
    }
    Unshipped u = (Unshipped) fact;
    int[] c = st.items.computeIfAbsent(u.item(), k -> new int[2]);
    if (c[0] >= ENOUGH && 10L * c[1] < c[0]) {
      context.emit(
          new Cue(
              u.order(),
              u.shop(),
              u.buyer(),
              Cue.Kind.NO_WAYBILL,
              "reviewed with no parcel scanned; "
                  + c[0]
                  + " of the item's recent orders were delivered as parcels, "
                  + c[1]
                  + " reviewed without one"));
    }
    c[1] = Math.min(c[1] + 1, 1 << 20);
  }

  @Override
  public void onWake(State st, long time, Context context) {
    if (st.expired(time, context, retention)) {
      st.items.clear();
    }
  }

  @Override
  public boolean isEmpty(State st) {
    return !st.pending();
  }
}
