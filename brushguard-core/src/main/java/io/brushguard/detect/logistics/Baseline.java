package io.brushguard.detect.logistics;

import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * What is normal for a group of parcels, learned from the parcels themselves: per key (a shop, a
 * carrier's origin) and per sub-key (the shop's item, the destination) the {@link LowTail} of a
 * measure over the recent parcels that a carrier physically picked up, so that empty parcels, which
 * are not, do not teach it. A delivered parcel whose measure falls below what its sub-key's tail
 * allows (or its key's, while the sub-key has too few parcels) gets a {@link Cue}.
 *
 * <p>Sub-keys are told apart by their 64-bit hash (as in {@link IdTable}, where two ids of one key
 * share a tail with probability about {@code n²/2⁶⁵}).
 *
 * <p>Space per key: one {@link LowTail} for the key and one per sub-key seen, at most {@value
 * #SUBKEYS} (the least recently used goes), about 200 bytes each; forgotten {@code retention} after
 * the key's last parcel.
 */
abstract class Baseline implements Stage<Baseline.State> {
  static final int SUBKEYS = 64;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Shipment.class), Set.of(Cue.class));
  static final int CAP = 1 << 20;

  private final long retention;

  Baseline(long retention) {
    this.retention = retention;
  }

  /** A key's tails. */
  static final class State extends Expiring {
    final LowTail all = new LowTail();
    final Lru bySub = new Lru();
  }

  /**
   * Sub-keys by their 64-bit hash, the least recently used dropped beyond {@value #SUBKEYS}: the
   * order {@code LinkedHashMap} in access order keeps, by a use counter instead of a linked list.
   */
  static final class Lru {
    private final IdTable<LowTail> tails = new IdTable<>();
    private long uses;

    /** The tail of a sub-key, made (and the least recently used dropped) if it has none. */
    LowTail use(String sub) {
      long hash = HashedTable.hash(sub);
      LowTail tail = tails.get(hash);
      if (tail == null) {
        if (tails.size() == SUBKEYS) {
          LowTail[] eldest = {null};
          tails.forEach(
              t -> eldest[0] = eldest[0] == null || t.used < eldest[0].used ? t : eldest[0]);
          tails.remove(eldest[0].hash);
        }
        tail = new LowTail();
        tail.hash = hash;
        tails.add(hash, tail);
      }
      tail.used = ++uses;
      return tail;
    }

    void clear() {
      tails.clear();
    }

    int size() {
      return tails.size();
    }
  }

  /** The key of a shipment, or null to skip it. */
  abstract String key(Shipment s);

  /** The sub-key within the key. */
  abstract String sub(Shipment s);

  /** The measure, or -1 when the shipment has none. */
  abstract int measure(Shipment s);

  /** Whether {@code value} is abnormal below a tail whose lowest value is {@code lowest}. */
  abstract boolean below(int value, int lowest);

  /** The cue for an abnormal shipment. */
  abstract Cue cue(Shipment s, int value, int lowest, int count, boolean bySub);

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof Shipment s ? key(s) : null;
  }

  /** A fact other than a shipment that the wiring consumes. */
  void onOther(State state, Fact fact, Context context) {}

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State state, Fact fact, Context context) {
    state.touch(context, retention);
    if (!(fact instanceof Shipment s)) {
      onOther(state, fact, context);
      return;
    }
    LowTail tail = state.bySub.use(sub(s));
    tail.parcels = Math.min(tail.parcels + 1, CAP);
    int value = measure(s);
    if (value < 0) {
      return;
    }
    boolean bySub = tail.low() >= 0;
    LowTail judge = bySub ? tail : state.all;
    int lowest = judge.low();
    if (lowest >= 0 && below(value, lowest)) {
      context.emit(cue(s, value, lowest, judge.count(), bySub));
    }
    if (s.pickedUp()) {
      tail.add(value);
      state.all.add(value);
    }
  }

  @Override
  public void onWake(State state, long time, Context context) {
    if (state.expired(time, context, retention)) {
      state.bySub.clear();
    }
  }

  /** A wake-up only forgets the key (its retention). */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State state) {
    return !state.pending();
  }

  /**
   * Weights per shop and item: an empty parcel weighs what its packaging does. Also whether the
   * item ships at all, for orders reviewed before any parcel (the same key: one hand-off).
   */
  static final class Weights extends Baseline {
    static final String NAME = "parcel-weights";

    private static final Wiring WIRING =
        new Wiring(Set.of(), Set.of(Shipment.class, Unshipped.class), Set.of(Cue.class));

    /** An item ships when this many of its orders were delivered as parcels. */
    static final int SHIPS = 8;

    Weights(long retention) {
      super(retention);
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
      return fact instanceof Unshipped u ? u.shop() : super.keyOf(fact);
    }

    /**
     * An order reviewed before any parcel ({@link Cue.Kind#NO_WAYBILL}) is suspicious only for an
     * item whose orders ship: {@value #SHIPS} or more delivered as parcels, and fewer than one in
     * ten reviewed without one. Virtual goods (a top-up, an e-card) never ship, so their reviews
     * before any parcel say nothing.
     */
    @Override
    void onOther(State state, Fact fact, Context context) {
      Unshipped u = (Unshipped) fact;
      LowTail c = state.bySub.use(u.item());
      if (c.parcels >= SHIPS && 10L * c.unshipped < c.parcels) {
        context.emit(
            new Cue(
                u.order(),
                u.shop(),
                u.buyer(),
                Cue.Kind.NO_WAYBILL,
                "reviewed with no parcel scanned; "
                    + c.parcels
                    + " of the item's recent orders were delivered as parcels, "
                    + c.unshipped
                    + " reviewed without one"));
      }
      c.unshipped = Math.min(c.unshipped + 1, CAP);
    }

    @Override
    String key(Shipment s) {
      return s.shop();
    }

    @Override
    String sub(Shipment s) {
      return s.item();
    }

    @Override
    int measure(Shipment s) {
      return s.weightG() < 0 ? -1 : (int) Math.min(s.weightG(), Integer.MAX_VALUE);
    }

    /**
     * Under half the low end of the recent picked-up parcels. The light ones are one-unit orders,
     * and more units weigh more, so the quantity needs no model.
     */
    @Override
    boolean below(int value, int lowest) {
      return 2L * value < lowest;
    }

    @Override
    Cue cue(Shipment s, int value, int lowest, int count, boolean bySub) {
      return new Cue(
          s.order(),
          s.shop(),
          s.buyer(),
          Cue.Kind.TOO_LIGHT,
          "parcel "
              + s.waybill()
              + " weighs "
              + value
              + " g, under half the low end of the last "
              + count
              + " picked-up parcels of "
              + (bySub ? "this item" : "the shop")
              + " ("
              + lowest
              + " g)");
    }
  }

  /** Transit times per carrier, origin and destination: a parcel that was not carried is fast. */
  static final class Routes extends Baseline {
    static final String NAME = "parcel-routes";

    Routes(long retention) {
      super(retention);
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    String key(Shipment s) {
      return s.carrier() + '|' + s.from();
    }

    @Override
    String sub(Shipment s) {
      return s.to();
    }

    @Override
    int measure(Shipment s) {
      long seconds = s.transitMillis() / 1000;
      return seconds < 0 ? -1 : (int) Math.min(seconds, Integer.MAX_VALUE);
    }

    /**
     * In under half the low end of the recent picked-up parcels' times on the route (from its
     * origin, before the route has enough): below the low end alone, a genuine parcel would be one
     * in 9 to 17.
     */
    @Override
    boolean below(int value, int lowest) {
      return 2L * value < lowest;
    }

    @Override
    Cue cue(Shipment s, int value, int lowest, int count, boolean bySub) {
      return new Cue(
          s.order(),
          s.shop(),
          s.buyer(),
          Cue.Kind.TOO_FAST,
          "parcel "
              + s.waybill()
              + " of "
              + s.carrier()
              + " delivered "
              + s.from()
              + " → "
              + s.to()
              + " in "
              + Parcels.minutes(value * 1000L)
              + ", under half the low end of the last "
              + count
              + " picked-up parcels "
              + (bySub ? "on this route" : "from " + s.from())
              + " ("
              + Parcels.minutes(lowest * 1000L)
              + ")");
    }
  }
}
