package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalErr;

  @BeforeEach
  void captureStderr() {
    originalErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(originalErr);
  }

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
    assertThat(err.toString(StandardCharsets.UTF_8))
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
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("scale must be small, medium, large or an event count");
  }

  @Test
  void simulate_withoutOut_isAUsageError() {
    assertThat(Main.run("simulate", "--scale", "small")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out");
  }
}
