package io.brushguard.eval;

import io.brushguard.detect.EntityKind;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a labels file: JSON Lines, one object per entity, for example {@code
 * {"entity":"order","id":"o1029","fraud":true,"tactic":"cashback"}}, {@code
 * {"entity":"account","id":"u77","fraud":false,"trap":"dorm"}} or {@code
 * {"entity":"shop","id":"s5","fraud":false,"victim":true,"tactic":"reverse_brushing"}}.
 *
 * <p>Rules: {@code entity}, {@code id} and {@code fraud} are required; {@code tactic} and {@code
 * trap} are optional non-empty strings; {@code victim} is optional (default false); a fraud entity
 * can be neither a trap nor a victim; a like's id is {@code <account>:<review>}; an entity is
 * labelled once. Other fields are ignored. A line that breaks a rule is rejected with its line
 * number and the rest is read.
 */
public final class LabelsReader {
  private LabelsReader() {}

  /** Reads labels to the end of the stream; rejected lines go to {@code rejects}. */
  public static Labels read(InputStream in, Consumer<Reject> rejects) {
    Labels labels = new Labels();
    Map<String, Long> firstLine = new HashMap<>();
    Consumer<Reject> counting =
        r -> {
          labels.countRejected();
          rejects.accept(r);
        };
    JsonLinesInput.read(
        in,
        (text, number) -> {
          Label label = parse(Fields.of(StrictJson.parse(text)));
          String key = label.entity().wire() + ' ' + label.id();
          Long first = firstLine.putIfAbsent(key, number);
          if (first != null) {
            throw new BadLine("id", "labels " + key + " again (first on line " + first + ")");
          }
          labels.add(label);
        },
        counting);
    return labels;
  }

  static Label parse(Fields f) {
    EntityKind kind = entityKind(f, "entity");
    String id = f.string("id");
    if (kind == EntityKind.LIKE && id.indexOf(':') <= 0) {
      throw new BadLine("id", "of a like must be <account>:<review>, was \"" + id + "\"");
    }
    boolean fraud = f.bool("fraud");
    String tactic = f.optionalString("tactic");
    String trap = f.optionalString("trap");
    boolean victim = f.optionalBool("victim", false);
    if (fraud && trap != null) {
      throw new BadLine("trap", "is for genuine look-alikes, but fraud is true");
    }
    if (fraud && victim) {
      throw new BadLine("victim", "is for genuine entities, but fraud is true");
    }
    return new Label(kind, id, fraud, tactic, trap, victim);
  }

  static EntityKind entityKind(Fields f, String field) {
    String wire = f.string(field);
    for (EntityKind k : EntityKind.values()) {
      if (k.wire().equals(wire)) {
        return k;
      }
    }
    throw new BadLine(
        field,
        "must be one of order, review, like, account, shop, payment, listing, was \""
            + wire
            + "\"");
  }
}
