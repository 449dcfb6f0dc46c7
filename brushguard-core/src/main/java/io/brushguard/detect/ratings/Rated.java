package io.brushguard.detect.ratings;

import io.brushguard.flow.Fact;
import java.util.List;

/**
 * A review with the population's rating and gap distributions just before it, sent to the author in
 * {@link RatingBursts}.
 *
 * @param account the author
 * @param review the review
 * @param rating 1..5
 * @param gapBin the bin of the gap since the author's previous review
 * @param population the population's shares: five ratings, then {@value RatingMix#GAP_BINS} gap
 *     bins (each part sums to 1)
 */
public record Rated(String account, String review, int rating, int gapBin, List<Double> population)
    implements Fact {}
