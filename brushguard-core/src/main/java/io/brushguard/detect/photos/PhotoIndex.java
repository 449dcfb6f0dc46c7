package io.brushguard.detect.photos;

import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
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
 * {@value PhotoHashes#BANDS} bands: its hash and time in the key's primitive arrays and a reference
 * to its {@link PhotoBand} fact (about 80 bytes with it, up to twice the arrays' part while a ring
 * is half full; the strings are the review event's), so about 0.7 KB per indexed photo. At most
 * {@value #MAX_ENTRIES} photos per key (the oldest dropped: with uniform hashes a key holds 1/256
 * of a band's photos, so the cap binds beyond about a million photos in the window, and a platform
 * of that size widens the bands). At most {@value #MAX_MATCHES} matches reported per photo, the
 * most recent. Comparing is a popcount per photo of the key over its array of hashes (uniform
 * hashes put 1/256 of the window in each key); only a photo within reach is read further.
 */
public final class PhotoIndex implements Stage<PhotoIndex.State> {
  public static final String NAME = "photo-index";
  static final long KEEP_MILLIS = 60 * 86_400_000L;
  static final int MAX_ENTRIES = 4096;
  static final int MAX_MATCHES = 64;
  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(PhotoBand.class), Set.of(PhotoMatch.class));

  /**
   * The photos of one band value, oldest first, in a ring: their hashes and times in primitive
   * arrays, so that comparing a new photo with all of them reads two arrays in order and only the
   * few within reach are looked at further.
   */
  public static final class State {
    long[] hashes = new long[2];
    long[] times = new long[2];
    PhotoBand[] photos = new PhotoBand[2];
    int head;
    int size;
    long wake = NONE;

    /** The {@code i}th photo from the oldest: its slot in the ring. */
    int slot(int i) {
      return (head + i) & (photos.length - 1);
    }

    long oldestTime() {
      return times[head];
    }

    void add(PhotoBand f) {
      if (size == photos.length) {
        if (size == MAX_ENTRIES) {
          dropOldest();
        } else {
          grow();
        }
      }
      int at = slot(size++);
      hashes[at] = f.hash();
      times[at] = f.at();
      photos[at] = f;
    }

    void dropOldest() {
      photos[head] = null;
      head = (head + 1) & (photos.length - 1);
      size--;
    }

    private void grow() {
      int n = photos.length * 2;
      long[] h = new long[n];
      long[] t = new long[n];
      PhotoBand[] p = new PhotoBand[n];
      for (int i = 0; i < size; i++) {
        int from = slot(i);
        h[i] = hashes[from];
        t[i] = times[from];
        p[i] = photos[from];
      }
      hashes = h;
      times = t;
      photos = p;
      head = 0;
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
    long hash = f.hash();
    for (int i = s.size - 1; i >= 0 && reported < MAX_MATCHES; i--) {
      int at = s.slot(i);
      int d = PhotoHashes.distance(s.hashes[at], hash);
      if (d > PhotoHashes.MAX_DISTANCE) {
        continue; // neither a match nor this review again with this very photo
      }
      PhotoBand e = s.photos[at];
      if (e.review().equals(f.review())) {
        known |= d == 0;
        continue;
      }
      if (PhotoHashes.firstCommonBand(e.hash(), hash) != f.band()
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
    s.add(f);
    if (s.wake == NONE) {
      s.wake = s.oldestTime() + KEEP_MILLIS + 1;
      ctx.wakeAt(s.wake);
    }
  }

  private static void prune(State s, long now) {
    while (s.size > 0 && s.oldestTime() < now - KEEP_MILLIS) {
      s.dropOldest();
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    prune(s, time);
    if (s.size > 0) {
      s.wake = s.oldestTime() + KEEP_MILLIS + 1;
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
    return s.size == 0;
  }
}
