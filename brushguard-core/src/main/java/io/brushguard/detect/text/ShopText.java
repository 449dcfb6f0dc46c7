package io.brushguard.detect.text;

import io.brushguard.flow.Fact;

/**
 * An indexed review as its shop's {@link TemplateShops} key receives it: the review, its signature
 * and every one of its LSH band values. The shop compares it with its own recent reviews by these
 * bands, so that pairs at one shop are found however busy the global index's buckets are.
 *
 * @param indexed the review and its signature
 * @param bands its {@value TemplateText#BANDS} band values, in band order; never modified
 */
public record ShopText(Indexed indexed, int[] bands) implements Fact {}
