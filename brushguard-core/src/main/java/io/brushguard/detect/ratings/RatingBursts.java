package io.brushguard.detect.ratings;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RATING_BURST: accounts whose ratings are extreme <em>and</em> bursty against the population, an
 * incremental variant of BIRDNEST (Hooi, Shah, Beutel, Günnemann, Akoglu, Kumar, Makhija and
 * Faloutsos, "BIRDNEST: Bayesian Inference for Ratings-Fraud Detection", SDM 2016).
 *
 * <p><b>Test.</b> Per account, its reviews of the last {@value #WINDOW_MILLIS} ms, as histograms of
 * ratings and of gaps between consecutive reviews, each against the population's just before the
 * account's latest review ({@link RatingPopulation}), by the shrunk G-test of {@link RatingMix}.
 * Fires with at least {@value #MIN_REVIEWS} reviews when the two together reach a χ² tail below
 * {@value #ALPHA} (10 degrees of freedom: at most one false alarm per million accounts judged, were
 * accounts drawn from the population) and each part alone is below {@value #PART_ALPHA}: extreme
 * ratings over a long, calm history (a picky reviewer) or a burst of ordinary ratings (a new
 * account reviewing its first purchases) are not it.
 *
 * <p><b>Strength</b> {@value #STRENGTH} on the account and its reviews in the window: corroboration
 * only (accounts are not drawn from the population: BIRDNEST itself ranks rather than decides), so
 * it never reaches review alone.
 *
 * <p><b>Window and memory.</b> Key: the account. Per account with reviews in the last {@value
 * #WINDOW_MILLIS} ms, per review its time, rating, gap bin and id (about 40 bytes), at most {@value
 * #MAX_REVIEWS}, the oldest dropped; one wake-up pending.
 */
public final class RatingBursts implements Stage<RatingBursts.State> {
  public static final String NAME = "rating-bursts";
  public static final String CODE = "RATING_BURST";
  static final long WINDOW_MILLIS = 30 * 86_400_000L;
  static final int MIN_REVIEWS = 5;
  static final int MAX_REVIEWS = 64;
  static final double ALPHA = 1e-6;
  static final double PART_ALPHA = 1e-3;
  static final double STRENGTH = 0.3;
  private static final long NONE = Long.MIN_VALUE;
  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(Rated.class), Set.of(Signal.class));

  /** One account's recent reviews. */
  public static final class State {
    final List<Rated> reviews = new ArrayList<>(2);
    final List<Long> at = new ArrayList<>(2);
    int signalled;
    long wake = NONE;
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
  public String keyOf(Fact fact) {
    return ((Rated) fact).account();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    Rated r = (Rated) fact;
    long now = ctx.now();
    prune(s, now);
    if (s.reviews.size() == MAX_REVIEWS) {
      s.reviews.remove(0);
      s.at.remove(0);
      s.signalled = Math.max(0, s.signalled - 1);
    }
    s.reviews.add(r);
    s.at.add(now);
    if (s.wake == NONE) {
      s.wake = now + WINDOW_MILLIS + 1;
      ctx.wakeAt(s.wake);
    }
    if (s.reviews.size() >= MIN_REVIEWS) {
      judge(s, r, ctx);
    }
  }

  private static void judge(State s, Rated latest, Context ctx) {
    int[] ratings = new int[5];
    int[] gaps = new int[RatingMix.GAP_BINS];
    for (Rated r : s.reviews) {
      ratings[r.rating() - 1]++;
      gaps[r.gapBin()]++;
    }
    double[] p = new double[latest.population().size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = latest.population().get(i);
    }
    int[] none = new int[RatingMix.GAP_BINS];
    double gRatings = RatingMix.g(ratings, none, p);
    double gGaps = RatingMix.g(new int[5], gaps, p);
    if (RatingMix.chiSquareTail(gRatings, 4) >= PART_ALPHA
        || RatingMix.chiSquareTail(gGaps, RatingMix.GAP_BINS - 1) >= PART_ALPHA) {
      return;
    }
    double tail = RatingMix.chiSquareTail(gRatings + gGaps, RatingMix.DOF);
    if (tail >= ALPHA) {
      return;
    }
    String origin = NAME + "/" + ctx.key();
    String detail =
        String.format(
            java.util.Locale.ROOT,
            "%d reviews in 30 days rated and timed unlike the population (G = %.1f, χ² tail %.1e)",
            s.reviews.size(),
            gRatings + gGaps,
            tail);
    long now = ctx.now();
    if (s.signalled == 0) {
      ctx.emit(new Signal(EntityKind.ACCOUNT, ctx.key(), CODE, origin, STRENGTH, now, detail));
    }
    for (int i = s.signalled; i < s.reviews.size(); i++) {
      ctx.emit(
          new Signal(
              EntityKind.REVIEW, s.reviews.get(i).review(), CODE, origin, STRENGTH, now, detail));
    }
    s.signalled = s.reviews.size();
  }

  private static void prune(State s, long now) {
    while (!s.at.isEmpty() && s.at.get(0) < now - WINDOW_MILLIS) {
      s.at.remove(0);
      s.reviews.remove(0);
      s.signalled = Math.max(0, s.signalled - 1);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    prune(s, time);
    if (!s.at.isEmpty()) {
      s.wake = s.at.get(s.at.size() - 1) + WINDOW_MILLIS + 1;
      ctx.wakeAt(s.wake);
    }
  }

  /** A wake-up only forgets. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.reviews.isEmpty();
  }
}
