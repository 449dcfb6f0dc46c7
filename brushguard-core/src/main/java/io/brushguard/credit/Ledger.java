package io.brushguard.credit;

import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Reason;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Joins each order (or review) with its findings and the consumer reports about it, keyed by its
 * id, and tells its shop ({@link Standing}) when it first appears and whenever its judgement
 * changes. Fake, for the shop's corrected books, means its finding's action is {@code review} or
 * {@code block}: more likely fake than genuine, so left out of what consumers should have seen. It
 * costs the shop credit in full when intercepted ({@code block}); what is in {@code review} awaits
 * a person and is told as suspected, which {@link Credit} counts at half weight. A finding or a
 * report may arrive before or after the event it is about; an order or review given twice counts
 * once.
 *
 * <p><b>Blame.</b> A fake order or review is the shop's doing unless its finding says another party
 * did it to the shop: a competitor who bought it to get the shop punished, a professional bad
 * reviewer extorting it ({@link Reason#NOT_THE_SHOPS_DOING}), a fake review that runs the shop down
 * (rated 3 or less: shops buy praise, their attackers complaints), or a review that diverts the
 * shop's customers to a contact that is not the shop's ({@value #DIVERTS}: it is posted at the
 * shop, in the favour of a spammer elsewhere). Then it still leaves the shop's corrected sales and
 * rating, but costs the shop no credit, and reports about it are not upheld against it. A report
 * about it is upheld while it is judged fake.
 *
 * <p><b>Retention and space.</b> An entry is forgotten {@code retention} of event time after its
 * last input. Per entry: the shop, a value, three flags, two counts and two times (about 100 bytes
 * with the map entry; the id string is shared with the event, and the shop string with other
 * entries of the shop through {@link #shared}).
 */
public final class Ledger implements Stage<Ledger.State> {
  private final EntityKind entity;
  private final Report.TargetKind reported;
  private final Wiring wiring;
  private final long retentionMillis;

  /**
   * Shop ids seen lately, direct-mapped by hash ({@value #SHOPS} slots): the parser gives every
   * event its own copy of the shop id, and the entry of every order would keep its copy for the
   * whole retention (about 50 bytes each). A slot that holds another shop is overwritten, so this
   * never grows; only identity changes, never content. Benign races: strings are immutable.
   */
  private final String[] shops = new String[SHOPS];

  private static final int SHOPS = 1 << 14;

  /**
   * The code of a review that sends the shop's customers elsewhere (a contact that is not the
   * shop's): it is in the favour of whoever the contact reaches, not of the shop it is posted at.
   */
  static final String DIVERTS = "CONTACT_SPAM";

  private Ledger(
      EntityKind entity, EventType type, Report.TargetKind reported, long retentionMillis) {
    if (retentionMillis <= 0) {
      throw new IllegalArgumentException("retention must be positive, was " + retentionMillis);
    }
    this.entity = entity;
    this.reported = reported;
    this.wiring =
        Wiring.events(type, EventType.REPORT).consumes(Finding.class).produces(Standing.class);
    this.retentionMillis = retentionMillis;
  }

  /** The ledger of orders: units sold per order. */
  public static Ledger orders(long retentionMillis) {
    return new Ledger(EntityKind.ORDER, EventType.ORDER, Report.TargetKind.ORDER, retentionMillis);
  }

  /** The ledger of reviews: the rating per review. */
  public static Ledger reviews(long retentionMillis) {
    return new Ledger(
        EntityKind.REVIEW, EventType.REVIEW, Report.TargetKind.REVIEW, retentionMillis);
  }

  /** One order or review: where it belongs, how it is judged, and what its shop was told. */
  public static final class State extends Expiring {
    String shop;
    int value;
    boolean fake;
    boolean blocked;
    boolean victim;
    int reports;
    boolean toldFake;
    boolean toldBlamed;
    boolean toldSuspected;
    int toldReports;
    int toldUpheld;
  }

  @Override
  public String name() {
    return entity.wire() + "-ledger";
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Event event) {
    if (event instanceof Report r) {
      return r.targetKind() == reported ? r.target() : null;
    }
    return event instanceof Order o ? o.order() : ((Review) event).review();
  }

  @Override
  public String keyOf(Fact fact) {
    Finding f = (Finding) fact;
    return f.entity() == entity ? f.id() : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State state, Event event, Context context) {
    if (event instanceof Report) {
      state.reports++;
      tell(state, false, context);
    } else if (state.shop == null) {
      if (event instanceof Order o) {
        state.shop = shared(o.shop());
        state.value = o.quantity();
      } else {
        Review r = (Review) event;
        state.shop = shared(r.shop());
        state.value = r.rating();
      }
      tell(state, true, context);
    }
    state.touch(context, retentionMillis);
  }

  @Override
  public void onFact(State state, Fact fact, Context context) {
    Finding f = (Finding) fact;
    state.fake = f.action() != Action.ALLOW;
    state.blocked = f.action() == Action.BLOCK;
    state.victim = false;
    for (Reason r : f.reasons()) {
      if (r.notTheShopsDoing() || (entity == EntityKind.REVIEW && DIVERTS.equals(r.code()))) {
        state.victim = true;
        break;
      }
    }
    tell(state, false, context);
    state.touch(context, retentionMillis);
  }

  /** Tells the shop what changed since it was last told; nothing before the shop is known. */
  private void tell(State s, boolean first, Context context) {
    if (s.shop == null) {
      return;
    }
    boolean victim = s.victim || (entity == EntityKind.REVIEW && s.value <= 3);
    boolean blamed = s.blocked && !victim;
    boolean suspected = s.fake && !s.blocked && !victim;
    int upheld = s.fake && !victim ? s.reports : 0;
    if (!first
        && s.fake == s.toldFake
        && blamed == s.toldBlamed
        && suspected == s.toldSuspected
        && s.reports == s.toldReports
        && upheld == s.toldUpheld) {
      return;
    }
    context.emit(
        new Standing(
            entity,
            s.shop,
            context.key(),
            s.value,
            first,
            Boolean.compare(s.fake, s.toldFake),
            Boolean.compare(blamed, s.toldBlamed),
            Boolean.compare(suspected, s.toldSuspected),
            s.reports - s.toldReports,
            upheld - s.toldUpheld));
    s.toldFake = s.fake;
    s.toldBlamed = blamed;
    s.toldSuspected = suspected;
    s.toldReports = s.reports;
    s.toldUpheld = upheld;
  }

  private String shared(String shop) {
    int h = shop.hashCode();
    int i = (h ^ (h >>> 16)) & (SHOPS - 1);
    String known = shops[i];
    if (shop.equals(known)) {
      return known;
    }
    shops[i] = shop;
    return shop;
  }

  @Override
  public void onWake(State state, long time, Context context) {
    if (state.expired(time, context, retentionMillis)) {
      state.shop = null;
      state.fake = false;
      state.blocked = false;
      state.victim = false;
      state.reports = 0;
      state.toldFake = false;
      state.toldBlamed = false;
      state.toldSuspected = false;
      state.toldReports = 0;
      state.toldUpheld = 0;
    }
  }

  @Override
  public boolean isEmpty(State state) {
    return state.shop == null && !state.fake && state.reports == 0 && !state.pending();
  }
}
