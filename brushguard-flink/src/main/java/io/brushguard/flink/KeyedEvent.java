package io.brushguard.flink;

import io.brushguard.event.Event;

/**
 * An event with its partition key for one detector, computed once, before the shuffle.
 *
 * @param key the detector's {@link io.brushguard.detect.Detector#keyOf key}, never null
 * @param event the event
 */
public record KeyedEvent(String key, Event event) {}
