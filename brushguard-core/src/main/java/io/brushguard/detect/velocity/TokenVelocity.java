package io.brushguard.detect.velocity;

import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;

/**
 * The lockstep and burst tests of {@link Velocity} for one kind of token ({@code velocity-device},
 * {@code velocity-ip}, …), keyed by a partition of the tokens ({@value #PARTITIONS} partitions,
 * {@link io.brushguard.flow.Partitions}).
 *
 * <p>Per token: the actions of the last {@link Velocity.Config#longest} (at most {@link
 * Velocity.Config#cap}), and the token's own history of orders and likes that left the window, as
 * exponentially decayed counts. Space: see {@link Velocity}, plus 40 to 80 bytes per token in its
 * partition's {@link HashedTable}.
 *
 * <p><b>Why partitions.</b> Most tokens act once in their window. Keyed by token, each was a new
 * key of the runtime and a wake-up or two to forget it. Keyed by partition, a token's window and
 * history are brought up to date lazily, on its next action, exactly as its wake-ups would have
 * left them (they fired after the inputs of their millisecond, so a wake-up at the time of an
 * action had not fired yet); a sweep of the partition every {@value #SWEEP_MS} ms of event time,
 * its only wake-up, forgets the tokens no later action would find. Signals and waves are those of
 * the token's actions, as before.
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
  static final int PARTITIONS = 64;
  static final long SWEEP_MS = 3_600_000L;
  private static final String[] PARTITION_KEYS = new String[PARTITIONS];

  static {
    for (int i = 0; i < PARTITIONS; i++) {
      PARTITION_KEYS[i] = "p" + i; // as Partitions.of names them, without a string per input
    }
  }

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

  /** One partition's tokens, and its sweep. */
  public static final class State {
    final HashedTable<Token> tokens = new HashedTable<>();
    long sweep = NONE;
  }

  /** One token's recent actions and its own history. */
  static final class Token {
    final Actions window = new Actions();
    double orders;
    double likes;
    long ordersAt = NONE;
    long likesAt = NONE;
    long first = NONE;
    long last = NONE;
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
    String t = token.tokenOf(event);
    return t == null ? null : PARTITION_KEYS[Math.floorMod(t.hashCode(), PARTITIONS)];
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State p, Event e, Context ctx) {
    String id = token.tokenOf(e);
    long h = HashedTable.hash(id);
    long now = e.ts();
    Token s = p.tokens.get(h);
    if (s == null) {
      s = new Token();
      p.tokens.add(h, s);
    } else if (catchUp(s, now)) {
      s = new Token(); // the token had been forgotten: it starts again, as a new key would
      p.tokens.replace(h, s);
    }
    byte kind = Actions.kindOf(e);
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
      lockstep(s, id, kind, ctx);
    }
    if (token.personal() && kind != Actions.REVIEW) {
      burst(s, id, kind, ctx);
    }
    p.tokens.keepUntil(h, now + longest + 1); // no sweep forgets a token before its window empties
    if (p.sweep == NONE) {
      p.sweep = (Math.floorDiv(now, SWEEP_MS) + 1) * SWEEP_MS;
      ctx.wakeAt(p.sweep);
    }
  }

  /**
   * What the token's wake-ups did before {@code now}: its window emptied at the last action's time
   * plus {@link Velocity.Config#longest} plus 1 (its actions then went into its history), and it
   * was forgotten then if its history says no more than the prior, or {@link
   * Velocity.Config#idleMillis} after its last action. Returns whether it was forgotten.
   */
  private boolean catchUp(Token s, long now) {
    if (!s.window.isEmpty() && s.last + longest + 1 < now) {
      forget(s, s.window.size);
      if (!significant(s)) {
        return true;
      }
    }
    return s.window.isEmpty() && s.last + config.idleMillis() < now;
  }

  static String targetOf(Event e) {
    if (e instanceof Order o) {
      return o.item();
    } else if (e instanceof Review r) {
      return r.shop();
    }
    return ((Like) e).review();
  }

  /**
   * The sweep at {@code time}, after the inputs of that millisecond: every token's actions that its
   * wake-ups would have forgotten by then go into its history, and the tokens they would have
   * forgotten are dropped. Comes again while any token is left.
   */
  @Override
  public void onWake(State p, long time, Context ctx) {
    if (time != p.sweep) {
      return;
    }
    p.sweep = NONE;
    p.tokens.retain(time, s -> !swept(s, time));
    if (p.tokens.size() > 0) {
      p.sweep = time + SWEEP_MS;
      ctx.wakeAt(p.sweep);
    }
  }

  private boolean swept(Token s, long time) {
    forget(s, s.window.countBefore(time - longest));
    return s.window.isEmpty() && (!significant(s) || time >= s.last + config.idleMillis());
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State p) {
    return p.tokens.size() == 0;
  }

  /**
   * Whether the token's own history says more than the prior: more orders (likes) than the prior
   * expects over the prior's own weight plus the token's exposure. A token seen once or twice is
   * not; a carrier address or a heavy buyer is.
   */
  private boolean significant(Token s) {
    if (s.orders == 0 && s.likes == 0) {
      return false;
    }
    double bound = config.priorOrdersPerDay() * (config.priorDays() + exposureDays(s, s.last));
    return s.orders > bound || s.likes > bound;
  }

  /** Drops the n oldest actions into the token's history. */
  private void forget(Token s, int n) {
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
  private double exposureDays(Token s, long until) {
    long span = Math.max(0, until - s.first);
    return tau * -Math.expm1(-span / tau) / DAY;
  }

  // ---- lockstep ------------------------------------------------------------------------------

  private void lockstep(Token s, String id, byte kind, Context ctx) {
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
    String origin = name + "/" + id;
    String detail =
        "lockstep: "
            + c
            + " accounts behind "
            + token.wire()
            + " "
            + id
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

  private void burst(Token s, String id, byte kind, Context ctx) {
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
    String origin = burstName + "/" + id;
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
            + id
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
