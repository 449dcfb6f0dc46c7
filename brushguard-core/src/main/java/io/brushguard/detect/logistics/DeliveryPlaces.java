package io.brushguard.detect.logistics;

import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * Where each address's parcels are delivered, learned from the parcels a carrier picked up: a
 * parcel "delivered" where none of the address's last parcels went ({@link Cue.Kind#ELSEWHERE}) was
 * not carried to the order's address. The address is an opaque token, so its region is what its own
 * deliveries say; an address with fewer than {@value #ENOUGH} deliveries says nothing.
 *
 * <p>Key: the order's address token (orders without one are skipped). Space per address: up to
 * {@value #PLACES} places with counts (about 100 bytes), forgotten {@code retention} after its last
 * parcel.
 */
final class DeliveryPlaces implements Stage<DeliveryPlaces.State> {
  static final String NAME = "delivery-places";
  static final int PLACES = 4;
  static final int ENOUGH = 2;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Shipment.class), Set.of(Cue.class));

  private final long retention;

  DeliveryPlaces(long retention) {
    this.retention = retention;
  }

  /** An address's delivery places and how many parcels went to each. */
  static final class State extends Expiring {
    final String[] places = new String[PLACES];
    final int[] counts = new int[PLACES];
    int total;
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
    return fact instanceof Shipment s && s.address() != null && !"?".equals(s.to())
        ? s.address()
        : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State st, Fact fact, Context context) {
    Shipment s = (Shipment) fact;
    st.touch(context, retention);
    int at = -1;
    int least = 0;
    for (int i = 0; i < PLACES; i++) {
      if (s.to().equals(st.places[i])) {
        at = i;
      }
      if (st.counts[i] < st.counts[least]) {
        least = i;
      }
    }
    if (at < 0 && st.total >= ENOUGH) {
      context.emit(
          new Cue(
              s.order(),
              s.shop(),
              s.buyer(),
              Cue.Kind.ELSEWHERE,
              "delivered at "
                  + s.to()
                  + "; the address's last "
                  + st.total
                  + " picked-up parcels went to "
                  + places(st)));
    }
    if (!s.pickedUp()) {
      return;
    }
    if (at < 0) {
      at = least;
      st.places[at] = s.to();
      st.counts[at] = 0;
    }
    st.counts[at]++;
    st.total = Math.min(st.total + 1, 1 << 20);
  }

  private static String places(State st) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < PLACES; i++) {
      if (st.places[i] != null) {
        b.append(b.length() == 0 ? "" : ", ").append(st.places[i]);
      }
    }
    return b.toString();
  }

  @Override
  public void onWake(State st, long time, Context context) {
    st.expired(time, context, retention);
  }

  /** A wake-up only forgets the key (its retention). */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State st) {
    return !st.pending();
  }
}
