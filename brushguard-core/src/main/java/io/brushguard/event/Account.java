package io.brushguard.event;

import static io.brushguard.event.Ids.optional;
import static io.brushguard.event.Ids.require;

/** An account was registered. {@code shop} is set for merchant accounts. */
public record Account(
    String account,
    long ts,
    Role role,
    String shop,
    String phone,
    String identity,
    String device,
    String ip)
    implements Event {

  /** The kind of account. */
  public enum Role {
    BUYER,
    MERCHANT,
    STAFF
  }

  public Account {
    require("account", account);
    role = role == null ? Role.BUYER : role;
    optional("shop", shop);
  }

  @Override
  public EventType type() {
    return EventType.ACCOUNT;
  }
}
