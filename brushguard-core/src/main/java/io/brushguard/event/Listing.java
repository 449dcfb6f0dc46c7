package io.brushguard.event;

import static io.brushguard.event.Ids.optional;
import static io.brushguard.event.Ids.require;
import static io.brushguard.event.Ids.required;

/** A listing, shop page or other merchant-written text. */
public record Listing(String listing, String shop, String text, long ts, String item, String title)
    implements Event {
  public Listing {
    require("listing", listing);
    require("shop", shop);
    required("text", text);
    optional("item", item);
  }

  @Override
  public EventType type() {
    return EventType.LISTING;
  }
}
