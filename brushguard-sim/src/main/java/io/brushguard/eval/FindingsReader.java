package io.brushguard.eval;

import io.brushguard.decide.Action;
import io.brushguard.detect.EntityKind;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a findings file ({@code spec/findings.md}) for evaluation. {@code finding} lines must have
 * {@code entity}, {@code id}, {@code score} (0..1) and {@code action} ({@code allow}, {@code
 * review} or {@code block}), and {@code reasons}, when present, must be an array of objects with a
 * {@code code}. {@code ring}, {@code shop} and {@code summary} lines are not used and are skipped;
 * any other {@code type} is rejected. Rejected lines are reported with their line numbers and the
 * rest is read.
 */
public final class FindingsReader {
  private static final Map<String, Action> ACTIONS =
      Map.of("allow", Action.ALLOW, "review", Action.REVIEW, "block", Action.BLOCK);

  private FindingsReader() {}

  /** Reads findings to the end of the stream; rejected lines go to {@code rejects}. */
  public static Findings read(InputStream in, Consumer<Reject> rejects) {
    Findings findings = new Findings();
    Consumer<Reject> counting =
        r -> {
          findings.countRejected();
          rejects.accept(r);
        };
    JsonLinesInput.read(
        in,
        (text, number) -> {
          Fields f = Fields.of(StrictJson.parse(text));
          String type = f.string("type");
          switch (type) {
            case "finding" -> findings.put(parse(f));
            case "ring", "shop", "summary" -> {}
            default ->
                throw new BadLine(
                    "type", "must be finding, ring, shop or summary, was \"" + type + "\"");
          }
        },
        counting);
    return findings;
  }

  static Scored parse(Fields f) {
    EntityKind kind = LabelsReader.entityKind(f, "entity");
    String id = f.string("id");
    double score = f.number("score");
    if (!(score >= 0 && score <= 1)) {
      throw new BadLine("score", "must be 0..1, was " + score);
    }
    String wire = f.string("action");
    Action action = ACTIONS.get(wire);
    if (action == null) {
      throw new BadLine("action", "must be allow, review or block, was \"" + wire + "\"");
    }
    List<?> reasons = f.optionalArray("reasons");
    if (reasons != null) {
      for (Object r : reasons) {
        if (!(r instanceof Map<?, ?> m) || !(m.get("code") instanceof String)) {
          throw new BadLine("reasons", "must be objects with a \"code\" string");
        }
      }
    }
    return new Scored(kind, id, score, action);
  }
}
