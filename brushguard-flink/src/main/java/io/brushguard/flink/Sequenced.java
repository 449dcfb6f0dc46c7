package io.brushguard.flink;

/**
 * A parsed line with its place in the input: an event, or for a rejected line none, so that the
 * sequence stays contiguous.
 *
 * @param seq the line's {@link Line#seq}
 * @param event the event and its line number, or null when the line was rejected
 */
record Sequenced(long seq, NumberedEvent event) {}
