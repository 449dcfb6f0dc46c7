package io.brushguard.detect.velocity;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The linked-crowd test of {@link Velocity}, keyed by the target: an item's orders, a shop's
 * reviews, a review's likes ({@code velocity-item}, {@code velocity-shop}, {@code
 * velocity-review}). Gangs rotate accounts and addresses, not their target: seen from the target, a
 * ring that spreads thinly over ten phones and a dozen proxies is one crowd of accounts joined by
 * the devices and payment accounts they share.
 *
 * <p>Per target: the actions of the last window (10 minutes for orders, an hour for reviews and
 * likes), at most {@link Velocity.Config#cap}; nothing else. When the newest action shares a device
 * or payment account with another account's action in the window, the component of accounts joined
 * by shared devices and payment accounts is built (quadratic in the window, and only then); it
 * fires at {@link Velocity.Config#linkedAccounts} accounts.
 *
 * <p><b>Keys.</b> A partition of the targets ({@value #PARTITIONS} partitions, {@link
 * io.brushguard.flow.Partitions}), each holding its targets in a {@link HashedTable} (40 to 80
 * bytes per target besides its state): most items are ordered once in ten minutes, and a key and a
 * wake-up per target cost more than the test. A target's state is brought up to date lazily, on its
 * next action, as its wake-ups would have left it (they fired after the inputs of their
 * millisecond); a sweep of the partition every {@value #SWEEP_MS} ms of event time, its only
 * wake-up, forgets the targets no later action would find.
 */
public final class TargetVelocity implements Stage<TargetVelocity.State> {
  private static final long NONE = Long.MIN_VALUE;
  static final int PARTITIONS = 64;
  static final long SWEEP_MS = 3_600_000L;
  private static final String[] PARTITION_KEYS = new String[PARTITIONS];

  static {
    for (int i = 0; i < PARTITIONS; i++) {
      PARTITION_KEYS[i] = "p" + i; // as Partitions.of names them, without a string per input
    }
  }

  /** What the target is, and which events act on it. */
  public enum Target {
    ITEM(EnumSet.of(EventType.ORDER)),
    SHOP(EnumSet.of(EventType.REVIEW)),
    /** Likes, and the review itself: its author and order, for when a crowd likes it. */
    REVIEW(EnumSet.of(EventType.LIKE, EventType.REVIEW));

    private final Set<EventType> events;

    Target(Set<EventType> events) {
      this.events = events;
    }

    String keyOf(Event e) {
      return switch (this) {
        case ITEM -> e instanceof Order o ? o.item() : null;
        case SHOP -> e instanceof Review r ? r.shop() : null;
        case REVIEW -> e instanceof Like l ? l.review() : e instanceof Review r ? r.review() : null;
      };
    }
  }

  private final Target target;
  private final Velocity.Config config;
  private final String name;
  private final Wiring wiring;
  private final long window;

  public TargetVelocity(Target target, Velocity.Config config) {
    this.target = target;
    this.config = config;
    this.name = "velocity-" + target.name().toLowerCase(Locale.ROOT);
    this.wiring = new Wiring(target.events, Set.of(), Set.of(Signal.class, Wave.class));
    this.window = target == Target.ITEM ? config.lockstepMillis() : config.reviewWindow();
  }

  /** One partition's targets, and its sweep. */
  public static final class State {
    final HashedTable<Recent> targets = new HashedTable<>();
    long sweep = NONE;
  }

  /** One target's recent actions. */
  static final class Recent {
    final Actions window = new Actions();

    /** For a review: the review itself, kept {@code REVIEW_KEPT} for likes to come. */
    Review review;

    boolean boosted;

    /** The last crowd flagged, for the actions that join it while it is in the window. */
    double crowdStrength;

    String crowdOrigin;
    String crowdDetail;
  }

  /** How long a review waits for a crowd of likes: farms strike within a day of the review. */
  static final long REVIEW_KEPT = 2 * 86_400_000L;

  @Override
  public String name() {
    return name;
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Event event) {
    String id = target.keyOf(event);
    return id == null ? null : PARTITION_KEYS[Math.floorMod(id.hashCode(), PARTITIONS)];
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State p, Event e, Context ctx) {
    String id = target.keyOf(e);
    long h = HashedTable.hash(id);
    long now = e.ts();
    Recent s = p.targets.get(h);
    if (s == null) {
      s = new Recent();
      p.targets.add(h, s);
    } else if (catchUp(s, now, false)) {
      s = new Recent(); // the target had been forgotten: it starts again, as a new key would
      p.targets.replace(h, s);
    }
    if (p.sweep == NONE) {
      p.sweep = (Math.floorDiv(now, SWEEP_MS) + 1) * SWEEP_MS;
      ctx.wakeAt(p.sweep);
    }
    if (e instanceof Review r && target == Target.REVIEW) {
      s.review = r;
      p.targets.keepUntil(h, keptUntil(s));
      return;
    }
    Actions w = s.window;
    w.removeFirst(w.countBefore(now - window));
    String device;
    String payer = null;
    String ip;
    if (e instanceof Order o) {
      device = o.device();
      payer = o.payer();
      ip = o.ip();
    } else if (e instanceof Review r) {
      device = r.device();
      ip = r.ip();
    } else {
      Like l = (Like) e;
      device = l.device();
      ip = l.ip();
    }
    w.add(e, Actions.kindOf(e), id, device, payer, ip, true, config.cap());
    p.targets.keepUntil(h, keptUntil(s));
    int last = w.size - 1;
    if (joinsFlaggedCrowd(s, last, ctx)) {
      return;
    }
    if (!(linked(w, last, false) && crowd(s, id, false, ctx)) && linked(w, last, true)) {
      crowd(s, id, true, ctx);
    }
  }

  /**
   * What the target's wake-ups did before {@code now} (or, for a sweep, until {@code now}
   * inclusive): its window emptied the last action's time plus the window plus 1 after it, its
   * review was forgotten {@link #REVIEW_KEPT} after it, and the target when both had gone. Returns
   * whether the target was forgotten.
   */
  private boolean catchUp(Recent s, long now, boolean inclusive) {
    long before = inclusive ? now + 1 : now;
    Actions w = s.window;
    if (!w.isEmpty() && w.ts[w.size - 1] + window + 1 < before) {
      w.removeFirst(w.size);
      s.crowdOrigin = null;
      s.crowdDetail = null;
    }
    if (s.review != null && s.review.ts() + REVIEW_KEPT < before) {
      s.review = null;
    }
    return w.isEmpty() && s.review == null;
  }

  /** Before this time no sweep can forget the target: its window and its review are not gone. */
  private long keptUntil(Recent s) {
    long t = s.window.isEmpty() ? Long.MIN_VALUE : s.window.ts[s.window.size - 1] + window + 1;
    return s.review == null ? t : Math.max(t, s.review.ts() + REVIEW_KEPT);
  }

  /**
   * The sweep at {@code time}, after the inputs of that millisecond: forgets the targets whose
   * wake-ups would have forgotten them by then, and comes again while any is left.
   */
  @Override
  public void onWake(State p, long time, Context ctx) {
    if (time != p.sweep) {
      return;
    }
    p.sweep = NONE;
    p.targets.retain(time, s -> !catchUp(s, time, true));
    if (p.targets.size() > 0) {
      p.sweep = time + SWEEP_MS;
      ctx.wakeAt(p.sweep);
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State p) {
    return p.targets.size() == 0;
  }

  /**
   * An action that shares a device or payment account with one of a crowd flagged in the window
   * joins that crowd at its strength, without building the component again (a ring's wave of a
   * hundred orders would otherwise rebuild it a hundred times).
   */
  private boolean joinsFlaggedCrowd(Recent s, int i, Context ctx) {
    Actions w = s.window;
    if (s.crowdOrigin == null) {
      return false;
    }
    for (int j = 0; j < i; j++) {
      if ((w.flags[j] & Actions.SIGNALLED) != 0 && joins(w, i, j, false)) {
        w.signal(
            i,
            Actions.SIGNALLED,
            Actions.SIGNALLED,
            Actions.ACCOUNT_SIGNALLED,
            Actions.ACCOUNT_SIGNALLED,
            s.crowdStrength,
            s.crowdOrigin,
            s.crowdDetail,
            ctx);
        return true;
      }
    }
    return false;
  }

  /** Whether action {@code i} shares a device or payment account with another account's action. */
  private static boolean linked(Actions w, int i, boolean byIp) {
    for (int j = 0; j < w.size; j++) {
      if (j != i && joins(w, i, j, byIp) && !w.account[i].equals(w.account[j])) {
        return true;
      }
    }
    return false;
  }

  private static boolean joins(Actions w, int i, int j, boolean byIp) {
    return (w.device[i] != null && w.device[i].equals(w.device[j]))
        || (byIp && w.ip[i] != null && w.ip[i].equals(w.ip[j]))
        || (w.payer[i] != null && w.payer[i].equals(w.payer[j]))
        || w.account[i].equals(w.account[j]);
  }

  /** Builds the newest action's component; signals it when it holds enough accounts. */
  // returns whether it did
  private boolean crowd(Recent s, String id, boolean byIp, Context ctx) {
    Actions w = s.window;
    int[] member = new int[w.size];
    boolean[] in = new boolean[w.size];
    int n = 0;
    member[n++] = w.size - 1;
    in[w.size - 1] = true;
    for (int k = 0; k < n; k++) {
      int i = member[k];
      for (int j = 0; j < w.size; j++) {
        if (!in[j] && joins(w, i, j, byIp)) {
          in[j] = true;
          member[n++] = j;
        }
      }
    }
    int accounts = w.distinctAccounts(member, n);
    if (accounts < config.linkedAccounts()) {
      return false;
    }
    int devices = byIp ? distinctDevices(w, member, n) : 0;
    if (byIp && accounts < FEW_DEVICES * devices) {
      return false; // strangers behind one address come on their own phones
    }
    double raw = BASE_CROWD + 0.03 * (accounts - config.linkedAccounts());
    double strength = Math.min(Velocity.CAP, Math.round(raw * 1000) / 1000.0);
    String origin = name + "/" + id;
    String detail =
        "linked crowd: "
            + accounts
            + (byIp
                ? " accounts on " + devices + " devices, joined by shared devices and IPs, "
                : " accounts joined by shared devices or payment accounts ")
            + (target == Target.ITEM
                ? "ordered item "
                : target == Target.SHOP ? "reviewed shop " : "liked review ")
            + id
            + " within "
            + window / 60_000
            + " min";
    for (int k = 0; k < n; k++) {
      w.signal(
          member[k],
          Actions.SIGNALLED,
          Actions.SIGNALLED,
          Actions.ACCOUNT_SIGNALLED,
          Actions.ACCOUNT_SIGNALLED,
          strength,
          origin,
          detail,
          ctx);
    }
    s.crowdStrength = strength;
    s.crowdOrigin = origin;
    s.crowdDetail = detail;
    if (target == Target.REVIEW) {
      boosted(s, id, strength, origin, ctx);
    }
    return true;
  }

  /** A review liked by a linked crowd was planted: the review, its order and its author. */
  private static void boosted(Recent s, String id, double strength, String origin, Context ctx) {
    if (s.boosted) {
      return;
    }
    s.boosted = true;
    String detail = "review liked by a linked crowd of accounts (a like farm)";
    ctx.emit(new Signal(EntityKind.REVIEW, id, Velocity.CODE, origin, strength, ctx.now(), detail));
    Review r = s.review;
    if (r != null) {
      ctx.emit(
          new Signal(
              EntityKind.ACCOUNT, r.account(), Velocity.CODE, origin, strength, ctx.now(), detail));
      if (r.order() != null) {
        ctx.emit(
            new Signal(
                EntityKind.ORDER, r.order(), Velocity.CODE, origin, strength, ctx.now(), detail));
      }
    }
  }

  private static final double BASE_CROWD = 0.6;

  /**
   * A crowd joined through IPs counts only when it has at least this many accounts per device: a
   * rack of phones behind proxies, not strangers behind a carrier's address (one phone each; a
   * family among them brings the ratio nowhere near).
   */
  static final int FEW_DEVICES = 2;

  private static int distinctDevices(Actions w, int[] member, int n) {
    int d = 0;
    for (int a = 0; a < n; a++) {
      String dev = w.device[member[a]];
      boolean seen = false;
      for (int b = 0; b < a && dev != null; b++) {
        if (dev.equals(w.device[member[b]])) {
          seen = true;
          break;
        }
      }
      if (!seen) {
        d++;
      }
    }
    return d;
  }
}
