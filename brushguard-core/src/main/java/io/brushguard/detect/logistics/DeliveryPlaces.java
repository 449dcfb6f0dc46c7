package io.brushguard.detect.logistics;

import io.brushguard.flow.Fact;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * Where each address's parcels are delivered, learned from the parcels a carrier picked up: a
 * parcel "delivered" where none of the address's last parcels went ({@link Cue.Kind#ELSEWHERE}) was
 * not carried to the order's address. The address is an opaque token, so its region is what its own
 * deliveries say; an address with fewer than {@value #ENOUGH} deliveries says nothing.
 *
 * <p>Key: the {@link IdTable#bucket bucket} of the order's address token (one of {@value #BUCKETS},
 * by its hash; orders without one are skipped), the addresses of a bucket in an {@link IdTable} on
 * their 64-bit hash, each forgotten {@code retention} after its last parcel exactly as by its own
 * key (see {@link Bucket}). Places are compared by their 64-bit hash. Space per address: up to
 * {@value #PLACES} places with counts (about 130 bytes with its slot), forgotten {@code retention}
 * after its last parcel (and removed at most a day later).
 */
final class DeliveryPlaces implements Stage<Bucket<DeliveryPlaces.State>> {
  static final String NAME = "delivery-places";

  /** How many buckets the address tokens fall in, by hash. */
  static final int BUCKETS = 4096;

  private static final String[] BUCKET_KEYS = IdTable.bucketKeys(BUCKETS);

  /** How often a bucket forgets its expired addresses. */
  static final long SWEEP_MILLIS = 86_400_000L;

  static final int PLACES = 4;
  static final int ENOUGH = 2;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Shipment.class), Set.of(Cue.class));

  private final long retention;

  DeliveryPlaces(long retention) {
    this.retention = retention;
  }

  /** An address's delivery places and how many parcels went to each. */
  static final class State extends Bucket.Entry {
    final String[] places = new String[PLACES];
    final long[] hashes = new long[PLACES];
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
        ? IdTable.bucket(s.address(), BUCKET_KEYS)
        : null;
  }

  @Override
  public Bucket<State> newState() {
    return new Bucket<>();
  }

  @Override
  public void onFact(Bucket<State> b, Fact fact, Context context) {
    Shipment s = (Shipment) fact;
    long hash = HashedTable.hash(s.address());
    State st = b.get(hash, context.now(), retention);
    if (st == null) {
      st = new State();
      b.ids.add(hash, st);
    }
    b.touch(st, context, retention);
    long to = HashedTable.hash(s.to());
    int at = -1;
    int least = 0;
    for (int i = 0; i < PLACES; i++) {
      if (st.places[i] != null && st.hashes[i] == to) {
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
      st.hashes[at] = to;
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
  public void onWake(Bucket<State> b, long time, Context context) {
    b.onWake(time, context, retention, SWEEP_MILLIS);
  }

  /** A wake-up only forgets the key (its retention). */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(Bucket<State> b) {
    return b.isEmpty();
  }
}
