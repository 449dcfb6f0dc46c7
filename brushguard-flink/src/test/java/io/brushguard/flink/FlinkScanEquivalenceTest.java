package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.DetectorRegistry;
import io.brushguard.detect.DetectorStage;
import io.brushguard.flow.Stage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One core, two runtimes: the same input through {@code brushguard scan}'s embedded pipeline and
 * through the Flink job on a MiniCluster gives the same findings, entity by entity and score by
 * score, the same rejects and the same counts.
 */
@Tag("slow") // a Flink MiniCluster end to end: seconds each; CI runs it, -Dfast skips it
class FlinkScanEquivalenceTest {
  private static final int PARALLELISM = 2;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(PARALLELISM)
              .build());

  /**
   * The standard detectors (RING on) plus test detectors the job knows nothing about: two
   * single-key ones, a three-stage chain that joins facts across keys ({@link LikeChain}) and a
   * subscriber to every entity-resolution fact ({@link ResolutionEcho}), so that the resolution
   * stages run too.
   */
  static final DetectorFactory STANDARD_AND_TEST_DETECTORS =
      config -> {
        List<Stage<?>> all = new ArrayList<>(DetectorRegistry.standard(config.withRings(true)));
        all.add(new DetectorStage<>(new BurstDetector()));
        all.add(new DetectorStage<>(new FlakyDetector()));
        all.addAll(LikeChain.stages());
        all.add(new ResolutionEcho());
        return all;
      };

  @TempDir Path work;

  private static Properties lateness(String bound) {
    Properties p = new Properties();
    p.setProperty("lateness", bound);
    return p;
  }

  @Test
  void scan_handWrittenMarket_sameFindingsRejectsAndCounts() throws Exception {
    Path input = work.resolve("market.jsonl");
    Files.writeString(input, HAND_WRITTEN, StandardCharsets.UTF_8);
    Properties settings = lateness("10m");

    Outcome embedded = Outcome.embedded(input, settings, DetectorFactory.standard());
    Outcome flink = Outcome.flink(input, settings, DetectorFactory.standard(), work, PARALLELISM);

    assertThat(embedded.findings()).hasSize(5); // its top buyer, four orders (the shop: not alone)
    assertThat(embedded.counts()).isEqualTo(new Outcome.Counts(7, 2, 1, 0));
    Outcome.assertSame(flink, embedded);
  }

  /**
   * A file of fewer events than the gate holds at the start: all of them wait for the end of input,
   * and the job must decide them before its final watermark, or no detector would see them.
   */
  @Test
  void scan_fewerEventsThanTheGateHolds_sameFindingsRejectsAndCounts() throws Exception {
    Path input = work.resolve("short.jsonl");
    Files.writeString(
        input, String.join("\n", HAND_WRITTEN.lines().limit(8).toList()), StandardCharsets.UTF_8);
    Properties settings = lateness("10m");

    Outcome embedded = Outcome.embedded(input, settings, DetectorFactory.standard());
    Outcome flink = Outcome.flink(input, settings, DetectorFactory.standard(), work, PARALLELISM);

    assertThat(embedded.counts()).isEqualTo(new Outcome.Counts(5, 1, 0, 0));
    assertThat(embedded.findings()).isNotEmpty();
    Outcome.assertSame(flink, embedded);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void scan_generatedMarket_sameFindingsRejectsAndCounts(long seed) throws Exception {
    Path input = work.resolve("market-" + seed + ".jsonl");
    Files.writeString(input, MarketInput.generate(seed, 1), StandardCharsets.UTF_8);
    Properties settings = lateness("1m");

    Outcome embedded = Outcome.embedded(input, settings, STANDARD_AND_TEST_DETECTORS);
    Outcome flink = Outcome.flink(input, settings, STANDARD_AND_TEST_DETECTORS, work, PARALLELISM);

    assertThat(embedded.findings())
        .as("the input makes the detectors flag")
        .anyMatch(f -> f.contains("CONCENTRATION"))
        .anyMatch(f -> f.contains("ECHO"))
        .anyMatch(f -> f.contains("REPEAT_FIVE_STARS"))
        .anyMatch(f -> f.contains("ADMIRER_ORDER"));
    assertThat(embedded.shops())
        .as("shop lines, with intercepted orders left out of corrected sales")
        .isNotEmpty()
        .anyMatch(l -> !l.contains("\"fake_orders\":0,"));
    assertThat(flink.updates())
        .as("what the test stages say, as it changes")
        .anyMatch(f -> f.contains("BURST"))
        .anyMatch(f -> f.contains("\"action\":\"allow\""))
        .anyMatch(f -> f.contains("ADMIRED"))
        .anyMatch(f -> f.contains("TOKENS"))
        .anyMatch(f -> f.contains("PARTS"))
        .anyMatch(f -> f.contains("LIKES_GIVEN"))
        .anyMatch(f -> f.contains("MERCHANT_PAYERS"));
    assertThat(withdrawn(flink.updates(), "BURST")).as("an account's burst withdrawn").isTrue();
    assertThat(embedded.counts().late()).isPositive();
    assertThat(embedded.counts().rejected()).isPositive();
    assertThat(embedded.counts().detectorErrors()).isPositive();
    Outcome.assertSame(flink, embedded);
  }

  /**
   * On RocksDB every state read deserializes and every write serializes, so a state change the
   * adapter failed to write back, or a state the serializer cannot carry, shows here.
   */
  @Test
  void scan_generatedMarketWithRocksDbState_sameFindingsRejectsAndCounts() throws Exception {
    Path input = work.resolve("market.jsonl");
    Files.writeString(input, MarketInput.generate(4, 1), StandardCharsets.UTF_8);
    Properties settings = lateness("1m");

    Outcome embedded = Outcome.embedded(input, settings, STANDARD_AND_TEST_DETECTORS);
    Outcome flink =
        Outcome.flink(input, settings, STANDARD_AND_TEST_DETECTORS, work, PARALLELISM, "rocksdb");

    assertThat(embedded.findings()).anyMatch(f -> f.contains("CONCENTRATION"));
    Outcome.assertSame(flink, embedded);
  }

  @Test
  void scan_gzipInput_sameFindingsAsPlain() throws Exception {
    Path input = work.resolve("market.jsonl.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(input))) {
      out.write(MarketInput.generate(7, 1).getBytes(StandardCharsets.UTF_8));
    }
    Properties settings = lateness("1m");

    Outcome embedded = Outcome.embedded(input, settings, DetectorFactory.standard());
    Outcome flink = Outcome.flink(input, settings, DetectorFactory.standard(), work, PARALLELISM);

    assertThat(embedded.findings()).isNotEmpty();
    Outcome.assertSame(flink, embedded);
  }

  /** Whether some entity had a reason with this code in one update and not in a later one. */
  private static boolean withdrawn(List<String> updates, String code) {
    java.util.Map<String, Boolean> had = new java.util.HashMap<>();
    for (String line : updates) {
      if (!line.contains("\"type\":\"finding\"")) {
        continue;
      }
      String entity = line.substring(0, line.indexOf(",\"score\""));
      boolean has = line.contains("\"code\":\"" + code + "\"");
      if (!has && had.getOrDefault(entity, false)) {
        return true;
      }
      had.put(entity, has);
    }
    return false;
  }

  /**
   * One order's year mistyped (2205 for 2025): that line is rejected, as "ahead", and every other
   * event is used exactly as if the line were not there, in both runtimes.
   */
  @Test
  void scan_oneYearMistyped_rejectsThatLineOnly_sameInBothRuntimes() throws Exception {
    String clean = MarketInput.generate(11, 1);
    long typo = MarketInput.orderLines(clean).get(100);
    Path input = work.resolve("typo.jsonl");
    Files.writeString(input, MarketInput.withClockErrors(clean, typo), StandardCharsets.UTF_8);
    Path without = work.resolve("without.jsonl");
    Files.writeString(without, MarketInput.withoutLine(clean, typo), StandardCharsets.UTF_8);
    Properties settings = lateness("1m");

    Outcome base = Outcome.embedded(without, settings, DetectorFactory.standard());
    Outcome embedded = Outcome.embedded(input, settings, DetectorFactory.standard());
    Outcome flink = Outcome.flink(input, settings, DetectorFactory.standard(), work, PARALLELISM);

    assertThat(embedded.rejects())
        .filteredOn(r -> r.contains("ahead of the stream's time"))
        .singleElement()
        .asString()
        .startsWith("{\"line\":" + typo + ",\"field\":\"ts\",\"error\":\"is 2205-");
    Outcome.Counts b = base.counts();
    assertThat(embedded.counts())
        .isEqualTo(new Outcome.Counts(b.events(), b.rejected() + 1, b.late(), b.detectorErrors()));
    assertThat(embedded.findings()).isNotEmpty().containsExactlyElementsOf(base.findings());
    Outcome.assertSame(flink, embedded);
  }

  /**
   * The first line's clock far ahead, then a market four days later with two more clock errors, one
   * of them its last order: the start is not fooled, the stream follows the gap, the event held at
   * the end is decided, and each half counts as it would alone.
   */
  @Test
  void scan_firstLineFarAheadAndAGapOfDays_sameFindingsRejectsAndCounts() throws Exception {
    String day1 = MarketInput.generate(12, 1);
    day1 = MarketInput.withClockErrors(day1, MarketInput.orderLines(day1).get(0));
    String day5 = MarketInput.shifted(MarketInput.generate(13, 1), Duration.ofDays(4));
    List<Long> day5Orders = MarketInput.orderLines(day5);
    // one inside, and the last order: held at the end of input, decided before the last watermark
    day5 =
        MarketInput.withClockErrors(
            day5, day5Orders.get(40), day5Orders.get(day5Orders.size() - 1));
    Path first = work.resolve("day1.jsonl");
    Files.writeString(first, day1, StandardCharsets.UTF_8);
    Path second = work.resolve("day5.jsonl");
    Files.writeString(second, day5, StandardCharsets.UTF_8);
    Path input = work.resolve("both.jsonl");
    Files.writeString(input, day1 + day5, StandardCharsets.UTF_8);
    Properties settings = lateness("1m");

    Outcome.Counts a = Outcome.embedded(first, settings, DetectorFactory.standard()).counts();
    Outcome.Counts b = Outcome.embedded(second, settings, DetectorFactory.standard()).counts();
    Outcome embedded = Outcome.embedded(input, settings, DetectorFactory.standard());
    Outcome flink = Outcome.flink(input, settings, DetectorFactory.standard(), work, PARALLELISM);

    assertThat(embedded.rejects()).filteredOn(r -> r.contains("ahead of the stream")).hasSize(3);
    assertThat(embedded.counts())
        .isEqualTo(
            new Outcome.Counts(
                a.events() + b.events(),
                a.rejected() + b.rejected(),
                a.late() + b.late(),
                a.detectorErrors() + b.detectorErrors()));
    Outcome.assertSame(flink, embedded);
  }

  /**
   * Shop s17 brushes: u100 orders four times within the hour (with u101 once), arriving out of
   * order. One order arrives 20 minutes late, two lines are bad, blank lines and CRLF in between.
   */
  private static final String HAND_WRITTEN =
      String.join(
          "\n",
          "{\"type\":\"account\",\"account\":\"u100\",\"ts\":\"2025-03-01T08:00:00+08:00\"}",
          "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"u100\",\"shop\":\"s17\",\"item\":\"i5\","
              + "\"amount\":5900,\"ts\":\"2025-03-01T20:05:00+08:00\"}",
          "{\"type\":\"order\",\"order\":\"o3\",\"account\":\"u100\",\"shop\":\"s17\",\"item\":\"i5\","
              + "\"amount\":5900,\"ts\":\"2025-03-01T20:31:00+08:00\"}\r",
          "",
          "{\"type\":\"order\",\"order\":\"o2\",\"account\":\"u100\",\"shop\":\"s17\",\"item\":\"i5\","
              + "\"amount\":5900,\"ts\":\"2025-03-01T20:25:00+08:00\"}",
          "{\"type\":\"review\",\"review\":\"r1\",\"account\":\"u100\",\"shop\":\"s17\",\"rating\":6,"
              + "\"ts\":\"2025-03-01T20:40:00+08:00\"}",
          "   ",
          "{\"type\":\"order\",\"order\":\"o4\",\"account\":\"u100\",\"shop\":\"s17\",\"item\":\"i5\","
              + "\"amount\":5900,\"ts\":\"2025-03-01T20:44:00+08:00\"}",
          "{\"type\":\"order\",\"order\":\"o5\",\"account\":\"u101\",\"shop\":\"s17\",\"item\":\"i6\","
              + "\"amount\":900,\"ts\":\"2025-03-01T20:50:00+08:00\"}",
          "{\"type\":\"order\",\"order\":\"o0\",\"account\":\"u102\",\"shop\":\"s17\",\"item\":\"i6\","
              + "\"amount\":900,\"ts\":\"2025-03-01T20:20:00+08:00\"}",
          "{\"type\":\"order\",\"order\":",
          "{\"type\":\"order\",\"order\":\"o9\",\"account\":\"u200\",\"shop\":\"s18\",\"item\":\"i1\","
              + "\"amount\":100,\"ts\":\"2025-03-01T21:00:00+08:00\"}");
}
