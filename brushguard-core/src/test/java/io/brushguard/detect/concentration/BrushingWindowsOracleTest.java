package io.brushguard.detect.concentration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BrushingWindows} against a brute-force oracle that checks every window at every second, in
 * batch and in streaming use with judgements interleaved at random points.
 */
class BrushingWindowsOracleTest {

  record Log(List<Long> seconds, List<String> buyers, long window, int ratio, long seed) {}

  /** Random small logs, each reproducible from its seed (shown in the test name). */
  static Stream<Log> logs() {
    long[] windows = {0, 1, 5, 60, 3600};
    return LongStream.range(0, 400)
        .mapToObj(
            seed -> {
              Random rnd = new Random(seed);
              int n = rnd.nextInt(25);
              long w = windows[rnd.nextInt(windows.length)];
              int ratio = 2 + rnd.nextInt(3);
              int buyers = 1 + rnd.nextInt(5);
              List<Long> secs = new ArrayList<>();
              List<String> who = new ArrayList<>();
              long t = rnd.nextInt(10);
              long span = Math.max(2, w * 2);
              for (int i = 0; i < n; i++) {
                t += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt((int) Math.min(span, 5000));
                secs.add(t);
                who.add("b" + rnd.nextInt(buyers));
              }
              return new Log(secs, who, w, ratio, seed);
            });
  }

  /** Every second-aligned window [s, s+W]: flag all its orders when orders >= ratio * buyers. */
  static BitSet oracle(Log log) {
    BitSet flagged = new BitSet();
    int n = log.seconds().size();
    if (n == 0) {
      return flagged;
    }
    long first = log.seconds().get(0);
    long last = log.seconds().get(n - 1);
    for (long s = first - log.window(); s <= last; s++) {
      List<Integer> inside = new ArrayList<>();
      Set<String> unique = new HashSet<>();
      for (int i = 0; i < n; i++) {
        long t = log.seconds().get(i);
        if (t >= s && t <= s + log.window()) {
          inside.add(i);
          unique.add(log.buyers().get(i));
        }
      }
      if (!unique.isEmpty() && inside.size() >= log.ratio() * unique.size()) {
        inside.forEach(flagged::set);
      }
    }
    return flagged;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logs")
  void batch_flagsExactlyTheOrdersOfTheOracle(Log log) {
    BitSet found = new BitSet();
    BrushingWindows w =
        new BrushingWindows(
            log.window(), log.ratio(), (h, b, orders, buyers, from) -> found.set((Integer) h));
    for (int i = 0; i < log.seconds().size(); i++) {
      w.add(log.seconds().get(i), log.buyers().get(i), i);
    }
    w.finish();
    assertThat(found).isEqualTo(oracle(log));
    assertThat(w.held()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logs")
  void streaming_withJudgementsAtRandomPoints_flagsTheSameOrders(Log log) {
    BitSet found = new BitSet();
    Map<Integer, Integer> times = new HashMap<>();
    BrushingWindows w =
        new BrushingWindows(
            log.window(),
            log.ratio(),
            (h, b, orders, buyers, from) -> {
              assertThat(found.get((Integer) h)).as("flagged once").isFalse();
              assertThat(orders).isGreaterThanOrEqualTo(log.ratio() * buyers);
              found.set((Integer) h);
              times.merge((Integer) h, 1, Integer::sum);
            });
    Random rnd = new Random(log.seed());
    int n = log.seconds().size();
    for (int i = 0; i < n; i++) {
      long sec = log.seconds().get(i);
      w.add(sec, log.buyers().get(i), i);
      boolean secondComplete = i == n - 1 || log.seconds().get(i + 1) > sec;
      if (secondComplete && rnd.nextBoolean()) {
        // time has passed the end of this second, possibly further (up to the next order)
        long next = i == n - 1 ? sec + 10_000 : log.seconds().get(i + 1) - 1;
        w.closeUpTo(sec + (long) (rnd.nextDouble() * (next - sec)));
      }
    }
    w.finish();
    assertThat(found).isEqualTo(oracle(log));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("logs")
  void shopeeSuspiciousBuyers_areTheTopBuyersOfTheOracleFlaggedOrders(Log log) {
    BitSet flagged = oracle(log);
    Map<String, Integer> tally = new HashMap<>();
    flagged.stream().forEach(i -> tally.merge(log.buyers().get(i), 1, Integer::sum));
    int max = tally.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<String> expected =
        tally.entrySet().stream()
            .filter(e -> e.getValue() == max)
            .map(Map.Entry::getKey)
            .sorted()
            .toList();

    List<io.brushguard.ingest.ShopeeCsv.Row> rows = new ArrayList<>();
    for (int i = 0; i < log.seconds().size(); i++) {
      rows.add(
          new io.brushguard.ingest.ShopeeCsv.Row(
              "o" + i, "shop", log.buyers().get(i), log.seconds().get(i)));
    }
    List<String> actual = new ShopeeBrushing(log.window(), log.ratio()).suspiciousBuyers(rows);
    assertThat(actual).isEqualTo(expected);
  }
}
