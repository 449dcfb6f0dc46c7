package io.brushguard.detect.ratings;

import io.brushguard.flow.Stage;
import java.util.List;

/**
 * Rating patterns: professional bad reviewers ({@link BadReviewers}) and the compensation they
 * extort ({@link Compensations}); accounts rating extremely and in bursts against the population
 * ({@link RatingPopulation}, {@link RatingBursts}); shops whose ratings jump above their own
 * history ({@link RatingShift}).
 */
public final class Ratings {
  private Ratings() {}

  /** The rating stages, in dataflow order. */
  public static List<Stage<?>> stages() {
    return List.of(
        new BadReviewers(),
        new Compensations(),
        new RatingPopulation(),
        new RatingBursts(),
        new RatingShift());
  }
}
