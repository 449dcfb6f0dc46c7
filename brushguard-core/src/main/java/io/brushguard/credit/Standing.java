package io.brushguard.credit;

import io.brushguard.detect.EntityKind;
import io.brushguard.flow.Fact;

/**
 * What a shop's books need to know about one of its orders or reviews: that it exists (the first
 * time) and whether it is now judged fake (each time that changes).
 *
 * @param entity {@code ORDER} or {@code REVIEW}
 * @param shop the shop it belongs to
 * @param id the order or review
 * @param value units sold (an order) or the rating (a review)
 * @param fake whether it is now judged fake: its finding's action is {@code block}
 * @param first true the first time it is reported, false when only {@code fake} changed
 */
public record Standing(
    EntityKind entity, String shop, String id, int value, boolean fake, boolean first)
    implements Fact {}
