package io.brushguard.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FusionTest {
  private static final DecisionPolicy RAW =
      DecisionPolicy.DEFAULT.withFusion(RecurrenceNoisyOr.RAW);

  private static Signal s(String code, String origin, double strength) {
    return new Signal(EntityKind.ACCOUNT, "u1", code, origin, strength, 0, null);
  }

  private static double score(DecisionPolicy policy, Signal... signals) {
    Verdict v = new Verdict(EntityKind.ACCOUNT, "u1");
    for (Signal s : signals) {
      v.apply(s);
    }
    return v.finding(policy, 0).score();
  }

  @Test
  void noisyOr_independentCodes_multiplyTheirChancesOfBeingClean() {
    assertThat(score(RAW, s("A", "a", 0.6), s("B", "b", 0.5))).isEqualTo(0.8);
    assertThat(score(RAW, s("A", "a", 0.6), s("B", "b", 0.5), s("C", "c", 0.5))).isEqualTo(0.9);
  }

  @Test
  void recurrence_secondOriginAddsLessThanASecondKind() {
    double twoKinds = score(RAW, s("CONCENTRATION", "a", 0.6), s("B", "b", 0.6));
    double twoPlaces = score(RAW, s("CONCENTRATION", "s1", 0.6), s("CONCENTRATION", "s2", 0.6));
    assertThat(twoKinds).isEqualTo(0.84);
    assertThat(twoPlaces).isGreaterThan(0.6).isLessThan(twoKinds).isEqualTo(0.7292);
  }

  @Test
  void recurrence_onlyAcrossPlaces_otherCodesKeepTheirStrongestSignal() {
    assertThat(score(RAW, s("PHOTO_REUSE", "p1", 0.6), s("PHOTO_REUSE", "p2", 0.6)))
        .as("two reused photos of one review are one act, not two places")
        .isEqualTo(0.6);
  }

  @Test
  void recurrence_isCapped_soNoNumberOfPlacesCutsTheCleanChanceByMoreThanFour() {
    Signal[] many = new Signal[500];
    for (int i = 0; i < many.length; i++) {
      many[i] = s("CONCENTRATION", "o" + i, 0.6);
    }
    assertThat(score(RAW, many)).isLessThanOrEqualTo(1 - 0.4 / 4).isGreaterThan(0.899);
  }

  @Test
  void strongestSignalPerCode_leadsTheReason_whateverTheArrivalOrder() {
    Verdict v = new Verdict(EntityKind.ACCOUNT, "u1");
    v.apply(new Signal(EntityKind.ACCOUNT, "u1", "A", "weak", 0.3, 0, "weak one"));
    v.apply(new Signal(EntityKind.ACCOUNT, "u1", "A", "strong", 0.8, 0, "strong one"));
    Reason r = v.finding(RAW, 0).reasons().get(0);
    assertThat(r.detail()).isEqualTo("strong one");
    assertThat(r.strength()).isEqualTo(0.8);
    assertThat(r.origins()).isEqualTo(2);
  }

  /** Against a brute-force oracle: the rule written out directly, on shuffled arrivals. */
  @Test
  void verdict_matchesTheDocumentedRule_andIgnoresArrivalOrder_onRandomEvidence() {
    Random random = new Random(12);
    for (int trial = 0; trial < 300; trial++) {
      List<Signal> signals = new ArrayList<>();
      int n = 1 + random.nextInt(12);
      for (int i = 0; i < n; i++) {
        String code = List.of("CONCENTRATION", "C1", "C2").get(random.nextInt(3));
        signals.add(
            s(code, "o" + random.nextInt(6), Math.round(random.nextDouble() * 100) / 100.0));
      }
      // the latest signal per (code, origin) stands; strength 0 withdraws
      Map<String, Double> live = new java.util.TreeMap<>();
      for (Signal sig : signals) {
        String slot = sig.code() + "/" + sig.origin();
        if (sig.strength() == 0) {
          live.remove(slot);
        } else {
          live.put(slot, sig.strength());
        }
      }
      double total = 0;
      for (String code : List.of("CONCENTRATION", "C1", "C2")) {
        List<Double> ss = new ArrayList<>();
        live.forEach(
            (k, v) -> {
              if (k.startsWith(code + "/")) {
                ss.add(v);
              }
            });
        if (ss.isEmpty()) {
          continue;
        }
        ss.sort(Collections.reverseOrder());
        double others = 0;
        for (int i = 1; i < ss.size(); i++) {
          others += -Math.log(1 - ss.get(i));
        }
        double cap = Math.log(4);
        boolean place = code.equals("CONCENTRATION");
        total += -Math.log(1 - ss.get(0)) + (place ? cap * (1 - Math.exp(-0.5 * others / cap)) : 0);
      }
      double expected = live.isEmpty() ? 0 : 1 - Math.exp(-total);

      double inOrder = score(RAW, signals.toArray(Signal[]::new));
      assertThat(inOrder).as("trial %d", trial).isCloseTo(expected, within(0.00006));
      // the same live set in another order: only the last per slot counts, so keep those
      List<Signal> last = new ArrayList<>();
      Map<String, Signal> latest = new java.util.LinkedHashMap<>();
      signals.forEach(sig -> latest.put(sig.code() + "/" + sig.origin(), sig));
      last.addAll(latest.values());
      Collections.shuffle(last, random);
      assertThat(score(RAW, last.toArray(Signal[]::new))).isEqualTo(inOrder);
    }
  }

  @Test
  void policy_shopIsNeverBlockedByScoreAlone_unlessThePlatformSaysSo() {
    assertThat(DecisionPolicy.DEFAULT.actionFor(EntityKind.SHOP, 1.0)).isEqualTo(Action.REVIEW);
    assertThat(DecisionPolicy.DEFAULT.actionFor(EntityKind.ORDER, 1.0)).isEqualTo(Action.BLOCK);
    assertThat(new DecisionPolicy(0.5, 0.9, false).actionFor(EntityKind.SHOP, 0.9))
        .isEqualTo(Action.BLOCK);
  }

  @Test
  void policy_thresholdsAreInclusive() {
    DecisionPolicy p = DecisionPolicy.DEFAULT;
    assertThat(p.actionFor(EntityKind.REVIEW, 0.4999)).isEqualTo(Action.ALLOW);
    assertThat(p.actionFor(EntityKind.REVIEW, 0.5)).isEqualTo(Action.REVIEW);
    assertThat(p.actionFor(EntityKind.REVIEW, 0.8999)).isEqualTo(Action.REVIEW);
    assertThat(p.actionFor(EntityKind.REVIEW, 0.9)).isEqualTo(Action.BLOCK);
    assertThatThrownBy(() -> new DecisionPolicy(0.9, 0.5, true))
        .hasMessageContaining("reviewAt <= blockAt");
  }

  @Test
  void intercept_followsTheKind_onlyOnBlock() {
    Finding blocked = new Finding(EntityKind.PAYMENT, "p1", 0.95, Action.BLOCK, List.of(), 1);
    assertThat(blocked.intercept()).isEqualTo(Intercept.CLOSE_CHANNEL);
    assertThat(new Finding(EntityKind.PAYMENT, "p1", 0.6, Action.REVIEW, List.of(), 2).intercept())
        .isNull();
    assertThat(Intercept.of(EntityKind.REVIEW)).isEqualTo(Intercept.HIDE);
    assertThat(Intercept.of(EntityKind.ORDER)).isEqualTo(Intercept.HOLD_SETTLEMENT);
    assertThat(Intercept.of(EntityKind.ACCOUNT)).isEqualTo(Intercept.FREEZE);
  }

  @Test
  void calibration_interpolatesBetweenKnots_fromZero_flatAfterTheLast() {
    Calibration c =
        new Calibration(Map.of(EntityKind.ORDER, new double[][] {{0.2, 0.6}, {0.1, 0.9}}));
    assertThat(c.apply(EntityKind.ORDER, 0)).isEqualTo(0);
    assertThat(c.apply(EntityKind.ORDER, 0.1)).isCloseTo(0.05, within(1e-12));
    assertThat(c.apply(EntityKind.ORDER, 0.4)).isCloseTo(0.5, within(1e-12));
    assertThat(c.apply(EntityKind.ORDER, 0.95)).isEqualTo(0.9);
    assertThat(c.apply(EntityKind.REVIEW, 0.4)).as("no knots: raw").isEqualTo(0.4);
  }

  @Test
  void calibration_badKnots_nameTheKind() {
    assertThatThrownBy(
            () -> new Calibration(Map.of(EntityKind.SHOP, new double[][] {{0.5, 0.4}, {0, 1}})))
        .hasMessageContaining("calibration.shop")
        .hasMessageContaining("increase");
    assertThatThrownBy(
            () -> new Calibration(Map.of(EntityKind.SHOP, new double[][] {{0.4, 0.5}, {0.6, 0.5}})))
        .hasMessageContaining("rates must not decrease");
  }

  @Test
  void standardFusion_isMonotone_inEveryKindsRawScore() {
    for (EntityKind kind : EntityKind.values()) {
      double before = 0;
      for (int i = 1; i <= 100; i++) {
        double s = i / 100.0 - 1e-9;
        double now = Fusion.standard().score(kind, List.of(new CodeEvidence(s("A", "a", s), 1, 0)));
        assertThat(now).as("%s at %f", kind, s).isGreaterThanOrEqualTo(before).isBetween(0.0, 1.0);
        before = now;
      }
    }
  }

  @Test
  void logisticModel_roundTripsThroughItsFile_andScoresByItsWeights(@TempDir Path dir)
      throws Exception {
    LogisticFusion model =
        new LogisticFusion(
            Map.of(
                EntityKind.ORDER,
                new LogisticFusion.Weights(
                    -2, 0.5, Map.of("CONCENTRATION", 1.5), Map.of("CONCENTRATION", 0.8))));
    Path file = dir.resolve("model.properties");
    model.write(file);
    LogisticFusion read = LogisticFusion.read(file);
    CodeEvidence c = new CodeEvidence(s("CONCENTRATION", "a", 0.6), 3, 1);
    double z = -2 + 1.5 * -Math.log(0.4) + 0.8 * Math.log(3);
    assertThat(read.score(EntityKind.ORDER, List.of(c)))
        .isCloseTo(1 / (1 + Math.exp(-z)), within(1e-9));
    CodeEvidence unseen = new CodeEvidence(s("NEW_CODE", "a", 0.6), 1, 0);
    assertThat(read.score(EntityKind.ORDER, List.of(unseen)))
        .isCloseTo(1 / (1 + Math.exp(2 - 0.5 * -Math.log(0.4))), within(1e-9));
    assertThat(read.score(EntityKind.REVIEW, List.of(c)))
        .as("a kind the model does not cover: the default")
        .isEqualTo(Fusion.standard().score(EntityKind.REVIEW, List.of(c)));
  }

  @Test
  void logisticModel_badFile_namesTheKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m");
    Files.writeString(file, "format=brushguard-fusion/1\norder.bias=x\n");
    assertThatThrownBy(() -> LogisticFusion.read(file)).hasMessageContaining("order.bias");
    Files.writeString(file, "format=brushguard-fusion/1\nparcel.bias=1\n");
    assertThatThrownBy(() -> LogisticFusion.read(file))
        .hasMessageContaining("unknown entity kind \"parcel\"");
    Files.writeString(file, "order.bias=1\n");
    assertThatThrownBy(() -> LogisticFusion.read(file)).hasMessageContaining("format");
  }
}
