package io.brushguard.flink;

import io.brushguard.flow.Stamp;

/**
 * An input on its way to one stage: the stage's key for it, computed once before the shuffle, its
 * {@link Stamp} (time and tie-break rule) and the event or fact itself.
 *
 * @param key the stage's key, never null
 * @param stamp where the input stands in the order every stage key sees its inputs in
 * @param input an {@link io.brushguard.event.Event} or a {@link io.brushguard.flow.Fact}
 */
public record Routed(String key, Stamp stamp, Object input) {}
