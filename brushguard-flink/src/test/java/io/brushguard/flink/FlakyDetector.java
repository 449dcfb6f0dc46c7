package io.brushguard.flink;

import io.brushguard.detect.Detector;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Review;
import java.util.HashMap;
import java.util.Map;

/**
 * A test detector that fails: its {@code keyOf} throws on some reviews, its {@code onEvent} on
 * others after changing its state half-way. Both runtimes must count the same failures and go on
 * with the state as it was left. Otherwise it flags a shop's reviews once it has seen three
 * five-star reviews from the same account.
 */
final class FlakyDetector implements Detector<FlakyDetector.State> {

  static final class State {
    final Map<String, Integer> fiveStars = new HashMap<>();
    long failures;
  }

  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public String keyOf(Event e) {
    if (!(e instanceof Review r)) {
      return null;
    }
    if (r.review().endsWith("7")) {
      throw new IllegalStateException("cannot key review " + r.review());
    }
    return r.shop();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event e, Context ctx) {
    Review r = (Review) e;
    if (r.rating() == 5) {
      int n = s.fiveStars.merge(r.account(), 1, Integer::sum);
      if (r.review().endsWith("3")) {
        s.failures++;
        throw new IllegalArgumentException("half-way failure on " + r.review());
      }
      if (n >= 3) {
        ctx.emit(
            new Signal(
                EntityKind.REVIEW,
                r.review(),
                "REPEAT_FIVE_STARS",
                "flaky/" + ctx.key(),
                0.55 + 0.1 * Math.min(3, s.failures),
                r.ts(),
                r.account() + " gave " + n + " five-star reviews to " + ctx.key()));
      }
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.fiveStars.isEmpty();
  }
}
