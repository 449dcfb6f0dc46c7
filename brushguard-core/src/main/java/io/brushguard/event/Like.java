package io.brushguard.event;

import static io.brushguard.event.Ids.require;

/** A like or "helpful" vote on a review. */
public record Like(String account, String review, long ts, String device, String ip)
    implements Event {
  public Like {
    require("account", account);
    require("review", review);
  }

  /**
   * Separates account and review in {@link #key}: ids cannot hold control characters, so the key
   * splits back unambiguously even when the ids hold {@code ':'}.
   */
  public static final char SEPARATOR = '\u001f';

  /** Likes carry no id of their own; findings and labels name one {@code <account>:<review>}. */
  public String id() {
    return account + ":" + review;
  }

  /** The like's entity id inside the system: account and review, unambiguously. */
  public String key() {
    return account + SEPARATOR + review;
  }

  @Override
  public EventType type() {
    return EventType.LIKE;
  }
}
