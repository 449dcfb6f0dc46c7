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

  /** The token of this kind the event carries, or null. */
  public String tokenOf(Event e) {
    return switch (this) {
      case DEVICE -> deviceOf(e);
      case IP -> ipOf(e);
      case ADDRESS -> e instanceof Order o ? o.address() : null;
      case PHONE -> e instanceof Account a ? a.phone() : null;
      case IDENTITY -> e instanceof Account a ? a.identity() : null;
      case PAYER -> e instanceof Link l ? l.payer() : e instanceof Order o ? o.payer() : null;
    };
  }

  private static String deviceOf(Event e) {
    if (e instanceof Order o) {
      return o.device();
    } else if (e instanceof Login l) {
      return l.device();
    } else if (e instanceof Search s) {
      return s.device();
    } else if (e instanceof Review r) {
      return r.device();
    } else if (e instanceof Like l) {
      return l.device();
    } else if (e instanceof Account a) {
      return a.device();
    }
    return null;
  }

  private static String ipOf(Event e) {
    if (e instanceof Order o) {
      return o.ip();
    } else if (e instanceof Login l) {
      return l.ip();
    } else if (e instanceof Search s) {
      return s.ip();
    } else if (e instanceof Review r) {
      return r.ip();
    } else if (e instanceof Like l) {
      return l.ip();
    } else if (e instanceof Account a) {
      return a.ip();
    }
    return null;
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
