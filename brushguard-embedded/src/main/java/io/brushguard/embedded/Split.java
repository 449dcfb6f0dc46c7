package io.brushguard.embedded;

/**
 * Whether and where a {@link Dataflow} hands its later stages to a second thread.
 *
 * <p>The stages run in rank order, and facts only go from a lower rank to a higher one, so the
 * ranks can be cut in two: the feeding thread runs the stages below the cut and hands each step
 * (its time, its events, the facts it emitted for stages above the cut) to a stage thread that runs
 * the rest, a step behind. Every stage key then makes exactly the calls it makes on one thread, so
 * the findings are the same, byte for byte; only the work is spread over two cores.
 *
 * @param afterEvents how many admitted events run on one thread before the cut is made; when the
 *     cut is measured ({@code at} negative), also the length of each window in which the stages are
 *     timed
 * @param at the cut: the index of the first stage on the stage thread; negative to choose it, and
 *     choose it again after each window, from the stages' times, so that both threads get about the
 *     same work
 * @param every a measured cut's windows start every this many events (a stream's mix of events
 *     changes: a market's first hours are mostly sign-ups)
 */
public record Split(long afterEvents, int at, long every) {
  /** Everything on the feeding thread. */
  public static final Split NONE = new Split(Long.MAX_VALUE, -1, Long.MAX_VALUE);

  public Split {
    if (afterEvents < 1 || every < afterEvents) {
      throw new IllegalArgumentException("need afterEvents >= 1 and every >= afterEvents");
    }
  }

  /**
   * The cut chosen from the stages' times over 2^17 events, again every 2^21 events: timing costs
   * two clock reads per stage and step, so it runs for one event in sixteen.
   */
  public static Split measured() {
    return new Split(1 << 17, -1, 1 << 21);
  }

  /**
   * Two threads on a machine with at least two cores, else one; {@code -Dbrushguard.threads=1}
   * keeps every stage on the feeding thread, and {@code -Dbrushguard.split.at=N} fixes the cut
   * before stage {@code N} (to measure).
   */
  public static Split forThisMachine() {
    int cores =
        Integer.getInteger("brushguard.threads", Runtime.getRuntime().availableProcessors());
    int at = Integer.getInteger("brushguard.split.at", -1);
    return cores < 2 ? NONE : at >= 0 ? at(1 << 17, at) : measured();
  }

  /** A fixed cut before stage {@code at}, made after {@code afterEvents} events. */
  public static Split at(long afterEvents, int at) {
    if (at < 0) {
      throw new IllegalArgumentException("the cut is a stage index, at least 0");
    }
    return new Split(afterEvents, at, Long.MAX_VALUE);
  }

  boolean enabled() {
    return afterEvents != Long.MAX_VALUE;
  }
}
