package io.brushguard.detect.ratings;

import io.brushguard.flow.Stage;
import java.util.List;

/**
 * Rating patterns: professional bad reviewers ({@link BadReviewers}) and the compensation they
 * extort ({@link Compensations}).
 */
public final class Ratings {
  private Ratings() {}

  /** The rating stages, in dataflow order. */
  public static List<Stage<?>> stages() {
    return List.of(new BadReviewers(), new Compensations());
  }
}
