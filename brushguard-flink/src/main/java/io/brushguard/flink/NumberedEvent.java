package io.brushguard.flink;

import io.brushguard.event.Event;

/**
 * A valid event with the line it came from (for the rejects file when it turns out late).
 *
 * @param event the event
 * @param line 1-based line number in the input
 */
public record NumberedEvent(Event event, long line) {}
