package io.brushguard.resolve;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Login;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.event.Search;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of token an account leaves behind, which tie accounts to one another when shared: the
 * device and IP it acts from, the address it ships to, the phone and identity it registered with,
 * the payment accounts it pays from. Each kind says which events carry it.
 */
public enum TokenKind {
  DEVICE(
      EnumSet.of(
          EventType.ACCOUNT,
          EventType.LOGIN,
          EventType.SEARCH,
          EventType.ORDER,
          EventType.REVIEW,
          EventType.LIKE)),
  IP(
      EnumSet.of(
          EventType.ACCOUNT,
          EventType.LOGIN,
          EventType.SEARCH,
          EventType.ORDER,
          EventType.REVIEW,
          EventType.LIKE)),
  ADDRESS(EnumSet.of(EventType.ORDER)),
  PHONE(EnumSet.of(EventType.ACCOUNT)),
  IDENTITY(EnumSet.of(EventType.ACCOUNT)),
  PAYER(EnumSet.of(EventType.LINK, EventType.ORDER));

  private final Set<EventType> carriers;

  TokenKind(Set<EventType> carriers) {
    this.carriers = carriers;
  }

  /** The event types that may carry a token of this kind. */
  public Set<EventType> carriers() {
    return carriers;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The token of this kind the event carries, or null: one place per event type. */
  public String tokenOf(Event e) {
    if (e instanceof Order o) {
      return switch (this) {
        case DEVICE -> o.device();
        case IP -> o.ip();
        case ADDRESS -> o.address();
        case PAYER -> o.payer();
        case PHONE, IDENTITY -> null;
      };
    } else if (e instanceof Account a) {
      return switch (this) {
        case DEVICE -> a.device();
        case IP -> a.ip();
        case PHONE -> a.phone();
        case IDENTITY -> a.identity();
        case ADDRESS, PAYER -> null;
      };
    } else if (e instanceof Link l) {
      return this == PAYER ? l.payer() : null;
    } else if (e instanceof Login l) {
      return deviceOrIp(l.device(), l.ip());
    } else if (e instanceof Search s) {
      return deviceOrIp(s.device(), s.ip());
    } else if (e instanceof Review r) {
      return deviceOrIp(r.device(), r.ip());
    } else if (e instanceof Like l) {
      return deviceOrIp(l.device(), l.ip());
    }
    return null;
  }

  /** For events that carry only a device and an IP. */
  private String deviceOrIp(String device, String ip) {
    return this == DEVICE ? device : this == IP ? ip : null;
  }

  /** The platform account acting in an event that carries tokens, or null. */
  public static String accountOf(Event e) {
    if (e instanceof Order o) {
      return o.account();
    } else if (e instanceof Login l) {
      return l.account();
    } else if (e instanceof Search s) {
      return s.account();
    } else if (e instanceof Review r) {
      return r.account();
    } else if (e instanceof Like l) {
      return l.account();
    } else if (e instanceof Link l) {
      return l.account();
    } else if (e instanceof Account a) {
      return a.account();
    }
    return null;
  }
}
