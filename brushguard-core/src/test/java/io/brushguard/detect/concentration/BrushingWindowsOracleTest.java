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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link BrushingWindows} against a brute-force oracle that checks every window at every second, in
 * batch and in streaming use with judgements interleaved at random points.
 */
class BrushingWindowsOracleTest {

  record Log(List<Long> seconds, List<String> buyers, long window, int ratio, long seed) {}

  @Provide
  Arbitrary<Log> logs() {
    Arbitrary<Integer> size = Arbitraries.integers().between(0, 24);
    Arbitrary<Long> window = Arbitraries.of(0L, 1L, 5L, 60L, 3600L);
    Arbitrary<Integer> ratio = Arbitraries.integers().between(2, 4);
    Arbitrary<Integer> buyers = Arbitraries.integers().between(1, 5);
    Arbitrary<Long> seed = Arbitraries.longs();
    return Combinators.combine(size, window, ratio, buyers, seed)
        .as(
            (n, w, r, b, s) -> {
              Random rnd = new Random(s);
              List<Long> secs = new ArrayList<>();
              List<String> who = new ArrayList<>();
              long t = rnd.nextInt(10);
              long span = Math.max(2, w * 2);
              for (int i = 0; i < n; i++) {
                t += rnd.nextInt(4) == 0 ? 0 : rnd.nextInt((int) Math.min(span, 5000));
                secs.add(t);
                who.add("b" + rnd.nextInt(b));
              }
              return new Log(secs, who, w, r, s);
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

  @Property(tries = 400)
  void batch_flagsExactlyTheOrdersOfTheOracle(@ForAll("logs") Log log) {
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

  @Property(tries = 400)
  void streaming_withJudgementsAtRandomPoints_flagsTheSameOrders(@ForAll("logs") Log log) {
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

  @Property(tries = 200)
  void shopeeSuspiciousBuyers_areTheTopBuyersOfTheOracleFlaggedOrders(@ForAll("logs") Log log) {
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
