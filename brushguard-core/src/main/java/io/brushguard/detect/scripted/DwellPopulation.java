package io.brushguard.detect.scripted;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stage {@code scripted-population}, on one constant key: learns how far apart the browsing times
 * of one genuine account's consecutive tasks are across the whole population, and judges each
 * account's recent tasks against it ({@link Regularity}).
 *
 * <p><b>Population scale.</b> Every {@link TaskDone} with a previous task of its account carries
 * {@code d = |ln dwell − ln previous dwell|}. The stage keeps a histogram of {@code d} per day of
 * event time for the last {@value #DAYS} days (bins of {@value #BIN}, {@value #BINS} bins) and
 * takes its upper quartile: for independent normal log dwell of spread σ, the upper quartile of
 * {@code d} is {@code Φ⁻¹(0.875)·√2·σ = 1.627σ}, so {@code σ_w = q75 / 1.627} estimates the
 * within-account spread. Brushers' pairs only add small differences; an upper quantile moves least
 * when they are many (the start of a stream with a gang at work), and what they move lowers σ_w,
 * which makes the test more cautious. σ_w is recomputed every 64 pairs and at each new day. No
 * judgement is made before {@link ScriptedSessions.Config#minPairs} pairs are in the histogram;
 * until then the latest tasks of each account wait (at most {@value #MAX_WAITING} accounts) and are
 * judged as soon as the population is known.
 *
 * <p><b>Test.</b> An account's tasks are compared with {@code κ·σ_w}, where the margin {@code κ =}
 * {@link ScriptedSessions.Config#spreadMargin} allows genuine accounts to be more regular than the
 * population's average without being suspicious; the p-value bound of {@link Regularity} must be at
 * most {@link ScriptedSessions.Config#alpha}.
 *
 * <p><b>Signals</b> (code {@value ScriptedSessions#CODE}, origin {@code scripted-population/
 * <account>}): the account and the orders of its tightest tasks, from 0.6 at the threshold up to
 * 0.85 six decades below it: self-sufficient evidence for review, not for blocking alone. A {@link
 * ScriptedBuyer} fact names the account's payment account for the broker stages.
 *
 * <p><b>Space:</b> {@value #DAYS} + 1 histograms of {@value #BINS} ints (16 KB) for the whole
 * stream, and per flagged account the orders already signalled (at most {@link
 * ScriptedSessions.Config#maxTasks} times a few windows, forgotten a window after its last task):
 * about 100 bytes plus 50 per order. On Flink the stage runs on one subtask; its input is one small
 * fact per order with a view.
 */
final class DwellPopulation implements Stage<DwellPopulation.State> {
  static final String NAME = "scripted-population";
  static final String KEY = "all";
  static final double BIN = 0.01;
  static final int BINS = 512;
  static final int DAYS = 7;
  static final int MAX_WAITING = 10_000;
  private static final long DAY = 86_400_000L;
  static final double QUANTILE = 0.75;

  /** The upper quartile of |X − Y| for X, Y independent N(μ, σ²): Φ⁻¹(0.875)·√2·σ. */
  private static final double QUANTILE_PER_SIGMA = 1.1503493803760079 * Math.sqrt(2);

  private static final int MAX_ORDERS_KEPT = 512;

  private final ScriptedSessions.Config config;
  private final double lnAlpha;
  private final long windowMs;
  private final Regularity regularity;
  private final Wiring wiring =
      new Wiring(
          Set.of(),
          Set.of(TaskDone.class),
          Set.of(Signal.class, ScriptedBuyer.class, ScriptedOrder.class));

  DwellPopulation(ScriptedSessions.Config config) {
    this.config = config;
    this.lnAlpha = Math.log(config.alpha());
    this.windowMs = config.windowSeconds() * 1000;
    this.regularity = new Regularity(config.maxTasks());
  }

  /** The population's histograms and the accounts flagged lately. */
  static final class State {
    /** Pair differences per day, the newest {@value #DAYS} days; {@code days[day % DAYS]}. */
    final int[][] bins = new int[DAYS][BINS];

    final long[] counts = new long[DAYS];

    /** The sum of the daily histograms, kept as they change. */
    final int[] sum = new int[BINS];

    long total;

    /** The spread last computed, and how many pairs came in since (recomputed every 64). */
    double sigma;

    int sinceSigma = Integer.MAX_VALUE;
    long day = Long.MIN_VALUE;
    final Map<String, Flag> flagged = new HashMap<>();

    /** Accounts waiting for the population to be known, their latest tasks, in arrival order. */
    final Map<String, TaskDone> waiting = new LinkedHashMap<>();
  }

  /** What was said about one flagged account. */
  static final class Flag {
    double strength;
    long last;
    final Set<String> orders = new HashSet<>();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof TaskDone ? KEY : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    TaskDone done = (TaskDone) fact;
    long now = ctx.now();
    rotate(s, Math.floorDiv(now, DAY), now);
    if (done.pairDiff() >= 0) {
      int bin = (int) Math.min(BINS - 1, done.pairDiff() / BIN);
      int slot = (int) Math.floorMod(s.day, DAYS);
      s.bins[slot][bin]++;
      s.sum[bin]++;
      s.counts[slot]++;
      s.total++;
      if (s.sinceSigma != Integer.MAX_VALUE) {
        s.sinceSigma++;
      }
    }
    if (s.total < config.minPairs()) {
      if (!done.tasks().isEmpty()
          && (s.waiting.size() < MAX_WAITING || s.waiting.containsKey(done.account()))) {
        s.waiting.remove(done.account()); // re-inserted last: arrival order of the latest
        s.waiting.put(done.account(), done);
      }
      return;
    }
    if (s.sinceSigma >= 64) {
      s.sigma = withinSpread(s);
      s.sinceSigma = 0;
    }
    double sigma = s.sigma;
    if (!s.waiting.isEmpty()) {
      for (TaskDone w : s.waiting.values()) {
        if (w != done && !w.account().equals(done.account())) {
          judge(s, w, sigma, ctx);
        }
      }
      s.waiting.clear();
    }
    if (!done.tasks().isEmpty()) {
      judge(s, done, sigma, ctx);
    }
  }

  private void judge(State s, TaskDone done, double sigma, Context ctx) {
    if (sigma <= 0) {
      return;
    }
    double lnP = regularity.testAtMost(done.tasks(), config.spreadMargin() * sigma, lnAlpha);
    if (lnP <= lnAlpha) {
      flag(s, done, lnP, sigma, ctx);
    }
  }

  /**
   * The robust within-account spread of log dwell, from the upper quartile of the pair differences:
   * regular (scripted) pairs only add small differences, so an upper quantile moves least when they
   * are many.
   */
  static double withinSpread(State s) {
    double rank = s.total * QUANTILE;
    long seen = 0;
    for (int b = 0; b < BINS; b++) {
      long inBin = s.sum[b];
      if (seen + inBin >= rank && inBin > 0) {
        double q = (b + (rank - seen) / inBin) * BIN;
        return q / QUANTILE_PER_SIGMA;
      }
      seen += inBin;
    }
    return BINS * BIN / QUANTILE_PER_SIGMA;
  }

  private void rotate(State s, long day, long now) {
    if (day == s.day) {
      return;
    }
    long from = s.day == Long.MIN_VALUE ? day - DAYS + 1 : Math.max(s.day + 1, day - DAYS + 1);
    for (long d = from; d <= day; d++) {
      int slot = (int) Math.floorMod(d, DAYS);
      for (int b = 0; b < BINS; b++) {
        s.sum[b] -= s.bins[slot][b];
      }
      Arrays.fill(s.bins[slot], 0);
      s.total -= s.counts[slot];
      s.counts[slot] = 0;
    }
    s.day = day;
    s.sinceSigma = Integer.MAX_VALUE;
    for (Iterator<Flag> it = s.flagged.values().iterator(); it.hasNext(); ) {
      if (it.next().last < now - windowMs) {
        it.remove(); // order of removal reaches no output
      }
    }
  }

  private void flag(State s, TaskDone done, double lnP, double sigma, Context ctx) {
    double decades = (lnAlpha - lnP) / Math.log(10);
    double strength = Math.min(0.85, 0.6 + 0.25 * Math.min(1, decades / 6));
    strength = Math.round(strength * 100) / 100.0;
    Flag f = s.flagged.get(done.account());
    boolean first = f == null;
    if (first) {
      f = new Flag();
      s.flagged.put(done.account(), f);
    }
    f.last = ctx.now();
    List<Task> tasks = done.tasks();
    String origin = NAME + "/" + done.account();
    String detail = null;
    if (strength > f.strength) {
      f.strength = strength;
      detail = detail(tasks.size(), lnP, sigma);
      ctx.emit(
          new Signal(
              EntityKind.ACCOUNT,
              done.account(),
              ScriptedSessions.CODE,
              origin,
              strength,
              ctx.now(),
              detail));
    }
    for (int i = 0; i < tasks.size(); i++) {
      Task t = tasks.get(i);
      if (!regularity.inCluster(i) || f.orders.contains(t.order())) {
        continue;
      }
      if (f.orders.size() >= MAX_ORDERS_KEPT) {
        f.orders.clear(); // very long campaigns: an order may be signalled twice, never lost
      }
      f.orders.add(t.order());
      if (detail == null) {
        detail = detail(tasks.size(), lnP, sigma);
      }
      ctx.emit(
          new Signal(
              EntityKind.ORDER,
              t.order(),
              ScriptedSessions.CODE,
              origin,
              f.strength,
              ctx.now(),
              detail));
      ctx.emit(new ScriptedOrder(done.account(), t.order()));
    }
    if (first && done.payer() != null) {
      ctx.emit(new ScriptedBuyer(done.account(), done.payer()));
    }
  }

  private String detail(int n, double lnP, double sigma) {
    double range = Math.exp(regularity.clusterRange()) - 1;
    double centre = Math.exp(regularity.clusterCentre()) / 1000;
    return String.format(
        Locale.ROOT,
        "%d of %d tasks (search, browse, order) browsed %.0f s within %.0f%% of each other;"
            + " genuine accounts spread ln-dwell by %.2f; p <= %.1e",
        regularity.clusterSize(),
        n,
        centre,
        range * 100,
        sigma,
        Math.exp(lnP));
  }

  @Override
  public boolean isEmpty(State s) {
    return false; // one key for the whole stream; its size is fixed but for the flagged accounts
  }
}
