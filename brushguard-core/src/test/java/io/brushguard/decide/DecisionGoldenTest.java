package io.brushguard.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.findings.FindingsFormat;
import io.brushguard.flow.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden scenarios for the decision layer: each file under {@code src/test/resources/decide} feeds
 * signals to {@link Decide} at given event times and lists, line for line, the findings it must
 * emit in the output contract (score, action, intercept, reasons, ts). Each file pins one
 * documented rule (docs/detectors.md, "How signals become a score"), so that breaking the rule
 * turns the suite red.
 *
 * <p>File lines: {@code policy raw|standard [shops-by-score]}, {@code signal <ms> <entity> <id>
 * <CODE> <origin> <strength> [detail]}, then the {@code finding} lines expected from it (none when
 * the verdict does not change); {@code #} starts a comment.
 */
class DecisionGoldenTest {
  private static final long DAY = 86_400_000L;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "corroboration.txt",
        "strongest-per-code.txt",
        "recurrence.txt",
        "recurrence-cap.txt",
        "shop-needs-case.txt",
        "intercept-lifted.txt",
        "calibrated.txt"
      })
  void scenario_emitsExactlyTheGoldenFindings(String file) throws IOException {
    List<String> expected = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    Decide decide = null;
    RecordingContext ctx = new RecordingContext();
    Map<String, Decide.State> states = new HashMap<>();
    for (String raw : lines(file)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("policy ")) {
        decide = new Decide(policy(line), 30 * DAY);
      } else if (line.startsWith("signal ")) {
        Signal s = signal(line);
        Decide d = decide;
        Decide.State state = states.computeIfAbsent(d.keyOf(s), k -> d.newState());
        d.onFact(state, s, ctx.at(d.keyOf(s), Long.parseLong(line.split(" ")[1])));
        for (Object f : ctx.take()) {
          actual.add(FindingsFormat.finding((Finding) f));
        }
      } else {
        expected.add(line);
      }
    }
    assertThat(actual).as(file).containsExactlyElementsOf(expected);
  }

  private static DecisionPolicy policy(String line) {
    String[] p = line.split(" ");
    Fusion fusion =
        switch (p[1]) {
          case "raw" -> RecurrenceNoisyOr.RAW;
          case "standard" -> Fusion.standard();
          default -> throw new IllegalArgumentException("policy: raw or standard, was " + p[1]);
        };
    boolean shopsNeedCase = !(p.length > 2 && p[2].equals("shops-by-score"));
    return new DecisionPolicy(0.5, 0.9, shopsNeedCase, fusion);
  }

  private static Signal signal(String line) {
    String[] p = line.split(" ", 8);
    EntityKind kind = EntityKind.valueOf(p[2].toUpperCase(Locale.ROOT));
    return new Signal(
        kind,
        p[3],
        p[4],
        p[5],
        Double.parseDouble(p[6]),
        Long.parseLong(p[1]),
        p.length > 7 ? p[7] : null);
  }

  private static List<String> lines(String file) throws IOException {
    try (InputStream in = DecisionGoldenTest.class.getResourceAsStream("/decide/" + file)) {
      assertThat(in).as("golden file " + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
