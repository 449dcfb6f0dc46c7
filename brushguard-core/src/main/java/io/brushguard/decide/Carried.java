package io.brushguard.decide;

import io.brushguard.detect.Signal;
import io.brushguard.flow.Fact;

/**
 * Evidence about one entity carried over from the entity it belongs with: the judgement of an order
 * as a signal on its review, or of a review on its order ({@link CarryEvidence}). A fact of its own
 * type, not a {@link Signal}, so that carrying never feeds on what it carried: the dataflow stays
 * acyclic and evidence cannot echo back and forth between an order and its review.
 *
 * @param signal the signal as {@link Decide} applies it (strength 0 withdraws)
 */
public record Carried(Signal signal) implements Fact {}
