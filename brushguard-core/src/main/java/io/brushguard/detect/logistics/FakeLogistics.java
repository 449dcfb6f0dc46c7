package io.brushguard.detect.logistics;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.List;
import java.util.Set;

/**
 * Fake logistics (空包, empty parcels): orders made to look shipped so that they count as sales and
 * can be reviewed, with a waybill bought from a parcel broker. Built from what such a parcel cannot
 * fake at once: an empty parcel weighs only its packaging, a waybill with no truck behind it has no
 * pick-up scan and no transit time, and one waybill number cannot carry the orders of several
 * buyers to several addresses.
 *
 * <p><b>How.</b> {@link Parcels} (key: order) joins each order to its parcel's scans and announces
 * the {@link Shipment} at delivery. Four stages learn what is normal from the parcels that a
 * carrier picked up (so empty ones do not teach them) and send {@link Cue cues} back to the order:
 * {@link Baseline.Weights} (key: shop, per item) whether the parcel weighs under half the low end
 * (the second lightest) of its item's recent parcels; {@link Baseline.Routes} (key: carrier and
 * origin, per destination) whether it arrived in under half the time of the second fastest recent
 * parcel on its route; {@link WaybillOrders} (key: waybill) whether its waybill was delivered for
 * other orders; {@link DeliveryPlaces} (key: address) whether it was delivered where none of the
 * address's recent parcels went. The weights stage also tells whether an order reviewed before any
 * parcel was scanned is of an item that ships. This stage (key: order) combines the cues into one
 * signal per order; {@link Tally} adds up per shop and per buyer. Light items, same-city express
 * and virtual goods pass because each is judged against its own kind: a light item's parcels are
 * all light, a same-city route's are all fast, and goods never shipped get no shipment at all.
 *
 * <p><b>Signals</b> (code {@value #CODE}):
 *
 * <ul>
 *   <li>order: one weak cue (no pick-up, too fast, too light, delivered elsewhere, reviewed without
 *       a waybill, waybill reused by the same buyer) {@value #ONE}; two {@value #TWO}, which no
 *       other single weak signal lifts to review; three or more {@value #THREE} and up:
 *       self-sufficient, as an empty parcel is what they describe together; a waybill shared by
 *       different buyers' orders to different addresses, or delivered for one buyer's orders at
 *       different times, {@value #SHARED} and up, since no real parcel does that. At most {@value
 *       #CAP}.
 *   <li>account: a buyer with orders judged fake-shipped ({@value #ONE} for one, above review for
 *       {@value Tally#REPEATED} or more): a hired buyer does several; an unlucky one does not.
 *   <li>shop: below review ({@value Tally#SHOP_STRENGTH}) with {@value Tally#REPEATED} or more such
 *       orders: a competitor can buy empty parcels for a victim shop too.
 * </ul>
 *
 * <p><b>Window and memory.</b> Per order awaiting delivery (up to {@link Parcels#HOLD_MILLIS}):
 * about 100 bytes; delivered orders keep nothing in {@link Parcels}. Per waybill delivered in the
 * last {@code retention}: about 120 bytes for one order, up to {@value WaybillOrders#KEPT} orders,
 * about 450 bytes. Per shop and per carrier-origin: about 200 bytes per item or destination seen
 * (at most {@value Baseline#SUBKEYS}). Per address: up to {@value DeliveryPlaces#PLACES} places,
 * about 130 bytes. Orders, waybills and addresses are kept in {@link Bucket buckets} of ids (one
 * runtime key and one wake-up per bucket), each forgotten exactly when its own key would be, and
 * removed from memory at most a day later. Per order with a cue (here): about 150 bytes for {@code
 * retention}; orders with none keep nothing. Per shop or buyer with fake-shipped orders: up to
 * {@value Tally#KEPT} order ids.
 *
 * <p><b>References.</b> Xu, Liu, Wang and Stavrou, "E-commerce Reputation Manipulation: The
 * Emergence of Reputation-Escalation-as-a-Service", WWW 2015 (brushing services on Taobao and their
 * fake-shipping step); the tactic as DESIGN.md describes it from real cases (empty parcels of a few
 * grams, reused waybills, no pick-up scan, delivery faster than possible, far from the address).
 */
public final class FakeLogistics implements Stage<FakeLogistics.State> {
  public static final String NAME = "fake-logistics";
  public static final String CODE = "FAKE_LOGISTICS";

  static final double ONE = 0.2;
  static final double TWO = 0.29;
  static final double THREE = 0.6;
  static final double SHARED = 0.6;
  static final double CAP = 0.85;

  /** From this strength on an order counts as fake-shipped for its shop and buyer. */
  static final double FAKE = 0.5;

  private static final Cue.Kind[] KINDS = Cue.Kind.values();
  private static final int STRONG_BITS =
      1 << Cue.Kind.WAYBILL_SHARED.ordinal() | 1 << Cue.Kind.WAYBILL_REDELIVERED.ordinal();

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Cue.class), Set.of(Signal.class, Judged.class));

  private final long retention;

  /** The judge, keeping an order's cues for {@code retention} after its last one. */
  public FakeLogistics(long retention) {
    this.retention = retention;
  }

  /** Every stage of the detector, in dataflow order. */
  public static List<Stage<?>> stages(long retention) {
    return List.of(
        new Parcels(),
        new WaybillOrders(retention),
        new Baseline.Weights(retention),
        new Baseline.Routes(retention),
        new DeliveryPlaces(retention),
        new FakeLogistics(retention),
        Tally.shops(retention),
        Tally.buyers(retention));
  }

  /** One order's cues. */
  static final class State extends Expiring {
    String shop;
    String buyer;
    int cues;
    final String[] details = new String[KINDS.length];
    double strength;
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
    return fact instanceof Cue c ? c.order() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context context) {
    Cue c = (Cue) fact;
    s.touch(context, retention);
    s.shop = c.shop();
    s.buyer = c.buyer();
    s.cues |= 1 << c.kind().ordinal();
    s.details[c.kind().ordinal()] = c.detail();
    double strength = strength(s.cues);
    if (strength == s.strength) {
      return;
    }
    boolean wasFake = s.strength >= FAKE;
    s.strength = strength;
    context.emit(
        new Signal(
            EntityKind.ORDER,
            context.key(),
            CODE,
            NAME + "/" + context.key(),
            strength,
            context.now(),
            detail(s)));
    if (wasFake != strength >= FAKE) {
      context.emit(new Judged(context.key(), s.shop, s.buyer, strength >= FAKE));
    }
  }

  /** The strength of a set of cues (bits by {@link Cue.Kind} ordinal). */
  static double strength(int cues) {
    int weak = Integer.bitCount(cues & ~STRONG_BITS);
    if ((cues & STRONG_BITS) != 0) {
      return Math.min(CAP, SHARED + 0.05 * weak);
    }
    switch (weak) {
      case 0:
        return 0;
      case 1:
        return ONE;
      case 2:
        return TWO;
      default:
        return Math.min(CAP, THREE + 0.1 * (weak - 3));
    }
  }

  private static String detail(State s) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < KINDS.length; k++) {
      if (s.details[k] != null) {
        b.append(b.length() == 0 ? "" : "; ").append(s.details[k]);
      }
    }
    return b.toString();
  }

  @Override
  public void onWake(State s, long time, Context context) {
    if (s.expired(time, context, retention)) {
      s.cues = 0;
    }
  }

  /** A wake-up only forgets the key (its retention). */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return !s.pending();
  }
}
