package io.brushguard.detect.surge;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.detect.surge.RecentViewers.Path;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.View;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sales surge (code {@code SALES_SURGE}): a shop's orders far above its own daily and weekly
 * rhythm, carried by buyers who went straight to the item, with no view of the shop beforehand or
 * only a glance. Bought surges look like this: hired accounts work through a quota of orders from a
 * task list or a link, spread over a day or two, and do not browse. A real surge (a flash sale, a
 * livestream, a platform campaign) brings its own traffic: the buyers search, view and then order,
 * so its orders come through the shop's pages.
 *
 * <p><b>Per order</b>, the detector joins the order with the buyer's recent views of the shop (kept
 * per shop in {@link RecentViewers}, lookback {@link Config#lookbackMillis}): <i>unviewed</i> (no
 * view), <i>glance</i> (views adding up to less than {@link Config#glanceMillis}, none from a
 * search) or <i>browsed</i>. Unviewed and glance orders are "straight to the item".
 *
 * <p><b>The test</b>, evaluated at every straight-to-the-item order, for sliding windows of {@link
 * #WINDOWS_HOURS} hours (the current hour and the ones before), against the shop's own {@link
 * SeasonalBaseline} learned from the hours before the windows (once it holds {@value
 * #WARM_UP_HOURS} hours):
 *
 * <ol>
 *   <li>surge: P(orders ≥ N) ≤ α under the negative-binomial predictive of the shop's rate times
 *       its hour-of-day and day-of-week profile over the window;
 *   <li>composition: P(unviewed ≥ U | N orders) ≤ {@value #MIX_ALPHA} under the beta-binomial
 *       predictive of the shop's own unviewed share (a flash sale multiplies orders but leaves this
 *       share as it was);
 *   <li>carried: the straight-to-the-item orders above their usual share make up at least half of
 *       the orders above expectation, and there are at least {@value #MIN_STRAIGHT} of them.
 * </ol>
 *
 * <p><b>False alarms.</b> Under the model (Poisson counts around the learned rhythm, its rate
 * uncertain as the history says), the first condition alone is met with probability at most α per
 * evaluation and window, so a shop with no surge alarms at most 3α per straight-to-the-item order
 * (three windows): with the default α = 10⁻⁶, at most 3·10⁻⁶ per such order, 3·10⁻⁴ a day for a
 * shop with a hundred of them a day. Real counts are overdispersed beyond the model; conditions 2
 * and 3 make a false alarm rarer still, since both must hold at the same time.
 *
 * <p><b>New buyers.</b> A surge is carried by new buyers: a customer whose first order at the shop
 * ({@link PastBuyers}, remembered for the retention) came at least {@value #CUSTOMER_HOURS} hours
 * before the surge's start, reordering from the cart during it, is left out (a loyal buyer of a
 * restock item).
 *
 * <p><b>A surge's extent.</b> When a window alarms, the surge began at the maximum-likelihood
 * change point of the straight-to-the-item orders held ({@code changePoint}, up to {@value
 * #HELD_HOURS} hours back); later ones join it while those of the last {@value #CONTINUE_HOURS}
 * hours stay far above the shop's usual rate of them ({@code continuation}).
 *
 * <p><b>Signals</b> once a window alarms: every straight-to-the-item order of the surge (held since
 * it came) and after it while the surge goes on, {@value #UNVIEWED_STRENGTH} for an unviewed order
 * and {@value #GLANCE_STRENGTH} for a glance (each is enough for review: an order that went
 * straight to the item inside a surge its shop's traffic does not explain); the buyer accounts that
 * placed them, with the strength of their strongest such order; the shop at {@value
 * #SHOP_STRENGTH}, naming the buyers: far below review, since a competitor buying a surge for a
 * rival (reverse brushing) looks the same to the shop, and low enough that with concentration's
 * shop signal (0.45), which says the same thing (fake orders landed here), it stays below review: 1
 * − 0.55 · 0.91 &lt; 0.5. Evidence of who paid (another detector's) takes the shop to review.
 *
 * <p><b>Window and memory</b> (key: shop): the recent viewers (about 256 bytes for a quiet shop, at
 * most 256 KB: {@link Config#maxViewers} within the lookback), the past buyers (192 bytes to 192
 * KB, as many), the baseline (about 560 bytes), hourly counts for the longest window (48 hours,
 * about 1 KB), the straight-to-the-item orders of the last {@value #HELD_HOURS} hours (at most
 * {@value #MAX_HELD}, about 80 bytes each), and the accounts signalled in the current surge (at
 * most {@value #MAX_HELD}); forgotten {@code retention} after the shop's last order or view.
 *
 * <p><b>References:</b> Poisson–Gamma (negative-binomial) predictive and beta-binomial tails: A.
 * Gelman et al., <i>Bayesian Data Analysis</i>, 3rd ed., ch. 2; scan statistics for count surges:
 * J. Glaz, J. Naus, S. Wallenstein, <i>Scan Statistics</i> (2001); the change point: D. V. Hinkley,
 * "Inference about the change-point from cumulative sum tests", Biometrika 58 (1971); bought sales
 * without traffic: H. Xu et al., "E-commerce Reputation Manipulation: The Emergence of
 * Reputation-Escalation-as-a-Service", WWW 2015.
 */
public final class SalesSurgeDetector implements Stage<SalesSurgeDetector.ShopState> {
  public static final String NAME = "sales-surge";
  public static final String CODE = "SALES_SURGE";

  static final double UNVIEWED_STRENGTH = 0.6;
  static final double GLANCE_STRENGTH = 0.55;
  static final double SHOP_STRENGTH = 0.09;

  /** Window lengths in hours, the current hour included; the longest bounds the hourly ring. */
  static final int[] WINDOWS_HOURS = {3, 12, 48};

  /**
   * The level of the composition test. It only filters surges (the surge test's α bounds false
   * alarms, since both must hold), so it can be looser: a tiny shop's own share is uncertain (8 of
   * 24 orders unviewed where 9 earlier ones all came through its pages is a tail of 6·10⁻³ there),
   * and the carried condition already spares a surge whose excess came through the shop's pages.
   */
  static final double MIX_ALPHA = 1e-2;

  static final int RING = 48;

  /** The counts kept per hour of the ring, and where each is (see {@link ShopState#counts}). */
  static final int COUNTS = 5;

  static final int N = 0;
  static final int U = 1;
  static final int S = 2;
  static final int FL = 3;
  static final int FLU = 4;

  /**
   * Hours of a shop's history the baseline needs before the shop is tested: a day (so a shop is
   * tested from three days after its first order or view, the windows' 48 hours included). Before,
   * the prior alone would judge a new shop's first burst.
   */
  static final double WARM_UP_HOURS = 24;

  /** How far back held straight-to-the-item orders reach, for a surge's start: four days. */
  static final int HELD_HOURS = 96;

  /** A buyer whose first order at the shop came this long before a surge began is returning. */
  static final int CUSTOMER_HOURS = 24;

  /** The recent stretch that must stay surging for an order to join a surge already found. */
  static final int CONTINUE_HOURS = 24;

  static final int MIN_STRAIGHT = 5;
  static final int MAX_HELD = 4096;
  static final int LISTED = 10;
  private static final long HOUR = 3_600_000L;

  /**
   * @param alpha the tail probability at or below which a window's count is a surge (and its
   *     composition unusual); the false-alarm rate per evaluation is at most this per window
   * @param lookbackMillis how far back a buyer's view of the shop counts for an order (6 h: a
   *     livestream's viewers order up to three hours after they arrive)
   * @param glanceMillis views adding up to less than this, none from a search, are a glance
   * @param halfLifeHours the baseline's memory (7 days: a week's rhythm, and a month forgotten)
   * @param utcOffsetHours the platform's local time, for the hour-of-day and day-of-week profile
   * @param maxViewers recent viewers kept per shop; a busier shop keeps the most recent
   * @param retentionMillis a shop's state is forgotten this long after its last input (the run's
   *     {@code retention}, as {@code DetectorRegistry} sets it)
   */
  public record Config(
      double alpha,
      long lookbackMillis,
      long glanceMillis,
      double halfLifeHours,
      int utcOffsetHours,
      int maxViewers,
      long retentionMillis) {
    public static final Config DEFAULT =
        new Config(1e-6, 6 * HOUR, 15_000L, 7 * 24.0, 8, 4096, 30 * 24 * HOUR);

    public Config {
      if (!(alpha > 0 && alpha < 0.5)) {
        throw new IllegalArgumentException("surge: alpha must be in (0, 0.5), was " + alpha);
      }
      if (lookbackMillis < 1 || glanceMillis < 0 || !(halfLifeHours >= 1)) {
        throw new IllegalArgumentException(
            "surge: need lookback >= 1 ms, glance >= 0 and half-life >= 1 h");
      }
      if (utcOffsetHours < -12 || utcOffsetHours > 14 || maxViewers < 16 || retentionMillis < 1) {
        throw new IllegalArgumentException(
            "surge: need a UTC offset in -12..14, max viewers >= 16 and a positive retention");
      }
    }

    public Config withAlpha(double a) {
      return new Config(
          a,
          lookbackMillis,
          glanceMillis,
          halfLifeHours,
          utcOffsetHours,
          maxViewers,
          retentionMillis);
    }

    public Config withRetentionMillis(long r) {
      return new Config(
          alpha, lookbackMillis, glanceMillis, halfLifeHours, utcOffsetHours, maxViewers, r);
    }

    public Config withLookbackMillis(long l) {
      return new Config(
          alpha, l, glanceMillis, halfLifeHours, utcOffsetHours, maxViewers, retentionMillis);
    }
  }

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.VIEW).produces(Signal.class);

  private final Config config;
  private final long offset;

  public SalesSurgeDetector(Config config) {
    this.config = config;
    this.offset = config.utcOffsetHours() * HOUR;
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
    return event instanceof View v ? v.shop() : null;
  }

  @Override
  public ShopState newState() {
    return new ShopState(config);
  }

  @Override
  public void onEvent(ShopState state, Event event, Context context) {
    state.live = true;
    long hour = Math.floorDiv(event.ts() + offset, HOUR);
    if (event instanceof View v) {
      // a view changes no count: the ring is moved on at the next order (see advance), so most
      // views touch only the viewers' table
      state.begin(hour);
      state.viewers.view(v.account(), v.ts(), v.dwellMs(), v.query() != null);
    } else {
      state.advance(hour);
      onOrder(state, (Order) event, hour, context);
    }
    state.touch(context, config.retentionMillis());
  }

  private void onOrder(ShopState state, Order order, long hour, Context context) {
    Path path = state.viewers.path(order.account(), order.ts(), config.glanceMillis());
    long since = state.buyers.order(order.account(), order.ts());
    int at = COUNTS * slot(hour);
    int[] counts = state.counts;
    counts[at + N]++;
    if (path == Path.BROWSED) {
      return;
    }
    counts[at + S]++;
    if (path == Path.UNVIEWED) {
      counts[at + U]++;
    }
    state.hold(
        new Held(order.order(), order.account(), order.ts(), hour, path == Path.UNVIEWED, since));
    Alarm alarm = evaluate(state, order.ts(), hour);
    if (alarm == null && state.inEpisode(order.ts())) {
      alarm = continuation(state, order.ts(), hour);
    }
    if (alarm != null) {
      flag(state, alarm, order.shop(), context);
    }
  }

  /**
   * Inside a surge already found: this order belongs to it while the straight-to-the-item orders of
   * the last {@value #CONTINUE_HOURS} hours stay far above what the shop's own share of them
   * predicts (Poisson tail at most {@link #MIX_ALPHA}). A surge longer than the windows is followed
   * to its end this way.
   */
  private Alarm continuation(ShopState state, long ts, long hour) {
    SeasonalBaseline b = state.baseline;
    double fraction = Math.max(1.0 / 60, (double) (ts + offset - hour * HOUR) / HOUR);
    int n = 0;
    int u = 0;
    int s = 0;
    double exposure = 0;
    for (int k = 0; k < CONTINUE_HOURS && hour - k >= state.first; k++) {
      int i = COUNTS * slot(hour - k);
      n += state.counts[i + N];
      u += state.counts[i + U];
      s += state.counts[i + S];
      exposure += b.profile(hour - k) * (k == 0 ? fraction : 1);
    }
    double expectedStraight = b.straightShare() * b.expected(exposure);
    double tail = Tails.poisson(s, Math.max(1e-9, expectedStraight));
    if (tail > MIX_ALPHA) {
      return null;
    }
    return new Alarm(
        CONTINUE_HOURS,
        hour - CONTINUE_HOURS + 1,
        n,
        u,
        s,
        b.expected(exposure),
        tail,
        Double.NaN,
        ts);
  }

  /**
   * Where the surge began: the maximum-likelihood change point of the straight-to-the-item orders
   * held (up to {@value #HELD_HOURS} hours back), a Poisson rate jumping from the shop's usual one
   * at that moment. Walks the held orders from the newest back, the expected count growing with the
   * baseline's exposure, and keeps the start with the largest log-likelihood ratio k·ln(k/μ) − (k −
   * μ).
   */
  long changePoint(ShopState state, long ts, long hour, long fallbackHour) {
    SeasonalBaseline b = state.baseline;
    double rate = b.straightShare() * b.level();
    double fraction = Math.max(1.0 / 60, (double) (ts + offset - hour * HOUR) / HOUR);
    double exposure = b.profile(hour) * fraction;
    long at = hour;
    long best = fallbackHour;
    double bestScore = Double.NEGATIVE_INFINITY;
    int k = 0;
    java.util.Iterator<Held> it = state.held.descendingIterator();
    while (it.hasNext()) {
      Held h = it.next();
      while (at > h.hour) {
        at--;
        exposure += b.profile(at);
      }
      k++;
      // exposure from the start of this order's hour: a start at the hour, as the windows count
      double mu = Math.max(1e-9, rate * exposure);
      double score = k > mu ? k * Math.log(k / mu) - (k - mu) : 0;
      if (score > bestScore) {
        bestScore = score;
        best = h.hour;
      }
    }
    return Math.min(best, fallbackHour);
  }

  /** The longest window that alarms at {@code ts}, or null. */
  Alarm evaluate(ShopState state, long ts, long hour) {
    SeasonalBaseline b = state.baseline;
    if (b.hours() < WARM_UP_HOURS) {
      return null; // a shop is judged against its own rhythm only once it has one
    }
    double fraction = Math.max(1.0 / 60, (double) (ts + offset - hour * HOUR) / HOUR);
    Alarm found = null;
    int n = 0;
    int u = 0;
    int s = 0;
    double exposure = 0;
    int k = 0;
    for (int window : WINDOWS_HOURS) {
      for (; k < window; k++) {
        long h = hour - k;
        if (h < state.first) {
          break;
        }
        int i = COUNTS * slot(h);
        n += state.counts[i + N];
        u += state.counts[i + U];
        s += state.counts[i + S];
        exposure += b.profile(h) * (k == 0 ? fraction : 1);
      }
      if (s < MIN_STRAIGHT) {
        continue;
      }
      double expected = b.expected(exposure);
      double excess = n - expected;
      if (excess <= 0 || s - n * b.straightShare() < 0.5 * excess) {
        continue;
      }
      double surge = b.surgeTail(n, exposure);
      if (surge > config.alpha()) {
        continue;
      }
      double mix = b.unviewedTail(u, n);
      if (mix > MIX_ALPHA) {
        continue;
      }
      found = new Alarm(window, hour - window + 1, n, u, s, expected, surge, mix, ts);
    }
    return found;
  }

  private void flag(ShopState state, Alarm found, String shop, Context context) {
    Alarm alarm = found;
    if (!state.inEpisode(alarm.ts)) {
      state.accounts.clear(); // a new surge: its buyers are listed afresh
      state.flagged = 0;
      state.returning = 0;
      state.shopSignalHour = Long.MIN_VALUE;
      state.start =
          changePoint(state, alarm.ts, Math.floorDiv(alarm.ts + offset, HOUR), alarm.fromHour);
    } else {
      state.start = Math.min(state.start, alarm.fromHour);
    }
    state.lastAlarm = alarm.ts;
    String origin = null;
    String evidence = null;
    // a customer since well before the surge (a day before its start) who reorders during it is
    // not part of it: a surge is carried by new buyers
    long customerBefore = (state.start - CUSTOMER_HOURS) * HOUR - offset;
    for (Held h : state.held) {
      if (!h.flagged && h.hour >= state.start && h.customerSince < customerBefore) {
        h.flagged = true; // judged: not part of the surge
        state.returning++;
        continue;
      }
      if (!h.flagged && h.hour >= state.start) {
        h.flagged = true;
        state.flagged++;
        if (h.hour > state.head - RING) {
          int i = COUNTS * slot(h.hour);
          state.counts[i + FL]++;
          if (h.unviewed) {
            state.counts[i + FLU]++;
          }
        }
        double strength = h.unviewed ? UNVIEWED_STRENGTH : GLANCE_STRENGTH;
        if (evidence == null) {
          origin = NAME + "/" + shop;
          evidence = alarm.describe(shop, offset);
        }
        context.emit(
            new Signal(
                EntityKind.ORDER,
                h.order,
                CODE,
                origin,
                strength,
                h.ts,
                "ordered by "
                    + h.account
                    + (h.unviewed
                        ? " with no view of the shop before"
                        : " after only a glance at the shop (no search)")
                    + "; "
                    + evidence));
        Double before = state.accounts.get(h.account);
        if (before == null && state.accounts.size() >= MAX_HELD) {
          continue;
        }
        if (before == null || before < strength) {
          state.accounts.put(h.account, strength);
          context.emit(
              new Signal(
                  EntityKind.ACCOUNT,
                  h.account,
                  CODE,
                  origin,
                  strength,
                  h.ts,
                  "went straight to the item (order "
                      + h.order
                      + ") in a surge of orders at shop "
                      + shop
                      + "; "
                      + evidence));
        }
      }
    }
    if (evidence == null) {
      return; // nothing new in this surge
    }
    long hour = Math.floorDiv(alarm.ts + offset, HOUR);
    state.shopEvidence = evidence;
    state.shopTs = alarm.ts;
    if (hour == state.shopSignalHour && state.flagged < 2 * state.shopSignalFlagged) {
      // the shop's signal is updated at most once an hour (unless its count doubled): the rest
      // at the end of the hour
      if (!state.shopDirty) {
        state.shopDirty = true;
        context.wakeAt((hour + 1) * HOUR - offset);
      }
      return;
    }
    state.shopSignalHour = hour;
    emitShop(state, shop, context);
  }

  private static void emitShop(ShopState state, String shop, Context context) {
    state.shopDirty = false;
    state.shopSignalFlagged = state.flagged;
    StringBuilder named = new StringBuilder();
    int listed = 0;
    for (String account : state.accounts.keySet()) {
      if (listed == LISTED) {
        named.append(" and ").append(state.accounts.size() - LISTED).append(" more");
        break;
      }
      named.append(listed++ == 0 ? "" : ", ").append(account);
    }
    context.emit(
        new Signal(
            EntityKind.SHOP,
            shop,
            CODE,
            NAME + "/" + shop,
            SHOP_STRENGTH,
            state.shopTs,
            state.flagged
                + " orders straight to the item in a surge its traffic does not explain, by "
                + named
                + (state.returning > 0
                    ? " (" + state.returning + " more by returning customers, not counted)"
                    : "")
                + "; "
                + state.shopEvidence
                + "; who paid for them is not known (a competitor may be framing the shop)"));
  }

  @Override
  public void onWake(ShopState state, long time, Context context) {
    if (state.shopDirty) {
      state.shopSignalHour = Math.floorDiv(time + offset, HOUR);
      emitShop(state, context.key(), context);
    }
    if (state.expired(time, context, config.retentionMillis())) {
      state.live = false;
    }
  }

  @Override
  public boolean isEmpty(ShopState state) {
    return !state.live;
  }

  static int slot(long hour) {
    return (int) Math.floorMod(hour, (long) RING);
  }

  /** A straight-to-the-item order, kept for the longest window in case a surge is found. */
  static final class Held {
    final String order;
    final String account;
    final long ts;
    final long hour;
    final boolean unviewed;

    /** The buyer's first order at the shop before this one, or {@code Long.MAX_VALUE}. */
    final long customerSince;

    boolean flagged;

    Held(String order, String account, long ts, long hour, boolean unviewed, long customerSince) {
      this.order = order;
      this.account = account;
      this.ts = ts;
      this.hour = hour;
      this.unviewed = unviewed;
      this.customerSince = customerSince;
    }
  }

  /** A window that alarmed, and its figures. */
  record Alarm(
      int hours,
      long fromHour,
      int orders,
      int unviewed,
      int straight,
      double expected,
      double surgeTail,
      double mixTail,
      long ts) {

    String describe(String shop, long offset) {
      return orders
          + " orders at shop "
          + shop
          + " in the "
          + hours
          + " h from "
          + Instant.ofEpochMilli(fromHour * HOUR - offset)
          + " where its own rhythm expects "
          + String.format(java.util.Locale.ROOT, "%.1f", expected)
          + " (P = "
          + String.format(java.util.Locale.ROOT, "%.1e", surgeTail)
          + "); "
          + straight
          + " straight to the item, "
          + unviewed
          + " with no view of the shop"
          + (Double.isNaN(mixTail)
              ? ", a surge found earlier still going on"
              : " (P = "
                  + String.format(java.util.Locale.ROOT, "%.1e", mixTail)
                  + " at the shop's usual share)");
    }
  }

  /**
   * One shop: recent viewers, baseline, hourly counts of the last {@value #RING} hours, the
   * straight-to-the-item orders among them, the accounts signalled in the current surge.
   */
  public static final class ShopState extends Expiring {
    final RecentViewers viewers;
    final PastBuyers buyers;
    final SeasonalBaseline baseline;

    /**
     * Per hour of the ring, at {@code COUNTS * slot(hour)}: its orders ({@code N}), those unviewed
     * ({@code U}), straight to the item ({@code S}), and of those the ones flagged in a surge
     * ({@code FL}) and flagged unviewed ({@code FLU}). One array, an hour's counts side by side.
     */
    final int[] counts = new int[COUNTS * RING];

    long first = Long.MIN_VALUE;
    long head = Long.MIN_VALUE;
    final ArrayDeque<Held> held = new ArrayDeque<>();
    final Map<String, Double> accounts = new LinkedHashMap<>();
    long lastAlarm = Long.MIN_VALUE / 2;
    long start = Long.MAX_VALUE;
    int returning;
    long shopSignalHour = Long.MIN_VALUE;
    int shopSignalFlagged;
    boolean shopDirty;
    String shopEvidence;
    long shopTs;
    int flagged;
    boolean live;

    ShopState(Config config) {
      this.viewers = new RecentViewers(config.lookbackMillis(), config.maxViewers());
      this.buyers = new PastBuyers(config.retentionMillis(), config.maxViewers());
      this.baseline = new SeasonalBaseline(config.halfLifeHours());
    }

    /** Notes the shop's first input, at {@code hour}: its history starts there. */
    void begin(long hour) {
      if (head == Long.MIN_VALUE) {
        first = hour;
        head = hour;
      }
    }

    /**
     * Moves the ring to {@code hour}, folding the hours that leave it into the baseline. Called at
     * orders only: a move over several hours at once folds the same hours with the same counts, in
     * the same order, as moves in steps, since only orders change the counts.
     */
    void advance(long hour) {
      if (head == Long.MIN_VALUE) {
        first = hour;
        head = hour;
        return;
      }
      if (hour <= head) {
        return;
      }
      // hours head-RING+1 .. hour-RING leave the ring; fold those inside the shop's history
      long from = Math.max(first, head - RING + 1);
      for (long h = from; h <= hour - RING; h++) {
        if (h > head) {
          baseline.fold(h, 0, 0, 0); // a quiet stretch longer than the ring
          continue;
        }
        int i = COUNTS * slot(h);
        int[] c = counts;
        baseline.fold(h, c[i + N] - c[i + FL], c[i + U] - c[i + FLU], c[i + S] - c[i + FL]);
        Arrays.fill(c, i, i + COUNTS, 0);
      }
      for (long h = Math.max(head + 1, hour - RING + 1); h <= hour; h++) {
        int i = COUNTS * slot(h);
        Arrays.fill(counts, i, i + COUNTS, 0);
      }
      head = hour;
      long oldest = hour - HELD_HOURS + 1;
      while (!held.isEmpty() && held.peekFirst().hour < oldest) {
        held.pollFirst();
      }
    }

    /** Whether a surge was found within the last {@value #RING} hours. */
    boolean inEpisode(long ts) {
      return ts - lastAlarm <= RING * HOUR;
    }

    void hold(Held h) {
      if (held.size() == MAX_HELD) {
        held.pollFirst();
      }
      held.addLast(h);
    }

    /** Straight-to-the-item orders held (for tests). */
    int heldCount() {
      return held.size();
    }
  }
}
