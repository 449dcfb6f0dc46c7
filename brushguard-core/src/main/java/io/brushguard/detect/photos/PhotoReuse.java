package io.brushguard.detect.photos;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PHOTO_REUSE: a review whose photo (within {@link PhotoHashes#MAX_DISTANCE} bits) other accounts
 * posted on their reviews.
 *
 * <p><b>How the fraud works, and its look-alikes.</b> A review service hands its hired accounts a
 * few campaign photos with the template; the photos appear on many accounts' reviews within the
 * campaign's days, and never before. Genuine reuse exists too: a buyer posts the same photo of
 * their own on two reviews (not counted: the same account), and buyers of a popular item re-post
 * the shop's official product photo, steadily over months. So the evidence is a photo that is
 * <em>new</em> and spreads over several accounts within days.
 *
 * <p><b>Test</b>, once all matches of a new review are in (a wake-up just after its time): the
 * other accounts whose reviews carried a near-identical photo, split into recent (within {@value
 * #RECENT_MILLIS} ms before) and older (up to {@link PhotoIndex#KEEP_MILLIS} before). A photo with
 * older users has a history (a stock photo): nothing is said. Otherwise {@value #PAIR} with one
 * recent other account and {@value #CAMPAIGN} with two or more, on the new review and the recent
 * others' reviews. Both stay below review on their own on purpose: a stock photo's first week looks
 * the same (there is no history yet), and the campaign's sameness shows as well in its text and its
 * accounts, which other detectors judge; the decision's noisy-OR adds this to theirs.
 *
 * <p><b>Window and memory.</b> Key: the new review; its matches are held for one time step (at most
 * {@value PhotoIndex#MAX_MATCHES} per photo, a reference each), then forgotten.
 */
public final class PhotoReuse implements Stage<PhotoReuse.State> {
  public static final String NAME = "photo-reuse";
  public static final String CODE = "PHOTO_REUSE";
  static final long RECENT_MILLIS = 7 * 86_400_000L;
  static final double PAIR = 0.3;
  static final double CAMPAIGN = 0.45;
  static final int MAX_HELD = 1024;
  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(PhotoMatch.class), Set.of(Signal.class));

  /** The matches of one new review, until its time step is over. */
  public static final class State {
    final List<PhotoMatch> matches = new ArrayList<>(2);
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
    return ((PhotoMatch) fact).review();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    if (s.matches.size() < MAX_HELD) {
      s.matches.add((PhotoMatch) fact);
    }
    if (s.wake == NONE) {
      s.wake = ctx.now() + 1;
      ctx.wakeAt(s.wake);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    Map<String, PhotoMatch> recent = new LinkedHashMap<>();
    boolean history = false;
    for (PhotoMatch m : s.matches) {
      if (m.otherAt() < time - 1 - RECENT_MILLIS) {
        history = true;
      } else {
        recent.putIfAbsent(m.otherAccount(), m);
      }
    }
    s.matches.clear();
    if (history || recent.isEmpty()) {
      return;
    }
    double strength = recent.size() >= 2 ? CAMPAIGN : PAIR;
    String origin = NAME + "/" + ctx.key();
    String detail =
        "the same photo (within "
            + PhotoHashes.MAX_DISTANCE
            + " bits) on reviews by "
            + (recent.size() + 1)
            + " accounts within 7 days, never seen before";
    ctx.emit(new Signal(EntityKind.REVIEW, ctx.key(), CODE, origin, strength, time, detail));
    for (PhotoMatch m : recent.values()) {
      ctx.emit(new Signal(EntityKind.REVIEW, m.other(), CODE, origin, strength, time, detail));
    }
  }

  /** Its wake-up judges, so it must fire. */
  @Override
  public boolean wakesOnlyForget() {
    return false;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.matches.isEmpty();
  }
}
