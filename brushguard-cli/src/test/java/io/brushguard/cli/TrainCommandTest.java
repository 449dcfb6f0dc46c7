package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.decide.CodeEvidence;
import io.brushguard.decide.LogisticFusion;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.eval.TrainingRows;
import io.brushguard.sim.SimulationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void fit_learnsThatACodeSeenOnFraudRaisesTheScore_andOneSeenOnGenuineLowersIt() {
    Random r = new Random(3);
    List<TrainingRows.Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      boolean fraud = i % 2 == 0;
      String code =
          fraud
              ? (r.nextDouble() < 0.9 ? "CASHBACK" : "NAT")
              : (r.nextDouble() < 0.9 ? "NAT" : "CASHBACK");
      rows.add(
          new TrainingRows.Row(
              EntityKind.ORDER,
              "o" + i,
              List.of(new TrainingRows.Code(code, 0.5 + 0.4 * r.nextDouble(), 1)),
              fraud));
    }
    LogisticFusion model = FusionTrainer.fit(rows).model();
    double cashback = model.score(EntityKind.ORDER, List.of(evidence("CASHBACK", 0.7)));
    double nat = model.score(EntityKind.ORDER, List.of(evidence("NAT", 0.7)));
    assertThat(cashback).isGreaterThan(0.75);
    assertThat(nat).isLessThan(0.25);
    assertThat(model.kinds()).containsOnlyKeys(EntityKind.ORDER);
  }

  @Test
  void fit_kindWithTooFewOfOneClass_isLeftToTheDefault() {
    List<TrainingRows.Row> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      rows.add(
          new TrainingRows.Row(
              EntityKind.LIKE, "l" + i, List.of(new TrainingRows.Code("LIKE_FARM", 0.9, 1)), true));
    }
    FusionTrainer.Fitted fitted = FusionTrainer.fit(rows);
    assertThat(fitted.model().kinds()).isEmpty();
    assertThat(fitted.summary()).contains("like: 50 rows").contains("left to the default");
  }

  @Test
  void train_thenScanWithTheModel_endToEnd() throws Exception {
    Path market = dir.resolve("m");
    assertThat(
            Main.run(
                "demo",
                "--seed",
                "3",
                "--scale",
                Long.toString(SimulationSpec.MIN_EVENTS),
                "--dir",
                market.toString()))
        .isZero();
    Path model = dir.resolve("model.properties");
    int code =
        Main.run(
            "train",
            "--labels",
            market.resolve("labels.jsonl").toString(),
            "--findings",
            market.resolve("findings.jsonl").toString(),
            "--out",
            model.toString());
    assertThat(code).isZero();
    assertThat(Files.readString(model)).contains("format=brushguard-fusion/1").contains(".bias=");
    assertThat(console.out()).contains("model written to");

    Path findings = dir.resolve("findings.jsonl");
    assertThat(
            Main.run(
                "scan",
                "--in",
                market.resolve("events.jsonl").toString(),
                "--out",
                findings.toString(),
                "--model",
                model.toString()))
        .isZero();
    assertThat(Files.readString(findings)).contains("\"type\":\"summary\"");
  }

  @Test
  void train_labelsAndFindingsMustPair() {
    int code = Main.run("train", "--labels", "a,b", "--findings", "c", "--out", "m");
    assertThat(code).isNotZero();
    assertThat(console.err()).contains("--labels and --findings");
  }

  private static CodeEvidence evidence(String code, double s) {
    return new CodeEvidence(new Signal(EntityKind.ORDER, "o", code, "x", s, 0, null), 1, 0);
  }
}
