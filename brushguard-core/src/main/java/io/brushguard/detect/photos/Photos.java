package io.brushguard.detect.photos;

import io.brushguard.flow.Stage;
import java.util.List;

/**
 * Reused review photos: {@link PhotoBands} splits each photo's perceptual hash into bands, {@link
 * PhotoIndex} (keyed by band value) finds the near-duplicates of each new photo among the last 60
 * days' by multi-index hashing, {@link PhotoReuse} (keyed by review) judges them.
 */
public final class Photos {
  private Photos() {}

  /** The photo stages, in dataflow order. */
  public static List<Stage<?>> stages() {
    return List.of(new PhotoBands(), new PhotoIndex(), new PhotoReuse());
  }
}
