package io.brushguard.flow;

/**
 * The one retention rule of the dataflow, for a key's state: forgotten {@code retention} of event
 * time after its last input, by a wake-up, the same in both runtimes. A stage's per-key state
 * extends it, calls {@link #touch} on each input and {@link #expired} on each wake-up.
 *
 * <p>At most one wake-up is pending per key: an input while one is pending only moves the deadline,
 * and the wake-up re-arms itself for the rest of the time.
 *
 * <p>Space: two longs in the state object itself (a base class rather than a member, so that a
 * state kept per order costs no extra object).
 */
public abstract class Expiring {
  private static final long NONE = Long.MIN_VALUE;
  private long last;
  private long wake = NONE;

  /** Notes an input at {@code context.now()}. */
  public void touch(Stage.Context context, long retentionMillis) {
    last = context.now();
    if (wake == NONE) {
      wake = last + retentionMillis;
      context.wakeAt(wake);
    }
  }

  /**
   * At a wake-up at {@code time}: true when the key has had no input for {@code retention}; false
   * for a wake-up that is not this one's, or when an input came since (then it re-arms).
   */
  public boolean expired(long time, Stage.Context context, long retentionMillis) {
    if (time != wake) {
      return false;
    }
    wake = NONE;
    long expires = last + retentionMillis;
    if (time >= expires) {
      return true;
    }
    wake = expires;
    context.wakeAt(expires);
    return false;
  }

  /** Whether a wake-up is pending: the key has had an input and has not expired yet. */
  public boolean pending() {
    return wake != NONE;
  }
}
