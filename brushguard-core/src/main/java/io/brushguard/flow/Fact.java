package io.brushguard.flow;

/**
 * A derived fact: what one {@link Stage} concluded and hands to the stages that subscribe to its
 * type, keyed by whatever they key on. Facts are immutable records; the runtime carries each with
 * its {@link Stamp} (the event time of the call that emitted it and the tie-break rule), so a fact
 * needs no time field of its own unless it refers to an earlier moment.
 *
 * <p>Facts are routed by their exact class: a stage {@link Wiring#consumes consumes} a record type,
 * and the {@link Topology} checks at start that some stage produces it.
 */
public interface Fact {}
