package io.brushguard.credit;

import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * Joins each order (or review) with its findings, keyed by its id, and tells its shop ({@link
 * Standing}) when it first appears and whenever its judgement changes: fake means its finding's
 * action is {@code block} (intercepted); {@code review} is a person's to decide and counts as
 * genuine until then. A finding may arrive before or after the event it judges; an order or review
 * given twice counts once.
 *
 * <p><b>Retention and space.</b> An entry is forgotten {@code retention} of event time after its
 * last input. Per entry: the shop, a value, two flags and two times (about 90 bytes with the map
 * entry; the id string is shared with the event, and the shop string with other entries of the shop
 * through {@link #shared}).
 */
public final class Ledger implements Stage<Ledger.State> {
  private final EntityKind entity;
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

  private Ledger(EntityKind entity, EventType type, long retentionMillis) {
    if (retentionMillis <= 0) {
      throw new IllegalArgumentException("retention must be positive, was " + retentionMillis);
    }
    this.entity = entity;
    this.wiring = Wiring.events(type).consumes(Finding.class).produces(Standing.class);
    this.retentionMillis = retentionMillis;
  }

  /** The ledger of orders: units sold per order. */
  public static Ledger orders(long retentionMillis) {
    return new Ledger(EntityKind.ORDER, EventType.ORDER, retentionMillis);
  }

  /** The ledger of reviews: the rating per review. */
  public static Ledger reviews(long retentionMillis) {
    return new Ledger(EntityKind.REVIEW, EventType.REVIEW, retentionMillis);
  }

  /** One order or review: where it belongs and how it is judged. */
  public static final class State extends Expiring {
    String shop;
    int value;
    boolean fake;
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
    if (state.shop == null) {
      if (event instanceof Order o) {
        state.shop = shared(o.shop());
        state.value = o.quantity();
      } else {
        Review r = (Review) event;
        state.shop = shared(r.shop());
        state.value = r.rating();
      }
      context.emit(new Standing(entity, state.shop, context.key(), state.value, state.fake, true));
    }
    state.touch(context, retentionMillis);
  }

  @Override
  public void onFact(State state, Fact fact, Context context) {
    boolean fake = ((Finding) fact).action() == Action.BLOCK;
    if (fake != state.fake) {
      state.fake = fake;
      if (state.shop != null) {
        context.emit(new Standing(entity, state.shop, context.key(), state.value, fake, false));
      }
    }
    state.touch(context, retentionMillis);
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
    }
  }

  @Override
  public boolean isEmpty(State state) {
    return state.shop == null && !state.fake && !state.pending();
  }
}
