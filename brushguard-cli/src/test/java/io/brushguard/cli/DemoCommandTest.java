package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.sim.SimulationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The demo end to end on the smallest market the simulator makes: simulate, scan, evaluate. */
class DemoCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  private static final String SMALLEST = Long.toString(SimulationSpec.MIN_EVENTS);
  @TempDir Path dir;

  @Test
  void demo_simulatesScansAndPrintsTheEvaluation_sameSeedSameFigures() throws Exception {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");

    int code = Main.run("demo", "--seed", "7", "--scale", SMALLEST, "--dir", first.toString());
    String text = console.out();
    int again = Main.run("demo", "--seed", "7", "--scale", SMALLEST, "--dir", second.toString());

    assertThat(code).isZero();
    assertThat(again).isZero();
    assertThat(console.err()).isEmpty();
    for (String f :
        new String[] {
          "events.jsonl", "labels.jsonl", "plan.json", "findings.jsonl", "evaluation.json"
        }) {
      assertThat(first.resolve(f)).isNotEmptyFile();
    }
    assertThat(text)
        .contains("every entity scored")
        .contains("Flagged (action review or block) against fraud labels")
        .contains("Recall per tactic")
        .contains("False positives per trap")
        .contains("Victims")
        .containsPattern("\\n  order +\\d+ +\\d+ +\\d+ +\\d+ +\\d+ ")
        .containsPattern("\\n  concentration +.* [01]\\.\\d{3}\\n")
        .contains("ROC AUC");
    String json = Files.readString(first.resolve("evaluation.json"));
    assertThat(json).contains("\"all_scores\":true").contains("\"tactic\":\"concentration\"");
    // the simulator is deterministic and so is the scan: the same seed gives the same evaluation
    assertThat(Files.readString(second.resolve("evaluation.json"))).isEqualTo(json);
  }
}
