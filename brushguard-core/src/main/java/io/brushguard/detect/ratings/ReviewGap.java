package io.brushguard.detect.ratings;

import io.brushguard.flow.Fact;

/**
 * A review with the time since its author's previous review, binned ({@link RatingMix#gapBin}),
 * sent to the one key of {@link RatingPopulation}.
 *
 * @param account the author
 * @param review the review
 * @param rating 1..5
 * @param gapBin the bin of the gap since the author's previous review
 */
public record ReviewGap(String account, String review, int rating, int gapBin) implements Fact {}
