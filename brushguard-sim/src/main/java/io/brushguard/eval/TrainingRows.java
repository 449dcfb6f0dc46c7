package io.brushguard.eval;

import io.brushguard.detect.EntityKind;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The evidence of each finding as a row to learn from: per reason code, the strength of its
 * strongest signal and how many origins say it (the reasons' {@code evidence} objects, which {@code
 * scan} writes), joined with the entity's label. Findings without evidence (nothing said about the
 * entity) are left out: their score is 0 whatever a model says. The last finding per entity counts,
 * as in a batch file.
 */
public final class TrainingRows {
  /** One code's evidence in a finding. */
  public record Code(String code, double strength, int origins) {}

  /** One entity's evidence and label. */
  public record Row(EntityKind entity, String id, List<Code> codes, boolean fraud) {}

  private TrainingRows() {}

  /** Reads a findings file's rows, labelled from {@code labels}; bad lines go to rejects. */
  public static List<Row> read(InputStream findings, Labels labels, Consumer<Reject> rejects) {
    Map<String, Row> rows = new LinkedHashMap<>();
    JsonLinesInput.read(
        findings,
        (text, number) -> {
          Fields f = Fields.of(StrictJson.parse(text));
          if (!"finding".equals(f.string("type"))) {
            return;
          }
          Scored s = FindingsReader.parse(f);
          List<Code> codes = new ArrayList<>();
          List<?> reasons = f.optionalArray("reasons");
          for (Object r : reasons == null ? List.of() : reasons) {
            Map<?, ?> m = (Map<?, ?>) r;
            if (m.get("evidence") instanceof Map<?, ?> ev) {
              codes.add(
                  new Code(
                      (String) m.get("code"),
                      number(ev, "strength", 0, 1),
                      (int) number(ev, "origins", 1, Integer.MAX_VALUE)));
            }
          }
          String key = s.entity().wire() + '/' + s.id();
          if (codes.isEmpty()) {
            rows.remove(key);
            return;
          }
          Label l = labels.get(s.entity(), s.id());
          rows.put(key, new Row(s.entity(), s.id(), List.copyOf(codes), l != null && l.fraud()));
        },
        rejects);
    return new ArrayList<>(rows.values());
  }

  private static double number(Map<?, ?> evidence, String name, double min, double max) {
    if (!(evidence.get(name) instanceof Number n)
        || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
      throw new BadLine(
          "reasons.evidence." + name,
          "must be a number in " + min + ".." + max + ", was " + evidence.get(name));
    }
    return n.doubleValue();
  }
}
