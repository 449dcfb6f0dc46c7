package io.brushguard.event;

import static io.brushguard.event.Ids.require;

/** A like or "helpful" vote on a review. */
public record Like(String account, String review, long ts, String device, String ip)
    implements Event {
  public Like {
    require("account", account);
    require("review", review);
  }

  /** Likes carry no id of their own; findings and labels name one by {@code account|review}. */
  public String id() {
    return account + "|" + review;
  }

  @Override
  public EventType type() {
    return EventType.LIKE;
  }
}
