package io.brushguard.detect.likes;

import io.brushguard.flow.Stage;
import java.util.List;

/**
 * LIKE_FARM: likes bought to push reviews to the top of a product page, from a farm of accounts on
 * a few devices, and from group-control rings whose accounts like each other's reviews.
 *
 * <p><b>How the fraud works.</b> A shop has hired accounts post glowing reviews, then pays a farm:
 * a few dozen accounts run from a handful of phones behind a few proxies like each of those reviews
 * within minutes. A group-control ring's operator has the ring's accounts review one shop within
 * the hour and like each other's reviews as they appear. What separates both from a genuinely
 * useful review that many strangers like is <em>who</em> likes: strangers come on their own phones
 * and at their own times; a farm's likers share phones, and a ring's likers are the other authors
 * of the same shop's fresh reviews.
 *
 * <p><b>Two stages</b>:
 *
 * <ol>
 *   <li>{@link LikeBursts} (key: review): the likers of one review within {@link
 *       LikeBursts#WINDOW_MILLIS}, joined when they share a device (with each other or with the
 *       review's author); fires when at least {@link LikeBursts#MIN_LINKED} likers are linked. A
 *       household shares a tablet among two to four.
 *   <li>{@link LikeRings} (key: shop): likes given within {@link LikeBursts#QUICK_MILLIS} of their
 *       review ({@link QuickLike}), as a graph of liker → author over {@link
 *       LikeRings#WINDOW_MILLIS}; fires when one component holds at least {@link
 *       LikeRings#MIN_MUTUAL} accounts that both wrote a fresh review there and liked another.
 * </ol>
 *
 * <p><b>Signals</b> (code {@value #CODE}): the likes, the liking accounts and the liked review; for
 * a farm also the review's order and author (who bought the likes' target), a little weaker.
 *
 * <p>Window, memory and references: see each stage.
 */
public final class Likes {
  public static final String CODE = "LIKE_FARM";

  private Likes() {}

  /** The like-farm stages, in dataflow order. */
  public static List<Stage<?>> stages() {
    return List.of(new LikeBursts(), new LikeRings());
  }
}
