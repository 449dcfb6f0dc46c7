package io.brushguard.detect.logistics;

import io.brushguard.flow.Fact;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * The orders each waybill was delivered for. One physical parcel goes to one address: a waybill
 * delivered for orders of different buyers at different addresses ({@link Cue.Kind#WAYBILL_SHARED})
 * is a number bought to make orders look shipped. A waybill delivered for several orders of one
 * buyer to one address at one time ({@link Cue.Kind#WAYBILL_REUSED}) may be a shop merging them
 * into one parcel, so that cue is weak; but a merged parcel is delivered once, so one buyer's
 * orders delivered under one waybill more than {@link #REDELIVERY_MILLIS} apart ({@link
 * Cue.Kind#WAYBILL_REDELIVERED}) are one number used for several parcels, which no carrier does.
 *
 * <p>Key: the {@link IdTable#bucket bucket} of the waybill (one of {@value #BUCKETS}, by its hash),
 * the waybills of a bucket in an {@link IdTable} on their 64-bit hash, each forgotten {@code
 * retention} after its last delivery exactly as by its own key (see {@link Bucket}). Each order
 * delivered under it is compared with the ones kept, and a kept order whose standing rises (from
 * alone to reused, to redelivered, to shared) is told again.
 *
 * <p>Space per waybill: the first {@value #KEPT} orders (order, buyer, address, shop: four shared
 * strings, and the delivery time: about 50 bytes each, the arrays grown as orders come: a waybill
 * of one order, nearly all of them, costs about 120 bytes) and a count, forgotten {@code retention}
 * after its last delivery (and removed at most a day later): a waybill reused a thousand times
 * costs what one reused {@value #KEPT} times does, and each further order is compared with the kept
 * ones only.
 */
final class WaybillOrders implements Stage<Bucket<WaybillOrders.State>> {
  static final String NAME = "waybill-orders";
  static final int KEPT = 8;

  /** How many buckets the waybills fall in, by hash. */
  static final int BUCKETS = 4096;

  private static final String[] BUCKET_KEYS = IdTable.bucketKeys(BUCKETS);

  /** How often a bucket forgets its expired waybills. */
  static final long SWEEP_MILLIS = 86_400_000L;

  /**
   * Deliveries of one waybill further apart than this are separate deliveries: a carrier's scans of
   * one parcel for its merged orders come together, give or take a late upload.
   */
  static final long REDELIVERY_MILLIS = 3_600_000L;

  private static final byte ALONE = 0;
  private static final byte REUSED = 1;
  private static final byte REDELIVERED = 2;
  private static final byte SHARED = 3;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Shipment.class), Set.of(Cue.class));

  private final long retention;

  WaybillOrders(long retention) {
    this.retention = retention;
  }

  /** A waybill's kept orders. */
  static final class State extends Bucket.Entry {
    String[] orders = new String[1];
    String[] buyers = new String[1];
    String[] addresses = new String[1];
    String[] shops = new String[1];
    long[] delivered = new long[1];
    byte[] standing = new byte[1];
    int kept;
    int count;

    /** Distinct buyers among the kept orders. */
    int buyersSeen;

    /** Room for one more kept order (at most {@value #KEPT}). */
    void room() {
      if (kept == orders.length) {
        int n = Math.min(KEPT, 2 * kept);
        orders = Arrays.copyOf(orders, n);
        buyers = Arrays.copyOf(buyers, n);
        addresses = Arrays.copyOf(addresses, n);
        shops = Arrays.copyOf(shops, n);
        delivered = Arrays.copyOf(delivered, n);
        standing = Arrays.copyOf(standing, n);
      }
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
    return fact instanceof Shipment s ? IdTable.bucket(s.waybill(), BUCKET_KEYS) : null;
  }

  @Override
  public Bucket<State> newState() {
    return new Bucket<>();
  }

  @Override
  public void onFact(Bucket<State> b, Fact fact, Context context) {
    Shipment s = (Shipment) fact;
    long hash = HashedTable.hash(s.waybill());
    State st = b.get(hash, context.now(), retention);
    if (st == null) {
      st = new State();
      b.ids.add(hash, st);
    }
    for (int i = 0; i < st.kept; i++) {
      if (st.orders[i].equals(s.order())) {
        return; // delivered twice
      }
    }
    b.touch(st, context, retention);
    st.count++;
    int before = st.kept;
    byte mine = ALONE;
    boolean newBuyer = true;
    for (int i = 0; i < before; i++) {
      newBuyer &= !st.buyers[i].equals(s.buyer());
      mine = (byte) Math.max(mine, relation(st, i, s));
    }
    if (before < KEPT) {
      st.room();
      st.kept++;
      st.orders[before] = s.order();
      st.buyers[before] = s.buyer();
      st.addresses[before] = s.address();
      st.shops[before] = s.shop();
      st.delivered[before] = s.deliveredAt();
      st.standing[before] = mine;
      if (newBuyer) {
        st.buyersSeen++;
      }
    }
    for (int i = 0; i < before; i++) {
      byte rel = relation(st, i, s);
      if (rel > st.standing[i]) {
        st.standing[i] = rel;
        tell(st, context, st.orders[i], st.shops[i], st.buyers[i], rel, s.waybill());
      }
    }
    if (mine != ALONE) {
      tell(st, context, s.order(), s.shop(), s.buyer(), mine, s.waybill());
    }
  }

  /** How the kept order {@code i} and the new shipment share the waybill. */
  private static byte relation(State st, int i, Shipment s) {
    boolean oneDestination =
        st.buyers[i].equals(s.buyer())
            || st.addresses[i] != null && Objects.equals(st.addresses[i], s.address());
    if (!oneDestination) {
      return SHARED;
    }
    return Math.abs(st.delivered[i] - s.deliveredAt()) > REDELIVERY_MILLIS ? REDELIVERED : REUSED;
  }

  private static void tell(
      State st, Context context, String order, String shop, String buyer, byte rel, String wb) {
    String detail =
        "waybill "
            + wb
            + " delivered for "
            + st.count
            + " orders"
            + (rel == SHARED
                ? ", " + st.buyersSeen + " buyers among the first " + st.kept
                : rel == REDELIVERED
                    ? " of one buyer at one address, delivered at different times"
                    : " of one buyer at one address");
    context.emit(
        new Cue(
            order,
            shop,
            buyer,
            rel == SHARED
                ? Cue.Kind.WAYBILL_SHARED
                : rel == REDELIVERED ? Cue.Kind.WAYBILL_REDELIVERED : Cue.Kind.WAYBILL_REUSED,
            detail));
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
