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
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job stopped with a savepoint half-way through its input and started again from it ends with
 * the embedded scan's findings, rejects and counts: every piece of state (source position, the
 * lateness gate, detector states, pending events and wake-ups, verdicts) survives, and the findings
 * written before and after the stop fold in the right order.
 */
@Tag("slow") // a Flink MiniCluster end to end: seconds each; CI runs it, -Dfast skips it
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

  private static final DetectorFactory DETECTORS =
      FlinkScanEquivalenceTest.STANDARD_AND_TEST_DETECTORS;

  @TempDir Path work;

  @AfterEach
  void release() {
    PausingFormat.pauseAfter = Long.MAX_VALUE;
  }

  @Test
  void job_stoppedWithSavepointMidStreamThenRestored_sameAsEmbedded() throws Exception {
    String text = MarketInput.generate(21, 1);
    Properties settings = new Properties();
    settings.setProperty("lateness", "1m");
    Outcome embedded = Outcome.embedded(write(text), settings, DETECTORS);
    // stop just before a late event, so that only a restored lateness gate can refuse it
    long lateLine =
        embedded.rejects().stream()
            .filter(r -> r.contains("late event"))
            .mapToLong(r -> Long.parseLong(r.substring(8, r.indexOf(','))))
            .filter(n -> n > 200)
            .findFirst()
            .orElseThrow();
    stopThenRestore(text, settings, embedded, nonBlankLinesBefore(text, lateLine), 0);
  }

  /**
   * Stopped just after an order whose year is mistyped: the gate holds it when the savepoint is
   * taken, and only a restored gate (its clock and the held event) refuses it, and admits the next.
   */
  @Test
  void job_stoppedWhileTheGateHoldsAnEventFarAhead_restoredSameAsEmbedded() throws Exception {
    String clean = MarketInput.generate(22, 1);
    long typo = MarketInput.orderLines(clean).get(150);
    String text = MarketInput.withClockErrors(clean, typo);
    Properties settings = new Properties();
    settings.setProperty("lateness", "1m");
    Outcome embedded = Outcome.embedded(write(text), settings, DETECTORS);
    assertThat(embedded.rejects()).anyMatch(r -> r.startsWith("{\"line\":" + typo + ","));
    stopThenRestore(text, settings, embedded, nonBlankLinesBefore(text, typo + 1), 1);
  }

  private Path write(String text) throws Exception {
    Path input = work.resolve("market.jsonl");
    Files.writeString(input, text, StandardCharsets.UTF_8);
    return input;
  }

  /**
   * Runs the job on {@code text} until the source has handed out {@code pause} lines, {@code held}
   * of which the gate still holds; stops it with a savepoint, restarts from it, and checks the
   * whole against {@code embedded}.
   */
  private void stopThenRestore(
      String text, Properties settings, Outcome embedded, long pause, long held) throws Exception {
    Path input = write(text);
    Path config = work.resolve("job.properties");
    try (var w = Files.newBufferedWriter(config)) {
      settings.store(w, null);
    }
    JobArgs args =
        JobArgs.parse(
            "--in", input.toString(),
            "--out", work.resolve("findings").toString(),
            "--rejects", work.resolve("rejects").toString(),
            "--config", config.toString(),
            "--checkpoint-interval", "1h"); // only the savepoint and the final checkpoint

    PausingFormat.EMITTED.set(0);
    PausingFormat.pauseAfter = pause;
    StreamExecutionEnvironment first = environment(null);
    FindingsJob.prepare(first, args, DETECTORS, new PausingFormat());
    JobClient job = first.executeAsync("first half");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (linesHandled(job) < pause - held && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    // watermarks are periodic: wait until the first half's findings are out, so that both halves
    // write some and the fold must put them in order
    while (count(job, Counters.FINDING_UPDATES) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    String savepoint =
        job.stopWithSavepoint(
                false, work.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
            .get(60, TimeUnit.SECONDS);
    Summary firstHalf = FindingsJob.summary(job.getJobExecutionResult().get(), 0);
    assertThat(firstHalf.events() + firstHalf.rejected() + firstHalf.late())
        .as("lines decided before the stop")
        .isEqualTo(pause - held);
    assertThat(Outcome.readAll(work.resolve("findings"), "findings-"))
        .as("findings written before the stop")
        .isNotEmpty();

    PausingFormat.pauseAfter = Long.MAX_VALUE;
    StreamExecutionEnvironment second = environment(savepoint);
    FindingsJob.prepare(second, args, DETECTORS, new PausingFormat());
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

  /** One count of the running job, as its accumulators last said. */
  private static long count(JobClient job, String name) throws Exception {
    return job.getAccumulators().get().get(name) instanceof Long l ? l : 0;
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
    Configuration conf =
        new Configuration()
            .set(RestartStrategyOptions.RESTART_STRATEGY, "none")
            .set(PipelineOptions.GENERIC_TYPES, false);
    if (savepoint != null) {
      conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.configure(conf);
    return env;
  }
}
