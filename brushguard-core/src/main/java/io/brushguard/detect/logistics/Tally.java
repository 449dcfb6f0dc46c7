package io.brushguard.detect.logistics;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * The orders of one shop or one buyer judged fake-shipped, and the signal that follows: a buyer
 * with {@value #REPEATED} or more is a hired one (above review), and so is a buyer who gave one of
 * them {@value #PRAISE} stars or more (a buyer whose parcel came empty complains; one who praises
 * it was not waiting for the goods); a shop with {@value #REPEATED} or more bought them or was made
 * to look so (below review: it cannot tell a shop buying empty parcels from a competitor buying
 * them for it).
 *
 * <p>Key: the shop or the buyer. Space: up to {@value #KEPT} order ids, whether each was praised,
 * and a count, forgotten {@code retention} after the last change. The buyer's tally reads reviews
 * only for buyers it holds (a review starts no state).
 */
final class Tally implements Stage<Tally.State> {
  static final int KEPT = 32;
  static final int REPEATED = 2;
  static final double SHOP_STRENGTH = 0.45;
  static final double BUYER_ONCE = FakeLogistics.ONE;
  static final double BUYER_REPEATED = 0.6;
  static final int PRAISE = 4;

  private static final Wiring SHOPS =
      new Wiring(Set.of(), Set.of(Judged.class), Set.of(Signal.class));
  private static final Wiring BUYERS =
      Wiring.events(EventType.REVIEW).consumes(Judged.class).produces(Signal.class);

  private final EntityKind kind;
  private final String name;
  private final long retention;

  private Tally(EntityKind kind, String name, long retention) {
    this.kind = kind;
    this.name = name;
    this.retention = retention;
  }

  static Tally shops(long retention) {
    return new Tally(EntityKind.SHOP, "fake-logistics-shops", retention);
  }

  static Tally buyers(long retention) {
    return new Tally(EntityKind.ACCOUNT, "fake-logistics-buyers", retention);
  }

  /** The fake-shipped orders kept (the first {@value #KEPT}) and how many there are. */
  static final class State extends Expiring {
    final String[] orders = new String[KEPT];
    final boolean[] praised = new boolean[KEPT];
    int kept;
    int count;
    double strength;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Wiring wiring() {
    return kind == EntityKind.SHOP ? SHOPS : BUYERS;
  }

  @Override
  public String keyOf(Event event) {
    return ((Review) event).account();
  }

  @Override
  public boolean startsState(Event event) {
    return false;
  }

  /** A buyer's review: praise for one of its fake-shipped orders makes the buyer a hired one. */
  @Override
  public void onEvent(State s, Event event, Context context) {
    Review r = (Review) event;
    if (r.order() == null || r.rating() < PRAISE) {
      return;
    }
    for (int i = 0; i < s.kept; i++) {
      if (s.orders[i].equals(r.order())) {
        if (!s.praised[i]) {
          s.praised[i] = true;
          s.touch(context, retention);
          signal(s, context);
        }
        return;
      }
    }
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof Judged j) {
      return kind == EntityKind.SHOP ? j.shop() : j.buyer();
    }
    return null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context context) {
    Judged j = (Judged) fact;
    s.touch(context, retention);
    int at = -1;
    for (int i = 0; i < s.kept; i++) {
      if (s.orders[i].equals(j.order())) {
        at = i;
      }
    }
    if (j.fake()) {
      if (at >= 0) {
        return;
      }
      s.count++;
      if (s.kept < KEPT) {
        s.orders[s.kept++] = j.order();
      }
    } else {
      if (at < 0 && s.count <= s.kept) {
        return;
      }
      s.count--;
      if (at >= 0) {
        s.kept--;
        s.orders[at] = s.orders[s.kept];
        s.praised[at] = s.praised[s.kept];
        s.orders[s.kept] = null;
        s.praised[s.kept] = false;
      }
    }
    signal(s, context);
  }

  private void signal(State s, Context context) {
    double strength = strength(s);
    if (strength != s.strength) {
      s.strength = strength;
      context.emit(
          new Signal(
              kind,
              context.key(),
              FakeLogistics.CODE,
              name + "/" + context.key(),
              strength,
              context.now(),
              detail(s)));
    }
  }

  private double strength(State s) {
    int count = s.count;
    if (kind == EntityKind.SHOP) {
      return count >= REPEATED ? SHOP_STRENGTH : count > 0 ? FakeLogistics.TWO : 0;
    }
    return count >= REPEATED || praised(s) > 0 ? BUYER_REPEATED : count > 0 ? BUYER_ONCE : 0;
  }

  private static int praised(State s) {
    int n = 0;
    for (int i = 0; i < s.kept; i++) {
      n += s.praised[i] ? 1 : 0;
    }
    return n;
  }

  private static String detail(State s) {
    StringBuilder b = new StringBuilder();
    b.append(s.count).append(s.count == 1 ? " order" : " orders").append(" with fake parcels: ");
    int shown = Math.min(s.kept, 10);
    for (int i = 0; i < shown; i++) {
      b.append(i == 0 ? "" : ", ").append(s.orders[i]);
    }
    if (s.count > shown) {
      b.append(", …");
    }
    int praised = praised(s);
    if (praised > 0) {
      b.append("; ")
          .append(praised)
          .append(" of them praised by the buyer (")
          .append(PRAISE)
          .append("+ stars)");
    }
    return b.toString();
  }

  @Override
  public void onWake(State s, long time, Context context) {
    if (s.expired(time, context, retention)) {
      s.kept = 0;
      s.count = 0;
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
