package io.brushguard.event;

import static io.brushguard.event.Ids.nonNegative;
import static io.brushguard.event.Ids.optional;
import static io.brushguard.event.Ids.require;

/**
 * An order was placed and paid. {@code amount} and {@code subsidy} are in minor units of {@code
 * currency}.
 */
public record Order(
    String order,
    String account,
    String shop,
    String item,
    long amount,
    long ts,
    int quantity,
    String currency,
    String device,
    String ip,
    String address,
    String payer,
    long subsidy,
    String campaign,
    String session)
    implements Event {

  public Order {
    require("order", order);
    require("account", account);
    require("shop", shop);
    require("item", item);
    nonNegative("amount", amount);
    if (quantity < 1) {
      throw new InvalidEventException("quantity", "must be at least 1, was " + quantity);
    }
    currency = currency == null ? "CNY" : currency;
    optional("payer", payer);
    nonNegative("subsidy", subsidy);
    optional("campaign", campaign);
  }

  /** An order with only the required fields. */
  public static Order of(
      String order, String account, String shop, String item, long amount, long ts) {
    return new Order(
        order, account, shop, item, amount, ts, 1, null, null, null, null, null, 0, null, null);
  }

  @Override
  public EventType type() {
    return EventType.ORDER;
  }
}
