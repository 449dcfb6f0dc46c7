package io.brushguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.decide.DecisionPolicy;
import io.brushguard.detect.cashback.CashbackDetector;
import io.brushguard.detect.concentration.ConcentrationDetector;
import io.brushguard.detect.scripted.ScriptedSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  @TempDir Path dir;

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static String problems(String... kv) {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> ConfigLoader.from(props(kv)));
    assertThat(e.getMessage()).startsWith("bad configuration: ");
    return e.getMessage();
  }

  @Test
  void noSettings_giveTheDefaults() {
    BrushguardConfig c = ConfigLoader.from(new Properties());
    assertThat(c).isEqualTo(BrushguardConfig.DEFAULT);
    assertThat(c.latenessMillis()).isEqualTo(Duration.ofMinutes(10).toMillis());
    assertThat(c.retentionMillis()).isEqualTo(Duration.ofDays(30).toMillis());
    assertThat(c.decision()).isEqualTo(new DecisionPolicy(0.5, 0.9, true));
    assertThat(c.concentration()).isEqualTo(new ConcentrationDetector.Config(3600, 3, 30 * 86_400));
  }

  @Test
  void everyKey_isRead() {
    BrushguardConfig c =
        ConfigLoader.from(
            props(
                "lateness", "90s",
                "retention", "7d",
                "decide.review_at", "0.4",
                "decide.block_at", "0.95",
                "decide.shops_need_case", "false",
                "concentration.window", "2h",
                "concentration.ratio", "4",
                "concentration.tally", "7d",
                "cashback.horizon", "3d",
                "cashback.broker_buyers", "5",
                "cashback.broker_window", "10d"));
    assertThat(c.latenessMillis()).isEqualTo(90_000);
    assertThat(c.cashback())
        .isEqualTo(new CashbackDetector.Config(3 * 86_400_000L, 5, 10 * 86_400_000L));
    assertThat(c.retentionMillis()).isEqualTo(7 * 86_400_000L);
    assertThat(c.decision()).isEqualTo(new DecisionPolicy(0.4, 0.95, false));
    assertThat(c.concentration()).isEqualTo(new ConcentrationDetector.Config(7200, 4, 7 * 86_400));
  }

  @Test
  void cashbackHorizonOfZero_orBrokerOfOneBuyer_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigLoader.from(props("cashback.horizon", "0s", "cashback.broker_buyers", "1")))
        .hasMessageContaining("cashback.horizon")
        .hasMessageContaining("cashback.broker_buyers");
  }

  @Test
  void ahead_defaultsToADay_andIsRead() {
    assertThat(ConfigLoader.from(new Properties()).aheadMillis()).isEqualTo(86_400_000);
    assertThat(ConfigLoader.from(props("ahead", "6h")).aheadMillis()).isEqualTo(21_600_000);
  }

  @Test
  void decideModel_isReadIntoThePolicy_andABadOneIsNamed(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path model = dir.resolve("model.properties");
    java.nio.file.Files.writeString(model, "format=brushguard-fusion/1\norder.bias=-1\n");
    assertThat(ConfigLoader.from(props("decide.model", model.toString())).decision().fusion())
        .isInstanceOf(io.brushguard.decide.LogisticFusion.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigLoader.from(props("decide.model", dir.resolve("none").toString())))
        .hasMessageContaining("decide.model: cannot read");
  }

  @Test
  void ringsEnabled_offByDefault_onWhenSet_andABadValueNamed() {
    assertThat(ConfigLoader.from(new java.util.Properties()).rings()).isFalse();
    assertThat(ConfigLoader.from(props("rings.enabled", "true")).rings()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigLoader.from(props("rings.enabled", "yes")))
        .hasMessageContaining("rings.enabled: must be true or false");
  }

  @Test
  void detectors_allByDefault_aListWhenSet_andABadNameNamed() {
    assertThat(ConfigLoader.from(new Properties()).detectors())
        .isEqualTo(DetectorFamily.DEFAULT)
        .doesNotContain(DetectorFamily.RINGS)
        .hasSize(DetectorFamily.values().length - 1);
    assertThat(ConfigLoader.from(props("detectors", "all")).detectors())
        .isEqualTo(DetectorFamily.DEFAULT);
    assertThat(ConfigLoader.from(props("detectors", " concentration , text")).detectors())
        .containsExactlyInAnyOrder(DetectorFamily.CONCENTRATION, DetectorFamily.TEXT);
    assertThat(ConfigLoader.from(props("detectors", "text", "rings.enabled", "true")).detectors())
        .containsExactlyInAnyOrder(DetectorFamily.TEXT, DetectorFamily.RINGS);
    assertThat(
            ConfigLoader.from(props("detectors", "text,rings", "rings.enabled", "false")).rings())
        .isFalse();
    assertThat(problems("detectors", "concentration,velocty"))
        .contains("detectors: unknown family \"velocty\"")
        .contains("concentration");
    assertThat(problems("detectors", "")).contains("detectors: unknown family \"\"");
    assertThat(problems("detectors", "concentration,ratings"))
        .contains("detectors: ratings reads what cashback finds; list both");
    assertThat(ConfigLoader.from(props("detectors", "ratings,cashback")).detectors())
        .containsExactlyInAnyOrder(DetectorFamily.RATINGS, DetectorFamily.CASHBACK);
  }

  @Test
  void knownKeys_areExactlyTheOnesRead() {
    assertThat(ConfigLoader.KEYS)
        .containsExactlyInAnyOrder(
            "lateness",
            "ahead",
            "retention",
            "decide.review_at",
            "decide.block_at",
            "decide.shops_need_case",
            "decide.model",
            "rings.enabled",
            "detectors",
            "concentration.window",
            "concentration.ratio",
            "concentration.tally",
            "surge.alpha",
            "surge.lookback",
            "scripted.window",
            "scripted.alpha",
            "scripted.margin",
            "cashback.horizon",
            "cashback.broker_buyers",
            "cashback.broker_window");
  }

  @Test
  void surgeKeys_areRead_andBadOnesNamed() {
    BrushguardConfig c = ConfigLoader.from(props("surge.alpha", "1e-4", "surge.lookback", "3h"));
    assertThat(c.surge().alpha()).isEqualTo(1e-4);
    assertThat(c.surge().lookbackMillis()).isEqualTo(3 * 3_600_000L);
    assertThat(ConfigLoader.from(new Properties()).surge())
        .isEqualTo(io.brushguard.detect.surge.SalesSurgeDetector.Config.DEFAULT);
    assertThat(problems("surge.alpha", "0.7", "surge.lookback", "0s"))
        .contains("surge.alpha: must be below 0.5")
        .contains("surge.lookback: must be positive");
  }

  @Test
  void scriptedKeys_areRead_andBadOnesNamed() {
    ScriptedSessions.Config c =
        ConfigLoader.from(
                props("scripted.window", "1d", "scripted.alpha", "1e-8", "scripted.margin", "0.7"))
            .scripted();
    assertThat(c.windowSeconds()).isEqualTo(86_400);
    assertThat(c.alpha()).isEqualTo(1e-8);
    assertThat(c.spreadMargin()).isEqualTo(0.7);
    assertThat(c.minTasks()).isEqualTo(ScriptedSessions.Config.DEFAULT.minTasks());
    assertThatThrownBy(() -> ConfigLoader.from(props("scripted.window", "10m")))
        .hasMessageContaining("scripted.window");
    assertThatThrownBy(() -> ConfigLoader.from(props("scripted.alpha", "1")))
        .hasMessageContaining("scripted.alpha");
  }

  @Test
  void fileWithCommentsAndSpaces_isLoaded() throws IOException {
    Path file = dir.resolve("brushguard.properties");
    Files.writeString(
        file,
        "# 刷单 settings\n"
            + "lateness = 5m\n"
            + "  decide.block_at=0.8   \n"
            + "! another comment\n"
            + "concentration.ratio : 5\n");
    BrushguardConfig c = ConfigLoader.load(file);
    assertThat(c.latenessMillis()).isEqualTo(300_000);
    assertThat(c.decision().blockAt()).isEqualTo(0.8);
    assertThat(c.concentration().ratio()).isEqualTo(5);
  }

  @Test
  void unknownKeysAndBadValues_areReportedTogether_eachNamingItsKey() {
    String m =
        problems(
            "latenes", "10m",
            "decide.blockat", "0.9",
            "lateness", "ten minutes",
            "ahead", "0s",
            "decide.review_at", "1.5",
            "decide.shops_need_case", "yes",
            "concentration.window", "0s",
            "concentration.ratio", "x",
            "concentration.tally", "-1d");
    assertThat(m)
        .contains("latenes: unknown setting (known: [ahead, cashback.broker_buyers")
        .contains("decide.blockat: unknown setting")
        .contains(
            "lateness: must be a duration such as 90s, 10m, 2h, 1d or PT10M, was \"ten minutes\"")
        .contains("ahead: must be positive, was \"0s\"")
        .contains("decide.review_at: must be a number above 0 and at most 1, was \"1.5\"")
        .contains("decide.shops_need_case: must be true or false, was \"yes\"")
        .contains("concentration.window: must be whole seconds, at least 1s, was \"0s\"")
        .contains("concentration.ratio: must be an integer from 2 to 2147483647, was \"x\"")
        .contains("concentration.tally: must be a duration such as");
    assertThat(m.split("; ")).hasSize(9);
  }

  @ParameterizedTest
  @CsvSource({
    "90s, 90000",
    "10m, 600000",
    "2h, 7200000",
    "1d, 86400000",
    "PT10M, 600000",
    "pt10m, 600000",
    "P1D, 86400000",
    "PT1.5S, 1500",
    "250ms, 250",
    "0s, 0",
    "45, 45000",
    "' 10m ', 600000",
    "10 m, 600000"
  })
  void durations_inEveryForm(String text, long millis) {
    assertThat(ConfigLoader.parseDuration(text.trim()).toMillis()).isEqualTo(millis);
    assertThat(ConfigLoader.from(props("lateness", text)).latenessMillis()).isEqualTo(millis);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "m", "10x", "1.5h", "-5m", "+5m", "10M", "1w", "PT", "P", "ten", "١٠m"})
  void badDurations_areRejectedNamingTheKey(String text) {
    assertThat(problems("lateness", text)).contains("lateness: must be a duration such as");
  }

  @Test
  void negativeIsoDuration_isRejectedNamingTheKey() {
    assertThat(problems("lateness", "PT-10M"))
        .isEqualTo("bad configuration: lateness: must not be negative, was \"PT-10M\"");
  }

  @Test
  void durationTooLargeForMilliseconds_isRejectedNamingTheKey() {
    assertThat(problems("lateness", "9223372036854776s"))
        .isEqualTo("bad configuration: lateness: is too large, was \"9223372036854776s\"");
    assertThat(problems("lateness", "99999999999999999999s"))
        .contains("lateness: must be a duration");
  }

  @Test
  void concentrationDurations_mustBeWholeSeconds() {
    assertThat(problems("concentration.window", "250ms"))
        .contains("concentration.window: must be whole seconds, at least 1s, was \"250ms\"");
    assertThat(problems("concentration.window", "1500ms")).contains("concentration.window:");
    assertThat(
            ConfigLoader.from(props("concentration.window", "90s")).concentration().windowSeconds())
        .isEqualTo(90);
  }

  @Test
  void tallyShorterThanWindow_namesTheTally() {
    assertThat(problems("concentration.window", "2h", "concentration.tally", "1h"))
        .isEqualTo(
            "bad configuration: concentration.tally: must be at least concentration.window"
                + " (7200 s), was 3600 s");
  }

  @Test
  void reviewAboveBlock_namesReviewAt() {
    assertThat(problems("decide.review_at", "0.95"))
        .isEqualTo(
            "bad configuration: decide.review_at: must not be above decide.block_at (0.9), was"
                + " 0.95");
    assertThat(ConfigLoader.from(props("decide.review_at", "0.9")).decision().reviewAt())
        .isEqualTo(0.9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0.1", "1.01", "NaN", "Infinity", "half"})
  void thresholdsOutside0to1_areRejectedNamingTheKey(String v) {
    assertThat(problems("decide.block_at", v))
        .contains("decide.block_at: must be a number above 0");
    assertThat(problems("decide.review_at", v))
        .contains("decide.review_at: must be a number above 0")
        .doesNotContain("block_at"); // one problem, reported once
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "0", "-3", "2147483648", "3.5"})
  void ratioBelowTwoOrNotAnInt_isRejectedNamingTheKey(String v) {
    assertThat(problems("concentration.ratio", v))
        .isEqualTo(
            "bad configuration: concentration.ratio: must be an integer from 2 to 2147483647, was \""
                + v
                + "\"");
  }

  @Test
  void largeRatio_isKeptNotClamped() {
    assertThat(ConfigLoader.from(props("concentration.ratio", "5000")).concentration().ratio())
        .isEqualTo(5000);
  }

  @Test
  void booleans_areExactlyTrueOrFalse() {
    assertThat(problems("decide.shops_need_case", "TRUE")).contains("decide.shops_need_case");
    assertThat(
            ConfigLoader.from(props("decide.shops_need_case", " false "))
                .decision()
                .shopsNeedCase())
        .isFalse();
  }

  @Test
  void missingFile_isAnIoError() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.properties")))
        .isInstanceOf(IOException.class);
  }
}
