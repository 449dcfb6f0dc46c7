package io.brushguard.detect.likes;

import io.brushguard.flow.Fact;

/**
 * A like given soon after its review was posted (within {@link LikeBursts#QUICK_MILLIS}), sent to
 * the review's shop, where {@link LikeRings} looks for accounts that review the shop and like each
 * other's fresh reviews there.
 *
 * @param shop the reviewed shop
 * @param review the review liked
 * @param author the review's author
 * @param liker the liking account
 * @param like the like's entity id ({@code Like.key()})
 * @param likedAt when the like was given
 */
public record QuickLike(
    String shop, String review, String author, String liker, String like, long likedAt)
    implements Fact {}
