package io.brushguard.event;

import static io.brushguard.event.Ids.nonNegative;
import static io.brushguard.event.Ids.optional;
import static io.brushguard.event.Ids.require;

/** A money movement between two payment accounts. */
public record Payment(
    String payment,
    String from,
    String to,
    long amount,
    long ts,
    Kind kind,
    String order,
    String memo,
    String currency)
    implements Event {

  /** What the money movement was for. */
  public enum Kind {
    ORDER,
    REFUND,
    TRANSFER,
    RED_PACKET,
    SETTLEMENT,
    SUBSIDY,
    OTHER
  }

  public Payment {
    require("payment", payment);
    require("from", from);
    require("to", to);
    nonNegative("amount", amount);
    kind = kind == null ? Kind.OTHER : kind;
    optional("order", order);
    currency = currency == null ? "CNY" : currency;
  }

  @Override
  public EventType type() {
    return EventType.PAYMENT;
  }
}
