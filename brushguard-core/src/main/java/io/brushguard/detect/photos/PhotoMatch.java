package io.brushguard.detect.photos;

import io.brushguard.flow.Fact;

/**
 * A photo of a new review within {@link PhotoHashes#MAX_DISTANCE} bits of an earlier review's
 * photo, sent to the new review in {@link PhotoReuse}.
 *
 * @param review the new review
 * @param account its author
 * @param other the earlier review
 * @param otherAccount the earlier review's author
 * @param otherShop the earlier review's shop
 * @param otherAt when the earlier review was posted
 * @param distance the Hamming distance of the two hashes
 */
public record PhotoMatch(
    String review,
    String account,
    String other,
    String otherAccount,
    String otherShop,
    long otherAt,
    int distance)
    implements Fact {}
