package io.brushguard.event;

import static io.brushguard.event.Ids.require;
import static io.brushguard.event.Ids.required;

/** A search on the platform. */
public record Search(
    String account, String query, long ts, String session, String device, String ip)
    implements Event {
  public Search {
    require("account", account);
    required("query", query);
  }

  @Override
  public EventType type() {
    return EventType.SEARCH;
  }
}
