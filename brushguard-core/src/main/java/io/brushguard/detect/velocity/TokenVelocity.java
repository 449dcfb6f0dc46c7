package io.brushguard.detect.velocity;

import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * The lockstep and burst tests of {@link Velocity} for one kind of token, keyed by the token
 * ({@code velocity-device}, {@code velocity-ip}, …).
 *
 * <p>Per token: the actions of the last {@link Velocity.Config#longest} (at most {@link
 * Velocity.Config#cap}), and the token's own history of orders and likes that left the window, as
 * exponentially decayed counts. Space: see {@link Velocity}.
 */
public final class TokenVelocity implements Stage<TokenVelocity.State> {
  private static final long NONE = Long.MIN_VALUE;
  private static final double DAY = 86_400_000.0;
  private static final byte BURST_WEAK = 4;
  private static final byte BURST_STRONG = 8;
  private static final byte BURST_ACCOUNT_WEAK = 16;
  private static final byte BURST_ACCOUNT_STRONG = 32;
  private static final int MIN_LOCKSTEP = 3;
  private static final int MIN_BURST_ORDERS = 5;
  private static final int MIN_BURST_LIKES = 6;

  private final VelocityToken token;
  private final Velocity.Config config;
  private final String name;
  private final String burstName;
  private final Wiring wiring;
  private final long longest;
  private final double tau;

  public TokenVelocity(VelocityToken token, Velocity.Config config) {
    this.token = token;
    this.config = config;
    this.name = "velocity-" + token.wire();
    this.burstName = name + "-burst";
    this.wiring =
        new Wiring(token.events(), java.util.Set.of(), java.util.Set.of(Signal.class, Wave.class));
    this.longest = config.longest();
    this.tau = config.halfLifeMillis() / Math.log(2);
  }

  /** One token's recent actions and its own history. */
  public static final class State {
    final Actions window = new Actions();
    double orders;
    double likes;
    long ordersAt = NONE;
    long likesAt = NONE;
    long first = NONE;
    long last = NONE;
    long wake = NONE;
  }

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
    return token.tokenOf(event);
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event e, Context ctx) {
    byte kind = Actions.kindOf(e);
    long now = e.ts();
    forget(s, s.window.countBefore(now - longest));
    if (s.window.size >= config.cap()) {
      forget(s, 1);
    }
    if (s.first == NONE) {
      s.first = now;
    }
    s.last = now;
    s.window.add(e, kind, targetOf(e), null, null, null, false, config.cap());
    if (token.lockstep()) {
      lockstep(s, kind, ctx);
    }
    if (token.personal() && kind != Actions.REVIEW) {
      burst(s, kind, ctx);
    }
    schedule(s, ctx);
  }

  static String targetOf(Event e) {
    if (e instanceof Order o) {
      return o.item();
    } else if (e instanceof Review r) {
      return r.shop();
    }
    return ((Like) e).review();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time == s.wake) {
      s.wake = NONE;
    }
    forget(s, s.window.countBefore(time - longest));
    if (s.window.isEmpty() && s.last != NONE && time >= s.last + config.idleMillis()) {
      s.orders = 0;
      s.likes = 0;
    }
    schedule(s, ctx);
  }

  @Override
  public boolean isEmpty(State s) {
    return s.window.isEmpty() && !significant(s);
  }

  /**
   * Whether the token's own history says more than the prior: more orders (likes) than the prior
   * expects over the prior's own weight plus the token's exposure. A token seen once or twice is
   * not; a carrier address or a heavy buyer is.
   */
  private boolean significant(State s) {
    if (s.orders == 0 && s.likes == 0) {
      return false;
    }
    double bound = config.priorOrdersPerDay() * (config.priorDays() + exposureDays(s, s.last));
    return s.orders > bound || s.likes > bound;
  }

  private void schedule(State s, Context ctx) {
    long next;
    if (!s.window.isEmpty()) {
      next = s.window.ts[0] + longest + 1;
    } else if (significant(s)) {
      next = s.last + config.idleMillis();
    } else {
      return;
    }
    if (s.wake == NONE || next < s.wake) {
      s.wake = next;
      ctx.wakeAt(next);
    }
  }

  /** Drops the n oldest actions into the token's history. */
  private void forget(State s, int n) {
    Actions w = s.window;
    for (int i = 0; i < n; i++) {
      long t = w.ts[i];
      if (w.kind[i] == Actions.ORDER) {
        s.orders = decayed(s.orders, s.ordersAt, t) + 1;
        s.ordersAt = t;
      } else if (w.kind[i] == Actions.LIKE) {
        s.likes = decayed(s.likes, s.likesAt, t) + 1;
        s.likesAt = t;
      }
    }
    w.removeFirst(n);
  }

  private double decayed(double count, long at, long now) {
    return at == NONE || count == 0 ? 0 : count * Math.exp(-(now - at) / tau);
  }

  /** Decayed exposure in days, from first seen to {@code until}. */
  private double exposureDays(State s, long until) {
    long span = Math.max(0, until - s.first);
    return tau * -Math.expm1(-span / tau) / DAY;
  }

  // ---- lockstep ------------------------------------------------------------------------------

  private void lockstep(State s, byte kind, Context ctx) {
    Actions w = s.window;
    int cur = w.size - 1;
    long from =
        w.ts[cur] - (kind == Actions.ORDER ? config.lockstepMillis() : config.reviewWindow());
    String target = w.target[cur];
    int same = 0;
    for (int i = cur; i >= 0 && w.ts[i] >= from; i--) {
      if (w.kind[i] == kind && target.equals(w.target[i])) {
        same++;
      }
    }
    if (same < MIN_LOCKSTEP) {
      return;
    }
    int[] cluster = new int[same];
    int active = 0;
    int m = 0;
    for (int i = cur; i >= 0 && w.ts[i] >= from; i--) {
      if (w.kind[i] == kind) {
        active++;
        if (target.equals(w.target[i])) {
          cluster[m++] = i;
        }
      }
    }
    int c = w.distinctAccounts(cluster, m);
    if (c < MIN_LOCKSTEP) {
      return;
    }
    int[] all = new int[active];
    int a = 0;
    for (int i = cur; i >= 0 && w.ts[i] >= from; i--) {
      if (w.kind[i] == kind) {
        all[a++] = i;
      }
    }
    int n = w.distinctAccounts(all, a);
    double mu = (n - 1) * config.sameTarget();
    double p = PoissonTail.atLeast(c - 1, mu);
    if (p >= config.alpha()) {
      return;
    }
    if (!w.anyUnflagged(cluster, m, Actions.SIGNALLED)) {
      return; // the cluster is signalled already: no evidence to write again
    }
    // strangers share an IP or an address (a carrier, a dorm): lockstep behind one is weak
    // evidence that only adds to others; behind a device or a payment account it is enough alone
    double strength = token.personal() ? Velocity.strength(p, config.alpha()) : Velocity.WEAK;
    String origin = name + "/" + ctx.key();
    String detail =
        "lockstep: "
            + c
            + " accounts behind "
            + token.wire()
            + " "
            + ctx.key()
            + " "
            + verb(kind)
            + " "
            + target
            + " within "
            + (w.ts[cur] - from) / 60_000
            + " min, of "
            + n
            + " active behind it; chance among independent shoppers "
            + Velocity.tail(p);
    for (int k = m - 1; k >= 0; k--) {
      w.signal(
          cluster[k],
          Actions.SIGNALLED,
          Actions.SIGNALLED,
          Actions.ACCOUNT_SIGNALLED,
          Actions.ACCOUNT_SIGNALLED,
          strength,
          origin,
          detail,
          ctx);
    }
  }

  private static String verb(byte kind) {
    return kind == Actions.ORDER
        ? "ordered item"
        : kind == Actions.REVIEW ? "reviewed shop" : "liked review";
  }

  // ---- burst ---------------------------------------------------------------------------------

  private void burst(State s, byte kind, Context ctx) {
    Actions w = s.window;
    int cur = w.size - 1;
    long now = w.ts[cur];
    long window = kind == Actions.ORDER ? config.burstOrderMillis() : config.burstLikeMillis();
    long from = now - window;
    int count = 0;
    for (int i = cur; i >= 0 && w.ts[i] >= from; i--) {
      if (w.kind[i] == kind) {
        count++;
      }
    }
    if (count < (kind == Actions.ORDER ? MIN_BURST_ORDERS : MIN_BURST_LIKES)) {
      return;
    }
    double history =
        kind == Actions.ORDER
            ? decayed(s.orders, s.ordersAt, now)
            : decayed(s.likes, s.likesAt, now);
    double days = exposureDays(s, from);
    double prior = config.priorOrdersPerDay();
    double rate = (prior * config.priorDays() + history) / (config.priorDays() + days);
    double mu = config.peak() * rate * window / DAY;
    double p = PoissonTail.atLeast(count, mu);
    if (p >= config.burstAlpha()) {
      return;
    }
    int[] idx = new int[count];
    int n = 0;
    for (int i = cur; i >= 0 && w.ts[i] >= from; i--) {
      if (w.kind[i] == kind) {
        idx[n++] = i;
      }
    }
    int accounts = w.distinctAccounts(idx, n);
    boolean strong = token != VelocityToken.ACCOUNT && accounts >= 2;
    double strength = strong ? Velocity.strength(p, config.burstAlpha()) : Velocity.WEAK;
    byte mark = strong ? BURST_STRONG : BURST_WEAK;
    byte accountMark = strong ? BURST_ACCOUNT_STRONG : BURST_ACCOUNT_WEAK;
    if (!w.anyUnflagged(idx, n, strong ? BURST_STRONG : BURST_STRONG | BURST_WEAK)) {
      return;
    }
    String origin = burstName + "/" + ctx.key();
    String detail =
        "burst: "
            + count
            + (kind == Actions.ORDER ? " orders" : " likes")
            + " by "
            + accounts
            + (accounts == 1 ? " account" : " accounts")
            + " behind "
            + token.wire()
            + " "
            + ctx.key()
            + " within "
            + window / 60_000
            + " min, where its own rate (shrunk to the population's) expects "
            + String.format(java.util.Locale.ROOT, "%.2f", mu)
            + "; chance "
            + Velocity.tail(p);
    // a weak signal does not stop a strong one later; a strong one stops both
    int check = strong ? BURST_STRONG : BURST_STRONG | BURST_WEAK;
    int accountCheck = strong ? BURST_ACCOUNT_STRONG : BURST_ACCOUNT_STRONG | BURST_ACCOUNT_WEAK;
    for (int k = n - 1; k >= 0; k--) {
      // an order of the burst is signalled where the burst went: at a shop with another of its
      // orders (a brusher's one camouflage order elsewhere, or a household's, is not)
      if (kind == Actions.ORDER && !sharesShop(w, idx, n, k)) {
        continue;
      }
      w.signal(idx[k], check, mark, accountCheck, accountMark, strength, origin, detail, ctx);
    }
  }

  private static boolean sharesShop(Actions w, int[] idx, int n, int k) {
    String shop = w.shop[idx[k]];
    for (int j = 0; j < n; j++) {
      if (j != k && shop.equals(w.shop[idx[j]])) {
        return true;
      }
    }
    return false;
  }
}
