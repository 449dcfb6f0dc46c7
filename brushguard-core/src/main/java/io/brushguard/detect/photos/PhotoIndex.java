package io.brushguard.detect.photos;

import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The multi-index of recent review photos: one key per band value ({@link PhotoHashes}), holding
 * the photos whose hash has that value in that band. A new photo is compared with every photo of
 * its band's key; a pair within {@link PhotoHashes#MAX_DISTANCE} bits, by different accounts and
 * not of the same order, is reported to the new review ({@link PhotoMatch}) by the lowest band the
 * two agree in, so once.
 *
 * <p><b>Window and memory.</b> Key: {@code <band>:<value>}, so {@value PhotoHashes#BANDS} ×
 * 2^{@value PhotoHashes#BAND_BITS} keys at most: a global structure whose keys spread over the
 * Flink job's subtasks as partitions would. A photo is kept {@value #KEEP_MILLIS} ms in each of its
 * {@value PhotoHashes#BANDS} bands: a reference to its {@link PhotoBand} fact (about 64 bytes with
 * it; the strings are the review event's), so about 0.5 KB per indexed photo. At most {@value
 * #MAX_ENTRIES} photos per key (the oldest dropped: with uniform hashes a key holds 1/256 of a
 * band's photos, so the cap binds beyond about a million photos in the window, and a platform of
 * that size widens the bands). At most {@value #MAX_MATCHES} matches reported per photo, the most
 * recent. Comparing is a popcount per photo of the key: uniform hashes put 1/256 of the window in
 * each key.
 */
public final class PhotoIndex implements Stage<PhotoIndex.State> {
  public static final String NAME = "photo-index";
  static final long KEEP_MILLIS = 60 * 86_400_000L;
  static final int MAX_ENTRIES = 4096;
  static final int MAX_MATCHES = 64;
  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(PhotoBand.class), Set.of(PhotoMatch.class));

  /** The photos of one band value, oldest first. */
  public static final class State {
    final List<PhotoBand> photos = new ArrayList<>(2);
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
    PhotoBand b = (PhotoBand) fact;
    return b.band() + ":" + Integer.toHexString(b.value());
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    PhotoBand f = (PhotoBand) fact;
    prune(s, ctx.now());
    int reported = 0;
    boolean known = false;
    for (int i = s.photos.size() - 1; i >= 0 && reported < MAX_MATCHES; i--) {
      PhotoBand e = s.photos.get(i);
      if (e.review().equals(f.review())) {
        known |= e.hash() == f.hash();
        continue;
      }
      int d = PhotoHashes.distance(e.hash(), f.hash());
      if (d > PhotoHashes.MAX_DISTANCE
          || PhotoHashes.firstCommonBand(e.hash(), f.hash()) != f.band()
          || e.account().equals(f.account())
          || (f.order() != null && f.order().equals(e.order()))) {
        continue;
      }
      reported++;
      ctx.emit(
          new PhotoMatch(f.review(), f.account(), e.review(), e.account(), e.shop(), e.at(), d));
    }
    if (known) {
      return;
    }
    if (s.photos.size() == MAX_ENTRIES) {
      s.photos.remove(0);
    }
    s.photos.add(f);
    if (s.wake == NONE) {
      s.wake = s.photos.get(0).at() + KEEP_MILLIS + 1;
      ctx.wakeAt(s.wake);
    }
  }

  private static void prune(State s, long now) {
    int drop = 0;
    while (drop < s.photos.size() && s.photos.get(drop).at() < now - KEEP_MILLIS) {
      drop++;
    }
    if (drop > 0) {
      s.photos.subList(0, drop).clear();
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    prune(s, time);
    if (!s.photos.isEmpty()) {
      s.wake = s.photos.get(0).at() + KEEP_MILLIS + 1;
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
    return s.photos.isEmpty();
  }
}
