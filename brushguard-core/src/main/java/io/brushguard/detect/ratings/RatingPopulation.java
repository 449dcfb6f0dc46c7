package io.brushguard.detect.ratings;

import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The population's rating and gap histograms, learned from every review with exponential decay by
 * event time (half-life {@value #HALF_LIFE_MILLIS} ms), handed on with each review ({@link Rated})
 * as they stood just before it, so an account is judged against everyone else.
 *
 * <p>Key: one constant ({@value #KEY}): in the Flink job it runs on one subtask, one hop per
 * review. Space: twelve doubles and a time, whatever the platform's size. Starts from one
 * pseudo-count per bin.
 */
public final class RatingPopulation implements Stage<RatingPopulation.State> {
  public static final String NAME = "rating-population";
  static final String KEY = "all";
  static final long HALF_LIFE_MILLIS = 7 * 86_400_000L;
  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(ReviewGap.class), Set.of(Rated.class));

  /** The decayed counts: five ratings, then the gap bins. */
  public static final class State {
    final double[] counts = initial();
    long at = Long.MIN_VALUE;

    private static double[] initial() {
      double[] c = new double[5 + RatingMix.GAP_BINS];
      java.util.Arrays.fill(c, 1);
      return c;
    }
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
    return KEY;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    ReviewGap r = (ReviewGap) fact;
    long now = ctx.now();
    if (s.at != Long.MIN_VALUE && now > s.at) {
      double decay = Math.pow(0.5, (now - s.at) / (double) HALF_LIFE_MILLIS);
      for (int i = 0; i < s.counts.length; i++) {
        s.counts[i] *= decay;
      }
    }
    s.at = Math.max(s.at, now);
    List<Double> shares = new ArrayList<>(s.counts.length);
    addShares(shares, s.counts, 0, 5);
    addShares(shares, s.counts, 5, s.counts.length);
    ctx.emit(new Rated(r.account(), r.review(), r.rating(), r.gapBin(), shares));
    s.counts[r.rating() - 1]++;
    s.counts[5 + r.gapBin()]++;
  }

  private static void addShares(List<Double> out, double[] c, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += c[i];
    }
    for (int i = from; i < to; i++) {
      out.add(c[i] / sum);
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return false;
  }
}
