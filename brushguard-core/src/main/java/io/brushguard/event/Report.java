package io.brushguard.event;

import static io.brushguard.event.Ids.require;
import static io.brushguard.event.Ids.required;

import java.util.List;

/** A consumer's report about a shop, review, order or account. */
public record Report(
    String report,
    String reporter,
    TargetKind targetKind,
    String target,
    long ts,
    Category category,
    String text,
    List<Attachment> attachments)
    implements Event {

  /** What a report is about. */
  public enum TargetKind {
    SHOP,
    REVIEW,
    ORDER,
    ACCOUNT
  }

  /** What the reporter says happened. */
  public enum Category {
    FAKE_REVIEW,
    BRUSHING,
    CASHBACK_INVITE,
    FAKE_LOGISTICS,
    SPAM,
    OTHER
  }

  /** A piece of evidence attached to a report. */
  public record Attachment(Kind kind, String sha256, String name) {
    /** The kind of evidence. */
    public enum Kind {
      SCREENSHOT,
      LOGISTICS_RECORD,
      CHAT
    }

    public Attachment {
      required("kind", kind);
    }
  }

  public Report {
    require("report", report);
    require("reporter", reporter);
    required("target_kind", targetKind);
    require("target", target);
    category = category == null ? Category.OTHER : category;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  @Override
  public EventType type() {
    return EventType.REPORT;
  }
}
