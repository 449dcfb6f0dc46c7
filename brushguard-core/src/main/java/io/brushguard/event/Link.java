package io.brushguard.event;

import static io.brushguard.event.Ids.require;

/** Binds a payment account to a platform account (buyer or merchant). */
public record Link(String account, String payer, long ts) implements Event {
  public Link {
    require("account", account);
    require("payer", payer);
  }

  @Override
  public EventType type() {
    return EventType.LINK;
  }
}
