package io.brushguard.event;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code type} field of an event, with its wire name. */
public enum EventType {
  ACCOUNT("account"),
  LOGIN("login"),
  SEARCH("search"),
  VIEW("view"),
  ORDER("order"),
  PAYMENT("payment"),
  LINK("link"),
  LOGISTICS("logistics"),
  REVIEW("review"),
  LIKE("like"),
  LISTING("listing"),
  REPORT("report"),
  SPOT_CHECK("spot_check");

  private static final Map<String, EventType> BY_WIRE =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(t -> t.wire, Function.identity()));

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The type with this wire name, or {@code null}. */
  public static EventType ofWire(String wire) {
    return BY_WIRE.get(wire);
  }
}
