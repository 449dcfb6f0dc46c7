package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void simulate_writesEventsLabelsPlanAndReadme_andSaysHowMuch() throws Exception {
    Path out = dir.resolve("market");

    int code = Main.run("simulate", "--seed", "3", "--scale", "50k", "--out", out.toString());

    assertThat(code).isZero();
    assertThat(out.resolve("events.jsonl")).isNotEmptyFile();
    assertThat(out.resolve("labels.jsonl")).isNotEmptyFile();
    assertThat(Files.readString(out.resolve("plan.json")))
        .contains("\"seed\": 3", "\"cashback\"", "\"dorm\"");
    assertThat(out.resolve("README.md")).isNotEmptyFile();
    assertThat(console.err())
        .matches("(?s)brushguard: wrote [0-9,]+ events .* labels to .*events/s\\)\\R");
  }

  @Test
  void simulate_gzip_writesACompressedEventsFile() throws Exception {
    int code =
        Main.run("simulate", "--scale", "50000", "--gzip", "--days", "10", "--out", dir.toString());

    assertThat(code).isZero();
    byte[] head = Files.readAllBytes(dir.resolve("events.jsonl.gz"));
    assertThat(head[0] & 0xFF).isEqualTo(0x1f);
    assertThat(head[1] & 0xFF).isEqualTo(0x8b);
    assertThat(dir.resolve("events.jsonl")).doesNotExist();
  }

  @Test
  void simulate_unknownScale_failsNamingTheAcceptedForms() {
    int code = Main.run("simulate", "--scale", "huge", "--out", dir.toString());

    assertThat(code).isEqualTo(1);
    assertThat(console.err()).contains("scale must be small, medium, large or an event count");
  }

  @Test
  void simulate_withoutOut_isAUsageError() {
    assertThat(Main.run("simulate", "--scale", "small")).isEqualTo(2);
    assertThat(console.err()).contains("--out");
  }
}
