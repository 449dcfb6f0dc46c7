package io.brushguard.credit;

import io.brushguard.detect.EntityKind;
import io.brushguard.flow.Fact;

/**
 * What changed about one of a shop's orders or reviews, as differences the shop's books add up: it
 * exists (the first time), it is judged fake or no longer, the shop is to blame for it or no
 * longer, consumers reported it, and how many of those reports the detections now uphold.
 *
 * @param entity {@code ORDER} or {@code REVIEW}
 * @param shop the shop it belongs to
 * @param id the order or review
 * @param value units sold (an order) or the rating (a review)
 * @param first true the first time it is reported: count it and its value
 * @param fake +1 when it became judged fake (its finding's action is {@code review} or {@code
 *     block}), -1 when that was lifted, else 0
 * @param blamed the same for "intercepted ({@code block}), and the shop's own doing": not when its
 *     finding says another party did it to the shop ({@link
 *     io.brushguard.decide.Reason#NOT_THE_SHOPS_DOING}, a fake review rated 3 or less, or a review
 *     carrying another's contact, {@code CONTACT_SPAM})
 * @param suspected the same for "awaiting a person ({@code review}), and the shop's own doing"
 * @param reports consumer reports about it that arrived since the last standing
 * @param upheld the change in its reports that the detections uphold: reports about it while it is
 *     flagged ({@code review} or {@code block}) and the shop is not the victim
 */
public record Standing(
    EntityKind entity,
    String shop,
    String id,
    int value,
    boolean first,
    int fake,
    int blamed,
    int suspected,
    int reports,
    int upheld)
    implements Fact {}
