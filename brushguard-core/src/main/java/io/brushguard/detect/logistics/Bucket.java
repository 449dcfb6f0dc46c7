package io.brushguard.detect.logistics;

import io.brushguard.flow.Stage;

/**
 * The state of a stage keyed by a {@link IdTable#bucket bucket} of ids: a value per id, each
 * forgotten {@code hold} after its last {@link #touch}, exactly as a key's state is by {@link
 * io.brushguard.flow.Expiring} (an input at that instant still finds it, a later one does not).
 *
 * <p>Expiry is decided on access ({@link #get}), so that one wake-up per bucket is enough: it only
 * removes the values already expired, and comes back when the next one expires, but not sooner than
 * {@code sweep} later (so a value may stay in memory up to {@code sweep} after it expired, unseen).
 *
 * <p>Space: the {@link IdTable} and two longs.
 *
 * @param <V> the values
 */
final class Bucket<V extends Bucket.Entry> {
  private static final long NONE = Long.MIN_VALUE;

  /** A value's last touch. */
  static class Entry {
    long last;
  }

  final IdTable<V> ids = new IdTable<>();
  private long wake = NONE;

  /** The value of {@code hash} at {@code now}, or null if there is none or it expired. */
  V get(long hash, long now, long hold) {
    int slot = ids.find(hash);
    if (slot < 0) {
      return null;
    }
    V v = ids.at(slot);
    if (v.last + hold < now) {
      ids.removeAt(slot);
      return null;
    }
    return v;
  }

  /** Notes an input for {@code v} now; the bucket's wake-up is asked for if none is pending. */
  void touch(V v, Stage.Context context, long hold) {
    v.last = context.now();
    if (wake == NONE) {
      wake = v.last + hold;
      context.wakeAt(wake);
    }
  }

  /** At a wake-up: forgets the expired values and asks for the next wake-up while any are left. */
  void onWake(long time, Stage.Context context, long hold, long sweep) {
    if (time != wake) {
      return; // a wake-up asked for by an earlier state of this bucket
    }
    wake = NONE;
    ids.removeIf(v -> v.last + hold <= time);
    if (ids.size() > 0) {
      long[] first = {Long.MAX_VALUE};
      ids.forEach(v -> first[0] = Math.min(first[0], v.last));
      wake = Math.max(first[0] + hold, time + sweep);
      context.wakeAt(wake);
    }
  }

  boolean isEmpty() {
    return ids.size() == 0;
  }
}
