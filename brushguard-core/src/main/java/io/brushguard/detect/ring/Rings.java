package io.brushguard.detect.ring;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import io.brushguard.resolve.LikeLinked;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * RING: groups of accounts that act together on the same shops in the same hours, found as dense
 * blocks of a multi-relation graph by FRAUDAR's camouflage-resistant peeling, kept up to date as
 * edges arrive and expire.
 *
 * <p><b>How the fraud works.</b> A gang's strength is numbers: dozens of accounts run by one
 * operator (group-control software, a like farm, hired accounts) order, review and like at the same
 * client shops in waves, from a few devices, proxies and payment accounts, and mix in purchases at
 * popular honest shops as camouflage. Each account alone looks ordinary; together they are a dense
 * block of accounts × (shop, hour) and accounts × tokens.
 *
 * <p><b>Graph</b> ({@link RingGraph}). Rows are accounts; a column is one of: a shop in one hour of
 * event time (orders, reviews and likes there), a device, an IP (from registrations, orders,
 * reviews and likes), a payment account (links and orders), an identity (registrations), and the
 * payer of transfers and red packets to the account's payment account. Each edge keeps the last
 * minute it was seen and expires {@code window} (7 days) later.
 *
 * <p><b>Detection</b> ({@link Peeling}), in batches at hourly wake-ups, never per event: the rows
 * that gained an edge to a shared column since the last wake-up (and were at a shop), with every
 * account sharing two or more columns with one of them (columns of at most {@value #EXPAND_MAX}
 * accounts: popular columns weigh little and tie strangers), are loaded with the columns two of
 * them share; each connected component is peeled greedily with FRAUDAR's weights {@code 1/ln(degree
 * + 5)} (a 2-approximation of the densest block), and blocks are taken while they qualify. A block
 * is a ring when it has at least {@value #MIN_ACCOUNTS} accounts, at least {@value #MIN_SHOP_HOURS}
 * shop-hour columns (acting together on shops, more than once), and density at least {@value
 * #MIN_DENSITY}: every account, on average, ties to the others through about two shared columns of
 * the block more than it brings, which a family on one device, strangers behind a carrier NAT or a
 * dorm's IP, or the buyers of a flash sale (one shop-hour each) do not reach; and at least {@value
 * #MIN_LIFT} times the weight the configuration model puts between its rows and columns. Of such a
 * block only the members that keep meeting the same accounts stay ({@link Recurrence}: two
 * shop-hours together, or one and a shared device, payer or identity, with at least two such
 * partners), and what stays must still qualify: a heavy genuine shopper is dense with a gang only
 * by volume and meets a different stranger each time. Like Spade (Jiang et al., VLDB 2023) only the
 * neighbourhood of what changed is peeled again; unlike it, the peeling order is not kept between
 * batches (the local peeling costs less than keeping it for the whole graph at these block sizes,
 * see {@code docs/rings.md}).
 *
 * <p><b>Rings and ids.</b> A block that holds at least half of a known ring's accounts, or whose
 * accounts are at least half of that ring's, updates it (accounts and shops accumulate); otherwise
 * it starts a ring named {@code R-} and its smallest account. One key, so the ids and the order of
 * everything are the same in both runtimes. A ring is forgotten a window after it was last found.
 *
 * <p><b>Signals</b> (code {@value #CODE}, with the ring id): on each account of a block, and on its
 * orders, reviews and likes at the ring's shops in the window (camouflage purchases at other shops
 * are not the ring's doing and are left alone), once each: {@value #WITH_TOKENS} when the block
 * also shares devices, IPs, payment accounts, identities or a payer, else {@value #SHOPS_ONLY}. A
 * ring paid by a rival (reverse brushing) is flagged the same: its orders' other reason {@code
 * REVERSE_BRUSHING} keeps the victim shop's credit whole ({@code Reason.NOT_THE_SHOPS_DOING}), and
 * this stage never signals a shop.
 *
 * <p><b>Key, window, memory.</b> One key ({@value #KEY}). Per live edge about 70 to 90 bytes (see
 * {@link RingGraph}), per action kept about 40, per ring member about 100. A platform with 10
 * million live edges needs about 1 GB for this stage.
 *
 * <p>References: Hooi et al., "FRAUDAR: Bounding Graph Fraud in the Face of Camouflage" (KDD 2016);
 * Jiang et al., "Spade: A Real-Time Fraud Detection Framework on Evolving Graphs" (VLDB 2023) and
 * its edge-deletion successor; Charikar, "Greedy approximation algorithms for finding dense
 * components in a graph" (APPROX 2000).
 */
public final class Rings implements Stage<Rings.State> {
  public static final String NAME = "rings";
  public static final String CODE = "RING";
  static final String KEY = "all";
  static final int MIN_ACCOUNTS = 5;
  static final int MIN_SHOP_HOURS = 2;
  static final double MIN_DENSITY = 1.0;
  static final int EXPAND_MAX = RingGraph.PEELED_MAX;
  static final double MIN_LIFT = 10;
  static final int MAX_BLOCKS = 4;
  static final double WITH_TOKENS = 0.9;
  static final double SHOPS_ONLY = 0.6;

  /**
   * The most an order, review or like of a member at the ring's shops is signalled: below the
   * default review threshold, so that membership alone sends none of them to a person (a member's
   * own purchase there may be genuine: on the medium markets of seeds 2 and 3, RING alone sent
   * 0.2-0.3% of genuine orders to review), while with any other evidence on them it counts.
   */
  static final double ACT_CAP = 0.45;

  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;

  private static final Wiring WIRING =
      Wiring.events(
              EventType.ORDER,
              EventType.REVIEW,
              EventType.LIKE,
              EventType.ACCOUNT,
              EventType.LINK,
              EventType.PAYMENT)
          .consumes(LikeLinked.class)
          .produces(Signal.class, RingFound.class);

  private final long windowMillis;

  public Rings(long windowMillis) {
    if (windowMillis < HOUR) {
      throw new IllegalArgumentException("ring window must be at least an hour: " + windowMillis);
    }
    this.windowMillis = windowMillis;
  }

  /** The defaults: a window of 7 days. */
  public static Rings standard() {
    return new Rings(7 * 24 * HOUR);
  }

  /** One ring found so far. */
  static final class Ring {
    final String id;
    final TreeSet<String> accounts = new TreeSet<>();
    final TreeSet<String> shops = new TreeSet<>();
    int orders;
    int reviews;
    int likes;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    double strength;
    int devices;
    int ips;
    double density;
    long foundAt;

    Ring(String id) {
      this.id = id;
    }
  }

  /** The graph, the rings and the next wake-up. */
  public static final class State {
    RingGraph graph;
    final List<Ring> rings = new ArrayList<>();
    final Map<String, String> ringOf = new HashMap<>(); // account -> ring id
    long wake = Long.MIN_VALUE;
    transient Peeling peeling; // scratch only: not checkpointed, made again when needed
    transient Recurrence recurrence; // scratch, likewise
    int[] shared = new int[64]; // scratch: per row, columns shared with the current dirty row
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
  public String keyOf(Event event) {
    if (event instanceof Account a) {
      return a.role() == Account.Role.BUYER ? KEY : null;
    }
    if (event instanceof Payment p) {
      return p.kind() == Payment.Kind.TRANSFER || p.kind() == Payment.Kind.RED_PACKET ? KEY : null;
    }
    return KEY;
  }

  @Override
  public String keyOf(Fact fact) {
    return KEY;
  }

  @Override
  public State newState() {
    State s = new State();
    s.graph = new RingGraph((int) (windowMillis / MINUTE));
    return s;
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    RingGraph g = s.graph;
    int minute = minute(ctx.now());
    if (event instanceof Order o) {
      int r = g.row(o.account());
      shopHour(g, r, o.shop(), minute);
      tokens(g, r, o.device(), o.ip(), minute);
      token(g, r, RingGraph.PAYER, o.payer(), minute);
      g.action(r, RingGraph.ORDER, o.order(), o.shop(), minute);
    } else if (event instanceof Review v) {
      int r = g.row(v.account());
      shopHour(g, r, v.shop(), minute);
      tokens(g, r, v.device(), v.ip(), minute);
      g.action(r, RingGraph.REVIEW, v.review(), v.shop(), minute);
    } else if (event instanceof Like l) {
      tokens(g, g.row(l.account()), l.device(), l.ip(), minute);
    } else if (event instanceof Account a) {
      int r = g.row(a.account());
      tokens(g, r, a.device(), a.ip(), minute);
      token(g, r, RingGraph.IDENTITY, a.identity(), minute);
    } else if (event instanceof Link l) {
      token(g, g.row(l.account()), RingGraph.PAYER, l.payer(), minute);
    } else if (event instanceof Payment p) {
      paidBy(g, p, minute);
    }
    wake(s, ctx);
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    LikeLinked l = (LikeLinked) fact;
    RingGraph g = s.graph;
    int minute = minute(l.likedAt());
    int r = g.row(l.liker());
    shopHour(g, r, l.shop(), minute);
    g.action(r, RingGraph.LIKE, l.liker() + Like.SEPARATOR + l.review(), l.shop(), minute);
    wake(s, ctx);
  }

  private static int minute(long ts) {
    return (int) Math.floorDiv(ts, MINUTE);
  }

  private static void shopHour(RingGraph g, int r, String shop, int minute) {
    int hour = Math.floorDiv(minute, 60);
    g.touch(r, g.col(RingGraph.shopHourKey(shop, hour), RingGraph.SHOP_HOUR, shop), minute);
  }

  private static void tokens(RingGraph g, int r, String device, String ip, int minute) {
    token(g, r, RingGraph.DEVICE, device, minute);
    token(g, r, RingGraph.IP, ip, minute);
  }

  private static void token(RingGraph g, int r, byte kind, String token, int minute) {
    if (token != null && !token.isEmpty()) {
      g.touch(r, g.col(RingGraph.tokenKey(kind, token), kind, null), minute);
    }
  }

  /** Money to a person: an edge from the payer to the accounts behind the receiving account. */
  private static void paidBy(RingGraph g, Payment p, int minute) {
    if (p.from() == null || p.to() == null) {
      return;
    }
    int to = g.findCol(RingGraph.tokenKey(RingGraph.PAYER, p.to()));
    if (to < 0 || g.colDeg[to] > 2) {
      return; // unknown, or a shared payment account: no one to tie
    }
    int c = -1;
    for (int e = g.colHead[to]; e != -1; e = g.eNextC[e]) {
      if (c < 0) {
        c = g.col(RingGraph.tokenKey(RingGraph.PAID_BY, p.from()), RingGraph.PAID_BY, null);
      }
      g.touch(g.eRow[e], c, minute);
    }
  }

  private static void wake(State s, Context ctx) {
    long next = Math.floorDiv(ctx.now(), HOUR) * HOUR + HOUR;
    if (s.wake < next) {
      s.wake = next;
      ctx.wakeAt(next);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    RingGraph g = s.graph;
    g.expire(minute(time));
    forgetRings(s, time);
    detect(s, ctx);
  }

  private void forgetRings(State s, long now) {
    s.rings.removeIf(
        r -> {
          if (now - r.foundAt <= windowMillis) {
            return false;
          }
          for (String a : r.accounts) {
            s.ringOf.remove(a, r.id);
          }
          return true;
        });
  }

  /** Peels the neighbourhood of the rows that changed, and takes the blocks that qualify. */
  private void detect(State s, Context ctx) {
    int[] dirty = s.graph.takeDirty();
    if (dirty.length == 0) {
      return;
    }
    if (s.peeling == null) {
      s.peeling = new Peeling();
    }
    if (s.shared.length < s.graph.rows) {
      s.shared = new int[Math.max(s.graph.rows, 2 * s.shared.length)];
    }
    RingGraph g = s.graph;
    if (s.recurrence == null) {
      s.recurrence = new Recurrence();
    }
    for (Peeling.Block b :
        blocks(g, s.peeling, s.recurrence, s.shared, dirty, x -> qualifies(g, x))) {
      take(s, b, ctx);
    }
  }

  /**
   * The blocks around the rows {@code dirty}: their neighbourhood loaded, each connected component
   * peeled while its densest block passes {@code qualifies} (at most {@value #MAX_BLOCKS} each).
   * {@code shared} is zeroed scratch of at least {@code g.rows} ints, and left zeroed.
   */
  static List<Peeling.Block> blocks(
      RingGraph g,
      Peeling p,
      Recurrence recurrence,
      int[] shared,
      int[] dirty,
      java.util.function.Predicate<Peeling.Block> qualifies) {
    List<Peeling.Block> out = new ArrayList<>();
    int[] candidates = neighbourhood(g, shared, dirty);
    if (candidates.length < MIN_ACCOUNTS) {
      return out;
    }
    p.load(g, candidates, EXPAND_MAX);
    int[][] local = new int[1][];
    for (int[] component : p.components(MIN_ACCOUNTS)) {
      for (int k = 0; k < MAX_BLOCKS; k++) {
        Peeling.Block b = p.densest(component, local);
        if (b == null || !qualifies.test(b)) {
          break;
        }
        p.drop(local[0]);
        Peeling.Block core = recurrence.prune(g, b, MIN_ACCOUNTS);
        if (core != null && qualifies.test(core)) {
          out.add(core);
        }
      }
    }
    return out;
  }

  /**
   * The dirty rows that share two or more columns with another account, and those accounts, in row
   * order: where a block can have grown.
   */
  static int[] neighbourhood(RingGraph g, int[] shared, int[] dirty) {
    // shared[o] counts columns o shares with the current dirty row; the sign bit marks a row taken
    int[] touched = new int[64];
    int[] out = new int[64];
    int count = 0;
    for (int r : dirty) {
      if (g.rowShop[r] == 0) {
        continue; // its shop-hours expired since
      }
      int t = 0;
      for (int e = g.rowHead[r]; e != -1; e = g.eNextR[e]) {
        int c = g.eCol[e];
        if (g.colDeg[c] < 2 || g.colDeg[c] > EXPAND_MAX) {
          continue;
        }
        for (int f = g.colHead[c]; f != -1; f = g.eNextC[f]) {
          int o = g.eRow[f];
          if (o != r && g.rowShop[o] > 0 && (shared[o]++ & COUNT) == 0) {
            if (t == touched.length) {
              touched = Arrays.copyOf(touched, 2 * t);
            }
            touched[t++] = o;
          }
        }
      }
      for (int k = 0; k < t; k++) {
        int o = touched[k];
        boolean tied = (shared[o] & COUNT) >= 2;
        shared[o] &= TAKEN;
        if (tied) {
          for (int x : new int[] {o, r}) {
            if ((shared[x] & TAKEN) == 0) {
              shared[x] |= TAKEN;
              if (count == out.length) {
                out = Arrays.copyOf(out, 2 * count);
              }
              out[count++] = x;
            }
          }
        }
      }
    }
    out = Arrays.copyOf(out, count);
    for (int x : out) {
      shared[x] = 0;
    }
    Arrays.sort(out);
    return out;
  }

  private static final int TAKEN = 1 << 30;
  private static final int COUNT = TAKEN - 1;

  private static boolean qualifies(RingGraph g, Peeling.Block b) {
    if (b.rows().length < MIN_ACCOUNTS || b.density() < MIN_DENSITY) {
      return false;
    }
    int shopHours = 0;
    for (int c : b.cols()) {
      if (g.colKind[c] == RingGraph.SHOP_HOUR) {
        shopHours++;
      }
    }
    return shopHours >= MIN_SHOP_HOURS && lift(g, b) >= MIN_LIFT;
  }

  /**
   * How many times more weight the block's edges carry than chance would put between its rows and
   * columns given their degrees (the configuration model: an edge lands between row {@code r} and
   * column {@code c} with probability {@code d_r d_c / E}). A gang concentrates its edges in its
   * own columns; heavy genuine shoppers at popular shops are dense only because they are heavy.
   */
  static double lift(RingGraph g, Peeling.Block b) {
    double rowDegrees = 0;
    for (int r : b.rows()) {
      rowDegrees += g.rowDeg[r];
    }
    double colWeight = 0;
    for (int c : b.cols()) {
      colWeight += g.colDeg[c] * Peeling.weight(g.colDeg[c]);
    }
    double expected = rowDegrees * colWeight / Math.max(1, g.liveEdges());
    return b.weight() / Math.max(expected, 1e-9);
  }

  /** Records a block as a new ring or an update of one, and signals what is new. */
  private void take(State s, Peeling.Block b, Context ctx) {
    RingGraph g = s.graph;
    String[] accounts = new String[b.rows().length];
    for (int k = 0; k < accounts.length; k++) {
      accounts[k] = g.rowId[b.rows()[k]];
    }
    Ring ring = match(s, accounts);
    if (ring == null) {
      String smallest = Arrays.stream(accounts).min(String::compareTo).orElseThrow();
      ring = new Ring(uniqueId(s, "R-" + smallest));
      s.rings.add(ring);
    }
    int devices = 0;
    int ips = 0;
    boolean tokens = false;
    for (int c : b.cols()) {
      byte kind = g.colKind[c];
      if (kind == RingGraph.SHOP_HOUR) {
        ring.shops.add(g.colShop[c]);
      } else {
        tokens = true;
        devices += kind == RingGraph.DEVICE ? 1 : 0;
        ips += kind == RingGraph.IP ? 1 : 0;
      }
    }
    ring.devices = devices;
    ring.ips = ips;
    ring.density = Math.round(b.density() * 100) / 100.0;
    ring.strength = Math.max(ring.strength, tokens ? WITH_TOKENS : SHOPS_ONLY);
    ring.foundAt = ctx.now();
    String origin = NAME + "/" + ring.id;
    String detail =
        "ring "
            + ring.id
            + ": "
            + b.rows().length
            + " accounts acting together on "
            + ring.shops.size()
            + (ring.shops.size() == 1 ? " shop" : " shops")
            + " (FRAUDAR density "
            + ring.density
            + ", "
            + devices
            + " shared devices, "
            + ips
            + " shared IPs)";
    for (int k = 0; k < accounts.length; k++) {
      String a = accounts[k];
      if (!ring.id.equals(s.ringOf.get(a))) {
        s.ringOf.put(a, ring.id);
        ring.accounts.add(a);
        ctx.emit(
            new Signal(
                EntityKind.ACCOUNT, a, CODE, origin, ring.strength, ctx.now(), detail, ring.id));
      }
      actions(g, b.rows()[k], ring, origin, detail, ctx);
    }
    ctx.emit(found(ring));
  }

  /** Signals the row's orders, reviews and likes at the ring's shops, those not yet signalled. */
  private static void actions(
      RingGraph g, int r, Ring ring, String origin, String detail, Context ctx) {
    for (long q = g.rowAct[r]; q >= 0 && g.kept(q); q = g.actNext[g.slot(q)]) {
      int a = g.slot(q);
      if (g.actSignalled[a] || !ring.shops.contains(g.actShop[a])) {
        continue;
      }
      g.actSignalled[a] = true;
      EntityKind kind;
      switch (g.actKind[a]) {
        case RingGraph.ORDER -> {
          kind = EntityKind.ORDER;
          ring.orders++;
        }
        case RingGraph.REVIEW -> {
          kind = EntityKind.REVIEW;
          ring.reviews++;
        }
        default -> {
          kind = EntityKind.LIKE;
          ring.likes++;
        }
      }
      long ts = g.actMinute[a] * MINUTE;
      ring.first = Math.min(ring.first, ts);
      ring.last = Math.max(ring.last, ts);
      ctx.emit(
          new Signal(
              kind,
              g.actId[a],
              CODE,
              origin,
              Math.min(ring.strength, ACT_CAP),
              ctx.now(),
              detail,
              ring.id));
    }
  }

  /** The known ring this block continues, or null. */
  private static Ring match(State s, String[] accounts) {
    Map<String, Integer> overlap = new HashMap<>();
    for (String a : accounts) {
      String r = s.ringOf.get(a);
      if (r != null) {
        overlap.merge(r, 1, Integer::sum);
      }
    }
    Ring best = null;
    int most = 0;
    for (Ring r : s.rings) { // in the order found: deterministic
      int n = overlap.getOrDefault(r.id, 0);
      if (n > most) {
        best = r;
        most = n;
      }
    }
    if (best != null && (2 * most >= accounts.length || 2 * most >= best.accounts.size())) {
      return best;
    }
    return null;
  }

  private static String uniqueId(State s, String id) {
    String out = id;
    for (int k = 2; ; k++) {
      String candidate = out;
      if (s.rings.stream().noneMatch(r -> r.id.equals(candidate))) {
        return candidate;
      }
      out = id + "-" + k;
    }
  }

  private static RingFound found(Ring r) {
    return new RingFound(
        r.id,
        List.copyOf(r.accounts),
        List.copyOf(r.shops),
        r.orders,
        r.reviews,
        r.likes,
        r.first == Long.MAX_VALUE ? r.foundAt : r.first,
        r.last == Long.MIN_VALUE ? r.foundAt : r.last,
        r.strength,
        r.devices,
        r.ips,
        r.density);
  }

  @Override
  public boolean isEmpty(State s) {
    return s.graph.isEmpty() && s.rings.isEmpty();
  }
}
