package io.brushguard.event;

import static io.brushguard.event.Ids.optional;
import static io.brushguard.event.Ids.require;

/**
 * A visit to a shop or item page. {@code dwellMs} is {@value #UNKNOWN} when absent; {@code query}
 * is the search that led here.
 */
public record View(
    String account, String shop, long ts, String item, long dwellMs, String session, String query)
    implements Event {
  public static final long UNKNOWN = -1;

  public View {
    require("account", account);
    require("shop", shop);
    optional("item", item);
    if (dwellMs < UNKNOWN) {
      throw new InvalidEventException("dwell_ms", "must not be negative, was " + dwellMs);
    }
  }

  @Override
  public EventType type() {
    return EventType.VIEW;
  }
}
