package io.brushguard.detect.ratings;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Review;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;

/**
 * RATING_SHIFT: the reviews of a shop whose ratings jump above its own history within days, as
 * bought praise makes them.
 *
 * <p><b>Test.</b> Per shop, the reviews of the last {@value #RECENT_MILLIS} ms against the shop's
 * history (every earlier review, decayed with half-life {@value #HALF_LIFE_MILLIS} ms): the shrunk
 * G-test of {@link RatingMix} on the rating histogram (4 degrees of freedom, {@value #PRIOR}
 * pseudo-counts of the history), with at least {@value #MIN_RECENT} recent reviews and {@value
 * #MIN_HISTORY} of history. Fires when the tail is below {@value #ALPHA} (one false alarm per
 * million judgements of a shop whose ratings did not change) and the recent mean rating is at least
 * {@value #MIN_RISE} above the history's.
 *
 * <p><b>Drops are not signalled.</b> A sudden drop is either an attack (bad reviewers: the shop is
 * the victim) or a genuinely bad batch (real complaints): neither is the shop's fraud, so the shop
 * gets no signal from it; the attackers are judged by {@link BadReviewers}.
 *
 * <p><b>Strength</b> {@value #REVIEWS} on the shop's recent five-star reviews: corroboration only.
 * Nothing on the shop itself: who paid for the praise is not known, and a competitor buying it to
 * get the shop punished (reverse brushing) looks the same; a shop signal here lifted a
 * reverse-brushing victim to review in one simulated market.
 *
 * <p><b>Window and memory.</b> Key: the shop. Per shop with reviews, five decayed counts and a time
 * (about 80 bytes with the state), and the id, rating and time of each review of the last {@value
 * #RECENT_MILLIS} ms (about 40 bytes), at most {@value #MAX_RECENT}; forgotten {@value
 * #FORGET_MILLIS} ms after its last review.
 */
public final class RatingShift implements Stage<RatingShift.State> {
  public static final String NAME = "rating-shift";
  public static final String CODE = "RATING_SHIFT";
  static final long DAY = 86_400_000L;
  static final long RECENT_MILLIS = 2 * DAY;
  static final long HALF_LIFE_MILLIS = 30 * DAY;
  static final long FORGET_MILLIS = 60 * DAY;
  static final int MIN_RECENT = 10;
  static final int MIN_HISTORY = 20;
  static final int MAX_RECENT = 512;
  static final double PRIOR = 10;
  static final double ALPHA = 1e-6;
  static final double MIN_RISE = 0.5;
  static final double REVIEWS = 0.25;
  private static final long NONE = Long.MIN_VALUE;
  private static final Wiring WIRING = Wiring.events(EventType.REVIEW).produces(Signal.class);

  /** What the test needs of a review: not the event, whose text would be kept with it. */
  record Rating(String review, int rating, long ts) {}

  /** One shop's rating history and recent reviews. */
  public static final class State {
    final double[] history = new double[5];
    long historyAt = NONE;
    final List<Rating> recent = new ArrayList<>(2);
    int signalled;
    long last;
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
  public String keyOf(Event event) {
    return ((Review) event).shop();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Review r = (Review) event;
    long now = ctx.now();
    age(s, now);
    if (s.recent.size() == MAX_RECENT) {
      toHistory(s, s.recent.remove(0), now);
      s.signalled = Math.max(0, s.signalled - 1);
    }
    s.recent.add(new Rating(r.review(), r.rating(), r.ts()));
    s.last = now;
    if (s.wake == NONE) {
      s.wake = now + FORGET_MILLIS;
      ctx.wakeAt(s.wake);
    }
    judge(s, ctx);
  }

  /** Moves the reviews that left the recent window into the history. */
  private static void age(State s, long now) {
    while (!s.recent.isEmpty() && s.recent.get(0).ts() < now - RECENT_MILLIS) {
      toHistory(s, s.recent.remove(0), now);
      s.signalled = Math.max(0, s.signalled - 1);
    }
  }

  private static void toHistory(State s, Rating r, long now) {
    if (s.historyAt != NONE && now > s.historyAt) {
      double decay = Math.pow(0.5, (now - s.historyAt) / (double) HALF_LIFE_MILLIS);
      for (int i = 0; i < 5; i++) {
        s.history[i] *= decay;
      }
    }
    s.historyAt = Math.max(s.historyAt, now);
    s.history[r.rating() - 1]++;
  }

  private static void judge(State s, Context ctx) {
    double h = 0;
    double hSum = 0;
    for (int i = 0; i < 5; i++) {
      h += s.history[i];
      hSum += s.history[i] * (i + 1);
    }
    if (s.recent.size() < MIN_RECENT || h < MIN_HISTORY) {
      return;
    }
    int[] counts = new int[5];
    double sum = 0;
    for (Rating r : s.recent) {
      counts[r.rating() - 1]++;
      sum += r.rating();
    }
    if (sum / s.recent.size() - hSum / h < MIN_RISE) {
      return;
    }
    double[] p = new double[5 + RatingMix.GAP_BINS];
    for (int i = 0; i < 5; i++) {
      p[i] = (s.history[i] + PRIOR / 5) / (h + PRIOR);
    }
    double g = RatingMix.g(counts, new int[RatingMix.GAP_BINS], p);
    double tail = RatingMix.chiSquareTail(g, 4);
    if (tail >= ALPHA) {
      return;
    }
    String origin = NAME + "/" + ctx.key();
    String detail =
        String.format(
            java.util.Locale.ROOT,
            "mean rating %.2f over the last %d reviews (2 days) against %.2f before (χ² tail %.1e);"
                + " who paid for them is not known",
            sum / s.recent.size(),
            s.recent.size(),
            hSum / h,
            tail);
    long now = ctx.now();
    for (int i = s.signalled; i < s.recent.size(); i++) {
      Rating r = s.recent.get(i);
      if (r.rating() == 5) {
        ctx.emit(new Signal(EntityKind.REVIEW, r.review(), CODE, origin, REVIEWS, now, detail));
      }
    }
    s.signalled = s.recent.size();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    if (time >= s.last + FORGET_MILLIS) {
      s.recent.clear();
      java.util.Arrays.fill(s.history, 0);
      s.historyAt = NONE;
      return;
    }
    s.wake = s.last + FORGET_MILLIS;
    ctx.wakeAt(s.wake);
  }

  /** A wake-up only forgets. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.recent.isEmpty() && s.historyAt == NONE;
  }
}
