package io.brushguard.detect.photos;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Review;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.List;

/**
 * Splits each review photo's hash into its bands ({@link PhotoBand}), one fact per band, for the
 * band-keyed {@link PhotoIndex}. Stateless.
 *
 * <p>Key: the review (only reviews with photos). Bad input: at most {@value #MAX_IMAGES} photos per
 * review are indexed (the rest counted in {@link #capped}); a photo that is not a hex string of 1
 * to 16 digits, or the all-zero hash, is skipped and counted ({@link #invalid}); the same hash
 * twice on one review counts once.
 */
public final class PhotoBands implements Stage<PhotoBands.State> {
  public static final String NAME = "photo-bands";
  static final int MAX_IMAGES = 16;
  private static final Wiring WIRING = Wiring.events(EventType.REVIEW).produces(PhotoBand.class);

  private long invalid;
  private long capped;

  /** No state: a review's photos are split as it arrives. */
  public static final class State {}

  /** Photos skipped as not a 64-bit hex hash. */
  public long invalid() {
    return invalid;
  }

  /** Photos beyond the per-review cap, not indexed. */
  public long capped() {
    return capped;
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
    Review r = (Review) event;
    return r.images().isEmpty() ? null : r.review();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Review r = (Review) event;
    List<String> images = r.images();
    int n = Math.min(images.size(), MAX_IMAGES);
    capped += images.size() - n;
    long[] seen = new long[n];
    int distinct = 0;
    outer:
    for (int i = 0; i < n; i++) {
      long h = PhotoHashes.parse(images.get(i));
      if (h == PhotoHashes.NOT_A_HASH) {
        invalid++;
        continue;
      }
      for (int j = 0; j < distinct; j++) {
        if (seen[j] == h) {
          continue outer;
        }
      }
      seen[distinct++] = h;
      for (int b = 0; b < PhotoHashes.BANDS; b++) {
        ctx.emit(
            new PhotoBand(
                b,
                PhotoHashes.band(h, b),
                h,
                r.review(),
                r.account(),
                r.order(),
                r.shop(),
                r.ts()));
      }
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return true;
  }
}
