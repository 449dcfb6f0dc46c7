package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.detect.Detector;
import io.brushguard.detect.DetectorStage;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.Order;
import io.brushguard.flow.Stage;
import io.brushguard.ingest.Reject;
import io.brushguard.ingest.Timestamps;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScanTest {
  private static final long T0 = 1_740_830_400_000L; // 2025-03-01T12:00:00Z

  /**
   * An order from a session of its own, so that one buyer's orders are separate shopping acts and
   * concentration counts them for review (see {@code ConcentrationDetector}).
   */
  private static String order(String id, String buyer, String shop, long ts) {
    return "{\"type\":\"order\",\"order\":\""
        + id
        + "\",\"account\":\""
        + buyer
        + "\",\"shop\":\""
        + shop
        + "\",\"item\":\"i1\",\"amount\":1000,\"session\":\"ss-"
        + id
        + "\",\"ts\":"
        + ts
        + "}";
  }

  private static Scan.Result scan(List<String> lines, Scan.Listener listener) {
    byte[] input = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    BrushguardConfig cfg = BrushguardConfig.DEFAULT;
    return new Scan(cfg, DetectorRegistry.standard(cfg), false)
        .run(new ByteArrayInputStream(input), listener);
  }

  private static Scan.Result scan(List<String> lines) {
    return scan(lines, new Scan.Listener() {});
  }

  private static List<String> ids(Scan.Result r, EntityKind kind) {
    return r.findings().stream()
        .filter(f -> f.entity() == kind)
        .map(Finding::id)
        .collect(Collectors.toList());
  }

  @Test
  void burstByOneBuyer_flagsItsOrdersAndTheBuyer_theShopOnlyWithOtherEvidence() {
    List<String> lines =
        List.of(
            order("o1", "u1", "s1", T0),
            order("o2", "u1", "s1", T0 + 600_000),
            order("o3", "u1", "s1", T0 + 1_200_000),
            order("o4", "u2", "s2", T0 + 1_300_000));

    Scan.Result r = scan(lines);

    assertThat(ids(r, EntityKind.ORDER)).containsExactly("o1", "o2", "o3");
    assertThat(ids(r, EntityKind.ACCOUNT)).containsExactly("u1");
    assertThat(ids(r, EntityKind.SHOP)).isEmpty(); // could be a competitor framing it
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.action()).isEqualTo(Action.REVIEW));
    assertThat(r.findings().get(0).reasons().get(0).code()).isEqualTo("CONCENTRATION");
    assertThat(r.events()).isEqualTo(4);
  }

  @Test
  void orderAtTheLastMillisecondOfASecond_doesNotCloseTheNextSecondEarly() {
    long s = T0 / 1000 * 1000;
    List<String> lines =
        List.of(
            order("o1", "u1", "x", s),
            order("o2", "u1", "x", s + 500),
            order("o3", "u1", "x", s + 999), // asks to be woken at s+999, moved to s+1000
            order("o4", "u1", "x", s + 1000),
            order("o5", "u2", "x", s + 1500),
            order("o6", "u3", "x", s + 1600));

    Scan.Result r = scan(lines);

    // [s-3600, s] holds o1..o3 by u1 alone (brushing); every window holding o4 also holds u2, u3
    assertThat(ids(r, EntityKind.ORDER)).containsExactly("o1", "o2", "o3");
  }

  @Test
  void sameOrderDeliveredTwice_countsOnce() {
    List<String> lines =
        List.of(
            order("o1", "u1", "s1", T0),
            order("o1", "u1", "s1", T0),
            order("o1", "u1", "s1", T0),
            order("o2", "u1", "s1", T0 + 60_000));

    assertThat(scan(lines).findings()).isEmpty();
  }

  @Test
  void everyBuyerAtTheRatio_isSuspicious_notOnlyTheShopsTopBuyer() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(order("a" + i, "early", "s1", T0 + i * 60_000L));
    }
    for (int i = 0; i < 5; i++) {
      lines.add(order("b" + i, "late", "s1", T0 + 7_200_000L + i * 60_000L));
    }

    Scan.Result r = scan(lines);

    assertThat(ids(r, EntityKind.ACCOUNT)).containsExactlyInAnyOrder("early", "late");
    assertThat(ids(r, EntityKind.ORDER)).hasSize(8);
  }

  @Test
  void outOfOrderWithinTheBound_givesTheSameFindingsAsSortedInput() {
    Random rnd = new Random(7);
    List<String> sorted = new ArrayList<>();
    long t = T0;
    for (int i = 0; i < 300; i++) {
      t += rnd.nextInt(90_000);
      String buyer = "u" + (rnd.nextInt(3) > 0 ? rnd.nextInt(2) : 2 + rnd.nextInt(200));
      sorted.add(order("o" + i, buyer, "s" + rnd.nextInt(3), t));
    }
    // shuffle within blocks of 5 events: at most ~7 minutes apart, inside the 10-minute bound
    List<String> shuffled = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i += 5) {
      List<String> block = new ArrayList<>(sorted.subList(i, Math.min(i + 5, sorted.size())));
      Collections.shuffle(block, rnd);
      shuffled.addAll(block);
    }

    Scan.Result a = scan(sorted);
    Scan.Result b = scan(shuffled);

    assertThat(b.late()).isZero();
    assertThat(a.findings()).isNotEmpty();
    assertThat(b.findings()).isEqualTo(a.findings());
  }

  @Test
  void eventBeyondTheBound_isCountedAsLateAndReported() {
    List<Long> lateLines = new ArrayList<>();
    List<String> lines =
        List.of(
            order("o1", "u1", "s1", T0 + 3_600_000),
            order("o2", "u2", "s1", T0), // an hour behind: late
            order("o3", "u3", "s1", T0 + 3_000_001)); // 9m59.999s behind: in time
    Scan.Result r =
        scan(
            lines,
            new Scan.Listener() {
              @Override
              public void late(Event event, long line) {
                lateLines.add(line);
              }
            });

    assertThat(r.late()).isEqualTo(1);
    assertThat(lateLines).containsExactly(2L);
    assertThat(r.events()).isEqualTo(2);
  }

  /**
   * A market's morning: u1 brushes s1 (orders o0, o3, o6, ..., each from a session of its own),
   * others buy elsewhere.
   */
  private static List<String> morning(int orders) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      String buyer = i % 3 == 0 ? "u1" : "u" + (10 + i);
      String shop = i % 3 == 0 ? "s1" : "s" + (i % 5 + 2);
      String ts = Instant.ofEpochMilli(T0 + i * 45_000L).toString(); // 2025-03-01T12:...Z
      lines.add(
          "{\"type\":\"order\",\"order\":\"o"
              + i
              + "\",\"account\":\""
              + buyer
              + "\",\"shop\":\""
              + shop
              + "\",\"item\":\"i1\",\"amount\":1000,\"session\":\"ss"
              + i
              + "\",\"ts\":\""
              + ts
              + "\"}");
    }
    return lines;
  }

  private static Scan.Result scanCollecting(List<String> lines, List<Reject> rejects) {
    return scan(
        lines,
        new Scan.Listener() {
          @Override
          public void rejected(Reject reject) {
            rejects.add(reject);
          }

          @Override
          public void late(Event event, long line) {
            rejects.add(Reject.late(event, line));
          }
        });
  }

  @Test
  void yearMistypedOnOneLine_rejectsThatLineOnly_andUsesEveryOtherEvent() {
    for (int typo : new int[] {0, 1, 17, 39}) { // the first line, the second, one inside, the last
      List<String> lines = new ArrayList<>(morning(40));
      lines.set(typo, lines.get(typo).replace("\"2025-", "\"2205-"));
      List<String> without = new ArrayList<>(lines);
      without.remove(typo);
      List<Reject> rejects = new ArrayList<>();

      Scan.Result r = scanCollecting(lines, rejects);

      assertThat(rejects).as("typo on line %d", typo + 1).hasSize(1);
      Reject reject = rejects.get(0);
      assertThat(reject.line()).isEqualTo(typo + 1);
      assertThat(reject.field()).isEqualTo("ts");
      assertThat(reject.reason())
          .startsWith("is 2205-03-01T")
          .contains("more than 1d ahead of the stream's time 2025-03-01T");
      assertThat(r.rejected()).isEqualTo(1);
      assertThat(r.late()).isZero();
      assertThat(r.events()).isEqualTo(39);
      assertThat(r.findings()).isNotEmpty().isEqualTo(scan(without).findings());
    }
  }

  @Test
  void gapInTheDataOfDays_theStreamFollows_andNothingIsLostOrLate() {
    List<String> lines = new ArrayList<>(morning(20));
    for (String line : morning(30)) {
      lines.add(
          line.replace("\"2025-03-01T", "\"2025-03-05T").replace("\"order\":\"o", "\"order\":\"p"));
    }
    List<Reject> rejects = new ArrayList<>();

    Scan.Result r = scanCollecting(lines, rejects);

    assertThat(rejects).isEmpty();
    assertThat(r.events()).isEqualTo(50);
    assertThat(ids(r, EntityKind.ORDER)).contains("o0", "p0", "p27");
  }

  @Test
  void burstsAtTheEdgesOfTheValidRange_areFound_withoutOverflowOrSentinelClashes() {
    long last = Timestamps.MAX_MILLIS; // 9999-12-31T23:59:59.999Z: wake-ups an hour later still fit
    long first = Timestamps.MIN_MILLIS; // 2000-01-01T00:00:00Z
    List<String> early = new ArrayList<>();
    List<String> late = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      early.add(order("e" + i, "u1", "s1", first + i * 1000L));
      late.add(order("l" + (2 - i), "u2", "s2", last - i * 1000L));
    }

    assertThat(ids(scan(early), EntityKind.ORDER)).containsExactly("e0", "e1", "e2");
    Scan.Result r = scan(late);
    assertThat(r.late()).isZero();
    assertThat(ids(r, EntityKind.ORDER)).containsExactly("l0", "l1", "l2");
    assertThat(scan(List.of(order("x", "u3", "s3", last + 1))).rejected()).isEqualTo(1);
  }

  @Test
  void badLines_areRejectedWithLineNumbers_andTheRunGoesOn() {
    List<Reject> rejects = new ArrayList<>();
    List<String> lines =
        List.of(
            order("o1", "u1", "s1", T0),
            "{\"type\":\"order\",\"order\":\"o2\"",
            order("o3", "u1", "s1", T0 + 1000),
            "{\"type\":\"review\",\"review\":\"r1\",\"account\":\"u1\",\"shop\":\"s1\",\"rating\":0,\"ts\":1000000000001}",
            order("o4", "u1", "s1", T0 + 2000));
    Scan.Result r =
        scan(
            lines,
            new Scan.Listener() {
              @Override
              public void rejected(Reject reject) {
                rejects.add(reject);
              }
            });

    assertThat(r.rejected()).isEqualTo(2);
    assertThat(rejects).extracting(Reject::line).containsExactly(2L, 4L);
    assertThat(rejects.get(1).field()).isEqualTo("rating");
    assertThat(ids(r, EntityKind.ORDER)).containsExactly("o1", "o3", "o4");
  }

  /** A real detector that fails on one shop, to show failures stay isolated. */
  private static final class FailsOnShop implements Detector<int[]> {
    @Override
    public String name() {
      return "fails";
    }

    @Override
    public String keyOf(Event event) {
      return event instanceof Order o ? o.shop() : null;
    }

    @Override
    public int[] newState() {
      return new int[1];
    }

    @Override
    public void onEvent(int[] state, Event event, Context context) {
      Order o = (Order) event;
      if (o.shop().equals("bad")) {
        throw new IllegalStateException("cannot handle shop bad");
      }
      state[0]++;
      context.emit(
          new Signal(EntityKind.ORDER, o.order(), "TEST", "fails/" + o.shop(), 0.95, o.ts(), "x"));
    }

    @Override
    public boolean isEmpty(int[] state) {
      return false;
    }
  }

  @Test
  void detectorThatThrows_isIsolatedCountedAndReported_othersGoOn() {
    BrushguardConfig cfg = BrushguardConfig.DEFAULT;
    List<Stage<?>> detectors = new ArrayList<>(DetectorRegistry.standard(cfg));
    detectors.add(0, new DetectorStage<>(new FailsOnShop()));
    List<String> failures = new ArrayList<>();
    List<String> lines =
        List.of(
            order("o1", "u1", "bad", T0),
            order("o2", "u1", "bad", T0 + 1000),
            order("o3", "u1", "bad", T0 + 2000),
            order("o4", "u9", "good", T0 + 3000));

    Scan.Result r =
        new Scan(cfg, detectors, false)
            .run(
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                new Scan.Listener() {
                  @Override
                  public void detectorFailed(
                      String detector, String key, Event event, RuntimeException e) {
                    failures.add(detector + "/" + key);
                  }
                });

    assertThat(r.detectorErrors()).isEqualTo(3);
    assertThat(failures).containsOnly("fails/bad");
    // concentration still ran on shop "bad"; the failing detector still ran on shop "good"
    assertThat(ids(r, EntityKind.ORDER)).containsExactly("o1", "o2", "o3", "o4");
    assertThat(r.findings().get(3).action()).isEqualTo(Action.BLOCK);
  }
}
