package io.brushguard.event;

import static io.brushguard.event.Ids.optional;
import static io.brushguard.event.Ids.require;

import java.util.List;

/** A product review with a rating of 1..5; {@code images} are perceptual hashes in hex. */
public record Review(
    String review,
    String account,
    String shop,
    int rating,
    long ts,
    String order,
    String item,
    String text,
    List<String> images,
    String device,
    String ip)
    implements Event {

  public Review {
    require("review", review);
    require("account", account);
    require("shop", shop);
    if (rating < 1 || rating > 5) {
      throw new InvalidEventException("rating", "must be 1..5, was " + rating);
    }
    optional("order", order);
    optional("item", item);
    images = images == null ? List.of() : List.copyOf(images);
  }

  @Override
  public EventType type() {
    return EventType.REVIEW;
  }
}
