package io.brushguard.detect.photos;

import io.brushguard.flow.Fact;

/**
 * One band of one review photo's perceptual hash, sent to the band's key in {@link PhotoIndex}.
 *
 * @param band the band's index, 0 to {@link PhotoHashes#BANDS} - 1
 * @param value the band's bits
 * @param hash the whole 64-bit hash
 * @param review the review carrying the photo
 * @param account the review's author
 * @param order the reviewed order, or null
 * @param shop the reviewed shop
 * @param at when the review was posted
 */
public record PhotoBand(
    int band,
    int value,
    long hash,
    String review,
    String account,
    String order,
    String shop,
    long at)
    implements Fact {}
