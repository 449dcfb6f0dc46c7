package io.brushguard.event;

import static io.brushguard.event.Ids.require;

/** A sign-in. */
public record Login(String account, long ts, String device, String ip) implements Event {
  public Login {
    require("account", account);
  }

  @Override
  public EventType type() {
    return EventType.LOGIN;
  }
}
