package io.brushguard.event;

import static io.brushguard.event.Ids.optional;
import static io.brushguard.event.Ids.require;
import static io.brushguard.event.Ids.required;

/** A third-party inspection of a shop. */
public record SpotCheck(
    String check,
    String shop,
    Kind kind,
    Result result,
    long ts,
    String item,
    String agency,
    String note)
    implements Event {

  /** What was inspected. */
  public enum Kind {
    QUALIFICATION,
    QUALITY
  }

  /** The inspection's outcome. */
  public enum Result {
    PASS,
    FAIL
  }

  public SpotCheck {
    require("check", check);
    require("shop", shop);
    required("kind", kind);
    required("result", result);
    optional("item", item);
  }

  @Override
  public EventType type() {
    return EventType.SPOT_CHECK;
  }
}
