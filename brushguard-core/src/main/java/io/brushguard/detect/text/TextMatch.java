package io.brushguard.detect.text;

import io.brushguard.flow.Fact;
import java.util.List;

/**
 * A new review and the earlier reviews of the window whose texts are near-identical to it
 * (estimated Jaccard similarity at least {@link TemplateText#THRESHOLD}), as found by one group of
 * bands; each pair is reported by one group only (the one holding the first band they share).
 *
 * @param review the new review
 * @param neighbours earlier near-identical reviews, the most recent first, at most {@link
 *     TemplateText#MAX_NEIGHBOURS}
 * @param warm the index had run for {@link TemplateText#WARMUP_MILLIS}: how common a text is in the
 *     population can be told
 */
public record TextMatch(Member review, List<Neighbour> neighbours, boolean warm) implements Fact {}
