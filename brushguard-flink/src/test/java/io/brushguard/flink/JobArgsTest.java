package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.detect.concentration.ConcentrationDetector;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JobArgsTest {

  @Test
  void parse_allOptions_read() {
    JobArgs a =
        JobArgs.parse(
            "--in",
            "e.jsonl.gz",
            "--out",
            "out",
            "--rejects",
            "rej",
            "--lateness",
            "90s",
            "--config",
            "b.properties",
            "--checkpoint-interval",
            "2s",
            "--checkpoint-dir",
            "file:///tmp/ckpt",
            "--parallelism",
            "2");
    assertThat(a.in()).isEqualTo("e.jsonl.gz");
    assertThat(a.out()).isEqualTo("out");
    assertThat(a.rejects()).isEqualTo("rej");
    assertThat(a.lateness()).isEqualTo("90s");
    assertThat(a.config()).hasFileName("b.properties");
    assertThat(a.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(a.checkpointDir()).isEqualTo("file:///tmp/ckpt");
    assertThat(a.parallelism()).isEqualTo(2);
  }

  @Test
  void parse_onlyRequired_defaults() {
    JobArgs a = JobArgs.parse("--out", "o", "--in", "i");
    assertThat(a.rejects()).isNull();
    assertThat(a.lateness()).isNull();
    assertThat(a.config()).isNull();
    assertThat(a.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(a.checkpointDir()).isNull();
    assertThat(a.parallelism()).as("the environment's default").isZero();
  }

  @Test
  void parse_missingOutUnknownOptionOrValue_namesTheProblem() {
    assertThatThrownBy(() -> JobArgs.parse("--in", "i"))
        .hasMessageContaining("--in and --out are required");
    assertThatThrownBy(() -> JobArgs.parse("--in", "i", "--out", "o", "--fast", "yes"))
        .hasMessageContaining("unknown option --fast");
    assertThatThrownBy(() -> JobArgs.parse("--in", "i", "--out"))
        .hasMessageContaining("--out needs a value");
    assertThatThrownBy(() -> JobArgs.parse("--in", "i", "--out", "o", "--checkpoint-interval", "x"))
        .hasMessageContaining("must be a duration");
    assertThatThrownBy(() -> JobArgs.parse("--in", "i", "--out", "o", "--parallelism", "0"))
        .hasMessageContaining("--parallelism must be a positive integer, was 0");
  }

  @Test
  void settings_latenessOverridesConfig_andBadSettingsAreNamed() {
    Properties p = new Properties();
    p.setProperty("lateness", "5m");
    p.setProperty("decide.block_at", "0.95");
    JobSettings s = new JobSettings(p, DetectorFactory.standard());
    assertThat(s.config().latenessMillis()).isEqualTo(300_000);
    assertThat(s.config().decision().blockAt()).isEqualTo(0.95);

    p.setProperty("concentration.windw", "1h");
    assertThatThrownBy(() -> new JobSettings(p, DetectorFactory.standard()))
        .hasMessageContaining("concentration.windw: unknown setting");
  }

  @Test
  void settings_twoDetectorsWithOneName_refused() {
    DetectorFactory twice =
        c ->
            List.of(
                new ConcentrationDetector(c.concentration()),
                new ConcentrationDetector(c.concentration()));
    assertThatThrownBy(() -> new JobSettings(new Properties(), twice))
        .hasMessageContaining("two stages are named \"concentration\"");
  }
}
