package io.brushguard.detect.concentration;

import io.brushguard.detect.Detector;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Concentration: a shop whose orders, in some window of an hour, come from so few buyers that
 * orders ÷ unique buyers ≥ 3 (the Shopee order-brushing definition; see {@link BrushingWindows}).
 *
 * <p>Signals, all with code {@code CONCENTRATION}:
 *
 * <ul>
 *   <li>every order inside a brushing window, as soon as the window is known;
 *   <li>the shop's suspicious buyers: those with the most orders inside the shop's brushing windows
 *       (ties all count); a buyer overtaken by another is withdrawn;
 *   <li>the shop itself, with the number of orders inside brushing windows, at {@value
 *       #SHOP_STRENGTH}: below review on its own, since it cannot tell brushing from reverse
 *       brushing.
 * </ul>
 *
 * <p>Concentration alone is not proof (a loyal customer can reorder three times in an hour at a
 * quiet shop), so strengths stay below the block threshold: {@value #BASE} for the minimum case,
 * rising with the window's ratio and the buyer's count to at most {@value #CAP}. Blocking needs
 * other evidence as well.
 *
 * <p>Key: the shop. Window: {@link Config#windowSeconds}. Space per shop: the orders of up to two
 * windows (see {@link BrushingWindows}) plus one counter per buyer with orders in brushing windows,
 * kept until the shop has not brushed for {@link Config#tallySeconds}.
 */
public final class ConcentrationDetector implements Detector<ConcentrationDetector.ShopState> {
  public static final String NAME = "concentration";
  public static final String CODE = "CONCENTRATION";
  static final double BASE = 0.6;
  static final double CAP = 0.85;

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

  private final Config config;

  public ConcentrationDetector(Config config) {
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<EventType> eventTypes() {
    return Set.of(EventType.ORDER);
  }

  @Override
  public String keyOf(Event event) {
    return event instanceof Order o ? o.shop() : null;
  }

  @Override
  public ShopState newState() {
    return new ShopState(config);
  }

  @Override
  public void onEvent(ShopState state, Event event, Context context) {
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
      schedule(state, context);
    } finally {
      state.context = null;
    }
  }

  @Override
  public boolean isEmpty(ShopState state) {
    return state.windows.held() == 0 && state.tally.isEmpty();
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
  public static final class ShopState implements BrushingWindows.Listener {
    private final Config config;
    final BrushingWindows windows;

    /** Orders inside brushing windows, per buyer; the top ones are the suspicious buyers. */
    final Map<String, int[]> tally = new HashMap<>();

    /** The buyers tied for the most orders inside brushing windows, in the order they got there. */
    private final LinkedHashSet<String> leaders = new LinkedHashSet<>();

    private int leaderCount;

    /** Whether the shop's signal is due: emitted once per call, not once per brushing order. */
    private boolean shopChanged;

    private String shopOrigin;
    private long shopTs;
    private long brushingOrders;
    private long lastBrushingTs = Long.MIN_VALUE;
    private long scheduledClose = -1;
    private long scheduledExpiry = -1;

    /** Order ids of the held orders, to count an order delivered twice once. */
    final RecentOrders recent = new RecentOrders();

    /** Set only during a call; never part of the saved state. */
    private transient Detector.Context context;

    ShopState(Config config) {
      this.config = config;
      this.windows = new BrushingWindows(config.windowSeconds(), config.ratio(), this);
    }

    @Override
    public void brushing(Object handle, String buyer, int orders, int buyers, long fromSecond) {
      Order order = (Order) handle;
      String shop = order.shop();
      String origin = NAME + "/" + shop;
      if (lastBrushingTs != Long.MIN_VALUE && order.ts() > tallyExpiry()) {
        forgetTally(); // a new episode: earlier suspicious buyers keep their signals
      }
      lastBrushingTs = Math.max(lastBrushingTs, order.ts());
      brushingOrders++;
      double ratio = (double) orders / buyers;
      context.emit(
          new Signal(
              EntityKind.ORDER,
              order.order(),
              CODE,
              origin,
              strength(ratio - config.ratio(), orders - config.ratio()),
              order.ts(),
              "order by "
                  + buyer
                  + ", one of "
                  + orders
                  + " orders by "
                  + buyers
                  + (buyers == 1 ? " buyer" : " buyers")
                  + " at shop "
                  + shop
                  + " in the window "
                  + Instant.ofEpochSecond(fromSecond)
                  + " .. "
                  + Instant.ofEpochSecond(fromSecond + config.windowSeconds())));
      int count = ++tally.computeIfAbsent(buyer, b -> new int[1])[0];
      updateLeaders(buyer, count, shop, origin, order.ts());
      shopChanged = true;
      shopOrigin = origin;
      shopTs = Math.max(shopTs, order.ts());
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
              SHOP_STRENGTH,
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
    }

    private void updateLeaders(String buyer, int count, String shop, String origin, long ts) {
      if (count > leaderCount) {
        for (String old : leaders) {
          if (!old.equals(buyer)) {
            context.emit(new Signal(EntityKind.ACCOUNT, old, CODE, origin, 0, ts, null));
          }
        }
        leaders.clear();
        leaderCount = count;
      }
      if (count == leaderCount) {
        leaders.add(buyer);
        context.emit(
            new Signal(
                EntityKind.ACCOUNT,
                buyer,
                CODE,
                origin,
                strength(0, count - config.ratio()),
                ts,
                "top buyer of shop "
                    + shop
                    + "'s orders inside brushing windows: "
                    + count
                    + " of "
                    + brushingOrders));
      }
    }

    /** BASE, plus 0.05 per unit of ratio above the threshold and 0.02 per extra order. */
    private static double strength(double ratioExcess, long extraOrders) {
      double s = BASE + 0.05 * Math.max(0, ratioExcess) + 0.02 * Math.max(0, extraOrders);
      return Math.min(CAP, Math.round(s * 1000) / 1000.0);
    }
  }
}
