package io.brushguard.detect.velocity;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@link TokenVelocity} stage keys on: the buyer account, or a token the action carries.
 * Tokens of one person or household (account, device, payment account) are tested for bursts
 * against their own history; every shared token is tested for lockstep (many accounts behind it on
 * one target), where the strangers behind a carrier address or a dorm are the null.
 */
public enum VelocityToken {
  /** The buyer account: bursts only (one account cannot act in lockstep with itself). */
  ACCOUNT(EnumSet.of(EventType.ORDER), true, false),
  DEVICE(EnumSet.of(EventType.ORDER, EventType.REVIEW, EventType.LIKE), true, true),
  /** The device for the standard set: orders and likes (reviews in lockstep are the crowds'). */
  DEVICE_ORDERS_LIKES(EnumSet.of(EventType.ORDER, EventType.LIKE), true, true),
  IP(EnumSet.of(EventType.ORDER, EventType.REVIEW, EventType.LIKE), false, true),
  /** The IPv4 /24 (or the IPv6 /48) of the IP: a proxy pool rotating through one block. */
  IP_PREFIX(EnumSet.of(EventType.ORDER, EventType.REVIEW, EventType.LIKE), false, true),
  ADDRESS(EnumSet.of(EventType.ORDER), false, true),
  PAYER(EnumSet.of(EventType.ORDER), true, true);

  private final Set<EventType> events;
  private final boolean burst;
  private final boolean lockstep;

  VelocityToken(Set<EventType> events, boolean burst, boolean lockstep) {
    this.events = events;
    this.burst = burst;
    this.lockstep = lockstep;
  }

  Set<EventType> events() {
    return events;
  }

  /**
   * Whether this token belongs to one person or household (a burst on it means something, and
   * strangers do not share it).
   */
  boolean personal() {
    return burst;
  }

  boolean lockstep() {
    return lockstep;
  }

  public String wire() {
    return this == DEVICE_ORDERS_LIKES
        ? "device"
        : name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The token of this kind the event carries, or null. */
  String tokenOf(Event e) {
    if (e instanceof Order o) {
      return switch (this) {
        case ACCOUNT -> o.account();
        case DEVICE, DEVICE_ORDERS_LIKES -> o.device();
        case IP -> o.ip();
        case IP_PREFIX -> prefix(o.ip());
        case ADDRESS -> o.address();
        case PAYER -> o.payer();
      };
    } else if (e instanceof Review r) {
      return deviceOrIp(r.device(), r.ip());
    } else if (e instanceof Like l) {
      return deviceOrIp(l.device(), l.ip());
    }
    return null;
  }

  private String deviceOrIp(String device, String ip) {
    return switch (this) {
      case DEVICE, DEVICE_ORDERS_LIKES -> device;
      case IP -> ip;
      case IP_PREFIX -> prefix(ip);
      case ACCOUNT, ADDRESS, PAYER -> null;
    };
  }

  /** {@code a.b.c} of an IPv4 {@code a.b.c.d}; the first three groups of an IPv6; else null. */
  static String prefix(String ip) {
    if (ip == null) {
      return null;
    }
    int colon = ip.indexOf(':');
    if (colon >= 0) {
      int second = ip.indexOf(':', colon + 1);
      int third = second < 0 ? -1 : ip.indexOf(':', second + 1);
      return third < 0 ? null : ip.substring(0, third);
    }
    int dot = ip.lastIndexOf('.');
    return dot <= 0 ? null : ip.substring(0, dot);
  }
}
