package io.brushguard.detect.concentration;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.View;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Concentration: a shop whose orders, in some window of an hour, come from so few buyers that
 * orders ÷ unique buyers ≥ 3 (the Shopee order-brushing definition; see {@link BrushingWindows}),
 * as a signal among others.
 *
 * <p>The count alone is a contest's proxy: genuine buyers also place several orders at one shop
 * within the hour (gifts sent to several addresses, a basket split in parts, a reorder after a
 * mistake). So concentration counts for review only when it is <b>corroborated</b> by what the
 * buyer and the shop show; otherwise its signals stay at {@value #ALONE}, which no other single
 * weak signal can lift to review, and other detectors' evidence about the same order or buyer
 * (devices, velocity, scripted sessions) adds up with it in the decision. Corroboration follows
 * from how brushing works, a task repeated to inflate a count:
 *
 * <ul>
 *   <li><b>repeated acts</b>: the buyer came back in {@value #ACTS} or more separate shopping acts
 *       (distinct sessions; without a session id, a pause of more than {@value #ACT_GAP_MILLIS} ms
 *       between orders) inside the shop's brushing windows, where a gift order or a split basket is
 *       one act;
 *   <li><b>organised brushing</b>: two buyers each reached the ratio alone at the shop within one
 *       window of each other: a shop that hires several accounts at once. Separate episodes hours
 *       or weeks apart do not count: genuine multi-order buyers recur at a shop too (measured: with
 *       a day instead of a window, 13-39% of the simulator's genuine multi-order buyers were
 *       flagged).
 * </ul>
 *
 * <p>Signals, all with code {@code CONCENTRATION}:
 *
 * <ul>
 *   <li>every order inside a brushing window, as soon as the window is known: corroborated, from
 *       {@value #BASE} rising with the window's ratio and the buyer's count to at most {@value
 *       #CAP}; when corroboration comes later, the buyer's earlier orders are raised too;
 *   <li>the shop's suspicious buyers: every buyer whose own orders inside its brushing windows
 *       reached the ratio (the top buyers of every brushing window among them);
 *   <li>the shop itself, with the number of orders inside brushing windows, at {@value
 *       #SHOP_STRENGTH} once some buyer's concentration is corroborated ({@value #ALONE} before):
 *       below review on its own, since it cannot tell brushing from reverse brushing.
 * </ul>
 *
 * <p>Strengths stay below the block threshold: blocking needs other evidence as well.
 *
 * <p>Key: the shop. Window: {@link Config#windowSeconds}. Space per shop: the orders of up to two
 * windows (see {@link BrushingWindows}) plus one {@link BuyerTally} (about 100 bytes and up to
 * {@value BuyerTally#REMEMBERED} order ids) per buyer with orders in brushing windows, kept until
 * the shop has not brushed for {@link Config#tallySeconds}; plus the sessions that viewed it with
 * engagement in the last window (see {@link EngagedSessions}), the state itself kept {@value
 * #SESSION_RETENTION_WINDOWS} windows after the latest such view.
 */
public final class ConcentrationDetector implements Stage<ConcentrationDetector.ShopState> {
  public static final String NAME = "concentration";
  public static final String CODE = "CONCENTRATION";
  static final double BASE = 0.6;
  static final double CAP = 0.85;

  /**
   * The strength of concentration without corroboration: below review, and low enough that one more
   * weak signal of another kind cannot reach review with it either. The count alone cannot tell
   * brushing from a buyer sending gifts to several addresses or splitting a basket.
   */
  static final double ALONE = 0.29;

  /** Windows a shop's state is kept after its latest engaged view (see ShopState.sessions). */
  static final int SESSION_RETENTION_WINDOWS = 24;

  /** Separate shopping acts by one buyer that corroborate the count. */
  static final int ACTS = 3;

  /** A view read at least this long shows a shopper looking, not a worker clicking through. */
  static final long ENGAGED_DWELL_MILLIS = 20_000L;

  /** Orders without a session id that follow each other closer than this are one shopping act. */
  static final long ACT_GAP_MILLIS = 10 * 60_000L;

  /**
   * The shop's own strength stays below the default review threshold: fake orders landing at a shop
   * do not say who paid for them, and a competitor buying them to get the shop punished (reverse
   * brushing) looks the same. The shop goes to review only with other evidence.
   */
  static final double SHOP_STRENGTH = 0.45;

  /** How many suspicious buyers a shop's signal names (the rest are counted). */
  static final int LISTED = 10;

  /**
   * @param windowSeconds window length (3600: one hour, both ends included)
   * @param ratio orders ÷ unique buyers at or above which a window is brushing (3)
   * @param tallySeconds how long a shop's per-buyer counts of brushing orders last after its last
   *     brushing order (the contest counts over its whole five-day log)
   */
  public record Config(long windowSeconds, int ratio, long tallySeconds) {
    public static final Config DEFAULT = new Config(3600, 3, 30 * 86_400L);

    public Config {
      if (windowSeconds < 1 || ratio < 2 || tallySeconds < windowSeconds) {
        throw new IllegalArgumentException(
            "concentration: need window >= 1 s, ratio >= 2 and tally >= window");
      }
    }
  }

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.VIEW)
          .consumes(Cancelled.class)
          .produces(Signal.class);

  private final Config config;

  public ConcentrationDetector(Config config) {
    this.config = config;
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
    if (event instanceof Order o) {
      return o.shop();
    }
    // only a view that can show a shopper's engagement: one of a session, found by search or read
    return event instanceof View v && v.session() != null && engaged(v) ? v.shop() : null;
  }

  /** A view that shows a shopper looking: it came from a search, or it was read for a while. */
  static boolean engaged(View v) {
    return v.query() != null || v.dwellMs() >= ENGAGED_DWELL_MILLIS;
  }

  @Override
  public String keyOf(Fact fact) {
    return ((Cancelled) fact).shop();
  }

  @Override
  public ShopState newState() {
    return new ShopState(config);
  }

  @Override
  public void onEvent(ShopState state, Event event, Context context) {
    if (event instanceof View v) {
      state.viewed(v, context);
      return;
    }
    Order order = (Order) event;
    if (!state.recent.add(order)) {
      return; // the same order delivered again (at-least-once sources): counted once
    }
    state.context = context;
    try {
      long second = Math.floorDiv(order.ts(), 1000);
      boolean mayBrush = state.windows.add(second, order.account(), order);
      if (mayBrush) {
        context.wakeAt(second * 1000 + 999); // confirm once this second is complete
      }
      state.recent.forgetBefore(state.windows.oldestHeldSecond());
      state.emitShop(context.key());
      schedule(state, context);
    } finally {
      state.context = null;
    }
  }

  /**
   * An order was cancelled: it stops counting towards its buyer's repeated acts, and its own signal
   * is withdrawn. One not yet inside a brushing window is remembered while it is held.
   */
  @Override
  public void onFact(ShopState state, Fact fact, Context context) {
    Cancelled c = (Cancelled) fact;
    state.recent.cancel(c.order()); // for windows still to be found
    BuyerTally t = state.tally.get(c.buyer());
    if (t == null || !t.cancel(c.order())) {
      return;
    }
    state.context = context;
    try {
      String origin = NAME + "/" + context.key();
      context.emit(new Signal(EntityKind.ORDER, c.order(), CODE, origin, 0, c.ts(), null));
      if (t.corroborated && !state.corroborated(t)) {
        t.corroborated = false;
        t.reaffirm(state, origin, c.order(), c.ts());
        if (t.orders > 0) {
          state.emitAccount(c.buyer(), t, context.key(), origin, c.ts());
        }
      }
    } finally {
      state.context = null;
    }
  }

  @Override
  public void onWake(ShopState state, long time, Context context) {
    state.context = context;
    try {
      // only seconds that are over at `time` are complete: a wake-up moved 1 ms past the end of a
      // second (asked for by an order at .999) must not close the next one
      state.windows.closeUpTo(Math.floorDiv(time + 1, 1000) - 1);
      state.recent.forgetBefore(state.windows.oldestHeldSecond());
      state.emitShop(context.key());
      if (!state.tally.isEmpty() && time >= state.tallyExpiry()) {
        state.forgetTally();
      }
      state.expireSessions(time, context);
      schedule(state, context);
    } finally {
      state.context = null;
    }
  }

  @Override
  public boolean isEmpty(ShopState state) {
    // sessions first: after a view (most calls) they are not empty, and the other parts are not
    // read
    return state.sessions.isEmpty() && state.windows.held() == 0 && state.tally.isEmpty();
  }

  private static void schedule(ShopState state, Context context) {
    long close = state.windows.nextCloseSecond();
    if (close >= 0 && close != state.scheduledClose) {
      state.scheduledClose = close;
      context.wakeAt(close * 1000 + 999);
    }
    if (!state.tally.isEmpty() && state.tallyExpiry() != state.scheduledExpiry) {
      state.scheduledExpiry = state.tallyExpiry();
      context.wakeAt(state.scheduledExpiry);
    }
  }

  /** The state of one shop. */
  public static final class ShopState extends Expiring implements BrushingWindows.Listener {
    private final Config config;

    /**
     * How long the sessions (dead or alive) are kept after the shop's latest engaged view: {@link
     * #SESSION_RETENTION_WINDOWS} windows, though a view counts for one window only (see {@link
     * EngagedSessions}). Kept longer than needed on purpose: most shops see an engaged view or two
     * an hour, and forgetting the shop's state a window after each made a state and a wake-up per
     * view, most of this stage's cost.
     */
    private final long sessionRetention;

    final BrushingWindows windows;

    /** Orders inside brushing windows, per buyer; the top ones are the suspicious buyers. */
    final Map<String, BuyerTally> tally = new LinkedHashMap<>();

    /**
     * Buyers who reached the ratio alone within the last window and are not yet marked organised
     * (at most one entry per such buyer).
     */
    private final ArrayDeque<AtRatio> atRatio = new ArrayDeque<>(0);

    /** Buyers marked organised during this call, whose signals are still to be raised. */
    private final List<String> newlyOrganised = new ArrayList<>();

    /** Whether any buyer's concentration here is corroborated (the shop's signal then rises). */
    private boolean anyCorroborated;

    /** The buyers tied for the most orders inside brushing windows, in the order they got there. */
    private final LinkedHashSet<String> leaders = new LinkedHashSet<>();

    private int leaderCount;

    /** Whether the shop's signal is due: emitted once per call, not once per brushing order. */
    private boolean shopChanged;

    private String shopOrigin;

    /** The latest brushing window found, in words. */
    private String latestWindow;

    private long shopTs;
    private long brushingOrders;
    private long lastBrushingTs = Long.MIN_VALUE;
    private long scheduledClose = -1;
    private long scheduledExpiry = -1;

    /**
     * Sessions that looked at this shop with engagement (a view from a search, or one read for
     * {@value #ENGAGED_DWELL_MILLIS} ms or more) in the last window, with the time of their latest
     * such view; forgotten together {@link #SESSION_RETENTION_WINDOWS} windows after the latest
     * (the state's one {@link Expiring} wake-up for them), dead ones dropped lazily before. Space:
     * see {@link EngagedSessions}.
     */
    final EngagedSessions sessions;

    void viewed(View v, Context context) {
      sessions.viewed(v.session(), v.ts());
      touch(context, sessionRetention);
    }

    /** At a wake-up: forgets the sessions once the latest engaged view is old enough. */
    void expireSessions(long time, Context context) {
      if (expired(time, context, sessionRetention)) {
        sessions.clear();
      }
    }

    /** Order ids of the held orders, to count an order delivered twice once. */
    final RecentOrders recent = new RecentOrders();

    /** Set only during a call; never part of the saved state. */
    private transient Stage.Context context;

    ShopState(Config config) {
      this.config = config;
      this.sessionRetention = SESSION_RETENTION_WINDOWS * config.windowSeconds() * 1000 + 1;
      this.sessions = new EngagedSessions(config.windowSeconds() * 1000);
      this.windows = new BrushingWindows(config.windowSeconds(), config.ratio(), this);
    }

    @Override
    public void brushing(Object handle, String buyer, int orders, int buyers, long fromSecond) {
      Order order = (Order) handle;
      if (recent.isCancelled(order.order())) {
        return; // cancelled before its window was found: not a sale
      }
      String shop = order.shop();
      String origin = NAME + "/" + shop;
      if (lastBrushingTs != Long.MIN_VALUE && order.ts() > tallyExpiry()) {
        forgetTally(); // a new episode: earlier suspicious buyers keep their signals
      }
      lastBrushingTs = Math.max(lastBrushingTs, order.ts());
      brushingOrders++;
      BuyerTally t = tally.computeIfAbsent(buyer, b -> new BuyerTally());
      t.add(order, sessions.engaged(order.session(), context.now()));
      if (t.orders == config.ratio()) {
        reachedRatio(buyer, t, order.ts());
      }
      double strong = strength((double) orders / buyers - config.ratio(), orders - config.ratio());
      t.strong = Math.max(t.strong, strong);
      latestWindow =
          orders
              + " orders by "
              + buyers
              + (buyers == 1 ? " buyer" : " buyers")
              + " in "
              + Instant.ofEpochSecond(fromSecond)
              + " .. "
              + Instant.ofEpochSecond(fromSecond + config.windowSeconds());
      boolean wasCorroborated = t.corroborated;
      t.corroborated = corroborated(t);
      anyCorroborated |= t.corroborated;
      context.emit(
          new Signal(
              EntityKind.ORDER,
              order.order(),
              CODE,
              origin,
              t.corroborated ? strong : ALONE,
              order.ts(),
              orderDetail(t)));
      if (t.corroborated && !wasCorroborated) {
        t.reaffirm(this, origin, order.order(), order.ts());
      }
      for (String other : newlyOrganised) {
        BuyerTally o = tally.get(other);
        if (o != t && !o.corroborated && corroborated(o)) {
          o.corroborated = true;
          anyCorroborated = true;
          o.reaffirm(this, origin, order.order(), order.ts());
          if (o.orders >= config.ratio()) {
            emitAccount(other, o, shop, origin, order.ts());
          }
        }
      }
      newlyOrganised.clear();
      updateLeaders(buyer, t, shop, origin, order.ts());
      shopChanged = true;
      shopOrigin = origin;
      shopTs = Math.max(shopTs, order.ts());
    }

    /**
     * Whether concentration counts for review: the buyer came back to order in at least {@value
     * #ACTS} separate shopping acts inside the shop's brushing windows (a gift order to several
     * addresses or a basket split in parts is one act), or the shop's brushing is organised: two
     * buyers each reached the ratio alone within one window of each other.
     */
    boolean corroborated(BuyerTally t) {
      return t.orders >= 2 && (t.acts >= ACTS || t.organised);
    }

    /**
     * A buyer's own orders reached the ratio: with another buyer who did within one window of it,
     * both are part of organised brushing. Each buyer is marked once, so the work stays linear in
     * the orders.
     */
    private void reachedRatio(String buyer, BuyerTally t, long ts) {
      while (!atRatio.isEmpty() && atRatio.peekFirst().ts < ts - config.windowSeconds() * 1000) {
        atRatio.pollFirst();
      }
      for (AtRatio a : atRatio) {
        if (!a.buyer.equals(buyer)) {
          t.organised = true;
          BuyerTally other = tally.get(a.buyer);
          if (other != null && !other.organised) {
            other.organised = true;
            newlyOrganised.add(a.buyer);
          }
        }
      }
      if (t.organised) {
        atRatio.removeIf(a -> tally.get(a.buyer) == null || tally.get(a.buyer).organised);
      }
      atRatio.addLast(new AtRatio(buyer, ts));
    }

    private record AtRatio(String buyer, long ts) {}

    /** The evidence for one of the buyer's orders inside the shop's brushing windows. */
    String orderDetail(BuyerTally t) {
      return "order by "
          + t.buyer
          + ", one of "
          + t.orders
          + " by this buyer inside brushing windows at shop "
          + context.key()
          + " (latest window: "
          + latestWindow
          + "); "
          + corroboration(t);
    }

    private String corroboration(BuyerTally t) {
      if (!t.corroborated) {
        return "not corroborated yet (one shopping act or too few repeats): the count alone can be a"
            + " genuine buyer's gifts or split basket";
      }
      StringBuilder why = new StringBuilder("corroborated: ");
      if (t.acts >= ACTS) {
        why.append(t.acts).append(" separate shopping acts by this buyer");
      }
      if (t.organised) {
        why.append(t.acts >= ACTS ? "; " : "")
            .append("the shop's brushing is organised (two buyers each at the ratio alone within ")
            .append(config.windowSeconds())
            .append(" s)");
      }
      return why.toString();
    }

    /**
     * The shop's own signal, once per call however many brushing orders the call found, naming at
     * most {@value #LISTED} suspicious buyers: its cost stays linear in the orders.
     */
    void emitShop(String shop) {
      if (!shopChanged) {
        return;
      }
      shopChanged = false;
      StringBuilder named = new StringBuilder();
      int n = 0;
      for (String leader : leaders) {
        if (n == LISTED) {
          named.append(" and ").append(leaders.size() - LISTED).append(" more");
          break;
        }
        named.append(n++ == 0 ? "" : ", ").append(leader);
      }
      context.emit(
          new Signal(
              EntityKind.SHOP,
              shop,
              CODE,
              shopOrigin,
              anyCorroborated ? SHOP_STRENGTH : ALONE,
              shopTs,
              brushingOrders
                  + " orders inside brushing windows (orders ÷ buyers ≥ "
                  + config.ratio()
                  + " within "
                  + config.windowSeconds()
                  + " s); suspicious buyers "
                  + named
                  + "; who paid for them is not known yet (a competitor may be framing the shop)"));
    }

    long tallyExpiry() {
      return lastBrushingTs + config.tallySeconds() * 1000;
    }

    void forgetTally() {
      tally.clear();
      leaders.clear();
      leaderCount = 0;
      brushingOrders = 0;
      atRatio.clear();
      anyCorroborated = false;
    }

    /**
     * Keeps the shop's top buyers (named in its signal) and signals every buyer whose own orders
     * inside brushing windows reached the ratio. A top buyer always has (a window needs orders ÷
     * buyers ≥ ratio, so its top buyer placed at least that many), so none is ever withdrawn.
     */
    private void updateLeaders(String buyer, BuyerTally t, String shop, String origin, long ts) {
      int count = t.orders;
      if (count > leaderCount) {
        leaders.clear();
        leaderCount = count;
      }
      if (count == leaderCount) {
        leaders.add(buyer);
      }
      if (count >= config.ratio()) {
        emitAccount(buyer, t, shop, origin, ts);
      }
    }

    void emitAccount(String buyer, BuyerTally t, String shop, String origin, long ts) {
      double s =
          t.corroborated ? Math.max(strength(0, t.orders - config.ratio()), t.strong) : ALONE;
      context.emit(
          new Signal(
              EntityKind.ACCOUNT,
              buyer,
              CODE,
              origin,
              s,
              ts,
              (leaders.contains(buyer) ? "top buyer" : "repeat buyer")
                  + " of shop "
                  + shop
                  + "'s orders inside brushing windows: "
                  + t.orders
                  + " of "
                  + brushingOrders
                  + "; "
                  + corroboration(t)));
    }

    /** BASE, plus 0.05 per unit of ratio above the threshold and 0.02 per extra order. */
    private static double strength(double ratioExcess, long extraOrders) {
      double s = BASE + 0.05 * Math.max(0, ratioExcess) + 0.02 * Math.max(0, extraOrders);
      return Math.min(CAP, Math.round(s * 1000) / 1000.0);
    }
  }

  /**
   * One buyer's orders inside a shop's brushing windows: the count of live (not cancelled) orders,
   * the separate shopping acts they came in, and the first {@value #REMEMBERED} ids (to raise or
   * lower their signals when corroboration changes, and to take back a cancelled one). Space: about
   * 150 bytes plus the ids.
   */
  static final class BuyerTally {
    static final int REMEMBERED = 32;

    /** Acts tracked per buyer: enough to count {@value #ACTS} while others are cancelled. */
    private static final int SLOTS = 2 * ACTS;

    int orders;
    int acts;
    double strong;
    boolean corroborated;
    boolean organised;
    private String buyer;
    private int remembered;
    private final String[] ids = new String[REMEMBERED];
    private final byte[] actOf = new byte[REMEMBERED];
    private final String[] sessions = new String[SLOTS];
    private final long[] actTimes = new long[SLOTS];
    private final int[] live = new int[SLOTS];

    /** Counts an order; one from a session that searched or looked around is no repeated act. */
    void add(Order order, boolean engaged) {
      buyer = order.account();
      orders++;
      int slot = engaged ? -1 : actFor(order);
      if (slot >= 0) {
        if (live[slot]++ == 0) {
          acts++;
        }
      }
      if (remembered < REMEMBERED) {
        ids[remembered] = order.order();
        actOf[remembered] = (byte) slot;
        remembered++;
      }
    }

    /** The act slot of this order: a live act it belongs to, else a free slot (-1 if none). */
    private int actFor(Order order) {
      int free = -1;
      for (int k = 0; k < SLOTS; k++) {
        if (live[k] == 0) {
          free = free < 0 ? k : free;
          continue;
        }
        boolean same =
            order.session() != null && sessions[k] != null
                ? order.session().equals(sessions[k])
                : Math.abs(order.ts() - actTimes[k]) <= ACT_GAP_MILLIS;
        if (same) {
          actTimes[k] = Math.max(actTimes[k], order.ts()); // an act lasts while orders continue
          return k;
        }
      }
      if (free >= 0) {
        sessions[free] = order.session();
        actTimes[free] = order.ts();
      }
      return free;
    }

    /** Takes back a remembered order; false when it is not one of them (or already taken). */
    boolean cancel(String order) {
      for (int k = 0; k < remembered; k++) {
        if (order.equals(ids[k])) {
          ids[k] = null;
          orders--;
          int slot = actOf[k];
          if (slot >= 0 && --live[slot] == 0) {
            acts--;
          }
          return true;
        }
      }
      return false;
    }

    /**
     * Re-emits the remembered live orders (all but {@code current}) at the strength the buyer's
     * corroboration now gives.
     */
    void reaffirm(ShopState shop, String origin, String current, long ts) {
      for (int k = 0; k < remembered; k++) {
        if (ids[k] != null && !ids[k].equals(current)) {
          shop.context.emit(
              new Signal(
                  EntityKind.ORDER,
                  ids[k],
                  CODE,
                  origin,
                  corroborated ? strong : ALONE,
                  ts,
                  shop.orderDetail(this)));
        }
      }
    }
  }
}
