package io.brushguard.resolve;

import io.brushguard.flow.Fact;

/**
 * A like joined with the review it is on: who liked whose review of which shop.
 *
 * @param review the review
 * @param liker the account that liked it
 * @param author the review's author
 * @param shop the reviewed shop
 * @param rating the review's rating
 * @param likedAt when the like was given
 */
public record LikeLinked(
    String review, String liker, String author, String shop, int rating, long likedAt)
    implements Fact {}
