package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.findings.Summary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job stopped with a savepoint half-way through its input and started again from it ends with
 * the embedded scan's findings, rejects and counts: every piece of state (source position, the
 * lateness gate, detector states, pending events and wake-ups, verdicts) survives, and the findings
 * written before and after the stop fold in the right order.
 */
class SavepointRestoreTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setConfiguration(
                  new Configuration()
                      // the paused source reader is only interrupted after this timeout
                      .set(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT, 100L)
                      // accumulators of running jobs travel with heartbeats
                      .set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200)))
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .build());

  @TempDir Path work;

  @AfterEach
  void release() {
    PausingFormat.pauseAfter = Long.MAX_VALUE;
  }

  @Test
  void job_stoppedWithSavepointMidStreamThenRestored_sameAsEmbedded() throws Exception {
    Path input = work.resolve("market.jsonl");
    String text = MarketInput.generate(21, 1);
    Files.writeString(input, text, StandardCharsets.UTF_8);
    Properties settings = new Properties();
    settings.setProperty("lateness", "1m");
    Path config = work.resolve("job.properties");
    try (var w = Files.newBufferedWriter(config)) {
      settings.store(w, null);
    }
    DetectorFactory detectors = FlinkScanEquivalenceTest.STANDARD_AND_TEST_DETECTORS;
    JobArgs args =
        JobArgs.parse(
            "--in", input.toString(),
            "--out", work.resolve("findings").toString(),
            "--rejects", work.resolve("rejects").toString(),
            "--config", config.toString(),
            "--checkpoint-interval", "1h"); // only the savepoint and the final checkpoint
    Outcome embedded = Outcome.embedded(input, settings, detectors);
    // stop just before a late event, so that only a restored lateness gate can refuse it
    long lateLine =
        embedded.rejects().stream()
            .filter(r -> r.contains("late event"))
            .mapToLong(r -> Long.parseLong(r.substring(8, r.indexOf(','))))
            .filter(n -> n > 200)
            .findFirst()
            .orElseThrow();
    long pause = nonBlankLinesBefore(text, lateLine);

    PausingFormat.EMITTED.set(0);
    PausingFormat.pauseAfter = pause;
    StreamExecutionEnvironment first = environment(null);
    FindingsJob.prepare(first, args, detectors, new PausingFormat());
    JobClient job = first.executeAsync("first half");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (linesHandled(job) < pause && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    String savepoint =
        job.stopWithSavepoint(
                false, work.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
            .get(60, TimeUnit.SECONDS);
    Summary firstHalf = FindingsJob.summary(job.getJobExecutionResult().get(), 0);
    assertThat(firstHalf.events() + firstHalf.rejected() + firstHalf.late())
        .as("lines handled before the stop")
        .isEqualTo(pause);
    assertThat(Outcome.readAll(work.resolve("findings"), "findings-"))
        .as("findings written before the stop")
        .isNotEmpty();

    PausingFormat.pauseAfter = Long.MAX_VALUE;
    StreamExecutionEnvironment second = environment(savepoint);
    FindingsJob.prepare(second, args, detectors, new PausingFormat());
    JobExecutionResult rest = second.execute("second half");
    Summary secondHalf = FindingsJob.summary(rest, 0);

    assertThat(CurrentFindings.flagged(work.resolve("findings")))
        .containsExactlyElementsOf(embedded.findings());
    assertThat(CurrentFindings.shops(work.resolve("findings")))
        .containsExactlyElementsOf(embedded.shops());
    assertThat(Outcome.byLine(Outcome.readAll(work.resolve("rejects"), "rejects-")))
        .containsExactlyElementsOf(embedded.rejects());
    assertThat(
            new Outcome.Counts(
                firstHalf.events() + secondHalf.events(),
                firstHalf.rejected() + secondHalf.rejected(),
                firstHalf.late() + secondHalf.late(),
                firstHalf.detectorErrors() + secondHalf.detectorErrors()))
        .isEqualTo(embedded.counts());
  }

  private static long nonBlankLinesBefore(String text, long line) {
    return text.lines().limit(line - 1).filter(l -> !l.isBlank()).count();
  }

  /** Lines the running job has parsed and admitted or refused, as its accumulators last said. */
  private static long linesHandled(JobClient job) throws Exception {
    Map<String, Object> counts = job.getAccumulators().get();
    long n = 0;
    for (String name : List.of(Counters.EVENTS, Counters.REJECTED, Counters.LATE)) {
      n += counts.get(name) instanceof Long l ? l : 0;
    }
    return n;
  }

  private static StreamExecutionEnvironment environment(String savepoint) {
    Configuration conf = new Configuration().set(RestartStrategyOptions.RESTART_STRATEGY, "none");
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.configure(conf);
    return env;
  }
}
