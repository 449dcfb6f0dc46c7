package io.brushguard.event;

/**
 * One thing that happened on the marketplace, as defined by the event contract ({@code
 * spec/events.md}). The set is sealed: a {@code switch} over it without {@code default} makes a new
 * event type a compile error everywhere it must be handled.
 *
 * <p>Every event carries its event time {@link #ts()} in epoch milliseconds. Optional text fields
 * are {@code null} when absent.
 */
public sealed interface Event
    permits Account,
        Login,
        Search,
        View,
        Order,
        Payment,
        Link,
        Logistics,
        Review,
        Like,
        Listing,
        Report,
        SpotCheck {

  /** Event time in epoch milliseconds. */
  long ts();

  /** The wire name of this event's type. */
  EventType type();
}
