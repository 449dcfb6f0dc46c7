package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.event.Event;
import io.brushguard.event.Login;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventTimeGateTest {
  private static final long MINUTE = 60_000;
  private static final long DAY = 24 * 60 * MINUTE;
  private static final long BOUND = 10 * MINUTE;
  private static final long AHEAD = DAY;
  private static final int Q = EventTimeGate.QUORUM;
  private static final long T0 = Instant.parse("2025-03-01T12:15:00Z").toEpochMilli();
  private static final long YEAR_2205 = Instant.parse("2205-03-01T12:15:00Z").toEpochMilli();

  private static Event at(long ts) {
    return new Login("a1", ts, null, null);
  }

  /** Decisions as text, with the watermark each admitted event saw at its admission. */
  private static final class Log implements EventTimeGate.Sink {
    final List<String> decisions = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    EventTimeGate gate;
    long watermarkBefore = Long.MIN_VALUE;
    boolean admittedAfterWatermark = true;

    @Override
    public void admitted(Event e, long line) {
      decisions.add("admit " + line);
      lines.add(line);
      admittedAfterWatermark &= e.ts() > watermarkBefore;
      if (gate != null) {
        assertThat(gate.watermark()).isGreaterThanOrEqualTo(watermarkBefore);
        watermarkBefore = gate.watermark();
      }
    }

    @Override
    public void late(Event e, long line) {
      decisions.add("late " + line);
      lines.add(line);
    }

    @Override
    public void ahead(Event e, long line, long streamTs) {
      decisions.add("ahead " + line + " of " + streamTs);
      lines.add(line);
    }
  }

  /** Offers {@code times} as lines 1, 2, ... and finishes. */
  private static List<String> run(long... times) {
    EventTimeGate gate = new EventTimeGate(BOUND, AHEAD);
    Log log = new Log();
    log.gate = gate;
    for (int i = 0; i < times.length; i++) {
      gate.offer(at(times[i]), i + 1, log);
    }
    gate.finish(log);
    assertThat(log.admittedAfterWatermark).isTrue();
    return log.decisions;
  }

  private static long[] steady(int n) {
    long[] t = new long[n];
    for (int i = 0; i < n; i++) {
      t[i] = T0 + i * MINUTE;
    }
    return t;
  }

  private static List<String> admitAll(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int line = from; line <= to; line++) {
      out.add("admit " + line);
    }
    return out;
  }

  @Test
  void start_holdsTheFirstEventsUntilAQuorum_thenAdmitsThemInInputOrder() {
    EventTimeGate gate = new EventTimeGate(BOUND, AHEAD);
    Log log = new Log();
    for (int i = 0; i < Q - 1; i++) {
      gate.offer(at(T0 + i), i + 1, log);
    }
    assertThat(log.decisions).isEmpty();
    assertThat(gate.heldCount()).isEqualTo(Q - 1);
    assertThat(gate.watermark()).isEqualTo(Long.MIN_VALUE);
    gate.offer(at(T0 + Q), Q, log);
    assertThat(log.decisions).isEqualTo(admitAll(1, Q));
    assertThat(gate.heldCount()).isZero();
    assertThat(gate.watermark()).isEqualTo(T0 + Q - BOUND - 1);
  }

  @Test
  void shortInput_isDecidedAtTheEnd_byItsMedian() {
    assertThat(run(T0)).containsExactly("admit 1");
    assertThat(run(T0, YEAR_2205)).containsExactly("admit 1", "ahead 2 of " + T0);
    assertThat(run(YEAR_2205, T0)).containsExactly("ahead 1 of " + T0, "admit 2");
    assertThat(run()).isEmpty();
  }

  @Test
  void outOfOrderWithinTheBound_isAdmitted_oneMillisecondMore_isLate() {
    long[] t = steady(Q + 3);
    t[Q] = t[Q - 1] - BOUND; // exactly the bound behind the latest
    t[Q + 1] = t[Q - 1] - BOUND - 1;
    List<String> expected = admitAll(1, Q + 1);
    expected.add("late " + (Q + 2));
    expected.add("admit " + (Q + 3));
    assertThat(run(t)).isEqualTo(expected);
  }

  @Test
  void lateEvent_movesNothing_andLaterOnesAreJudgedAsBefore() {
    EventTimeGate gate = new EventTimeGate(BOUND, AHEAD);
    Log log = new Log();
    long[] t = steady(Q);
    for (int i = 0; i < Q; i++) {
      gate.offer(at(t[i]), i + 1, log);
    }
    long watermark = gate.watermark();
    gate.offer(at(t[Q - 1] - BOUND - 1), Q + 1, log);
    assertThat(gate.watermark()).isEqualTo(watermark);
    assertThat(log.decisions.get(Q)).isEqualTo("late " + (Q + 1));
    assertThat(gate.maxTs()).isEqualTo(t[Q - 1]);
  }

  @Test
  void oneYearTypoMidStream_onlyItIsRefused_andNothingAfterItIsLate() {
    long[] t = steady(40);
    t[20] = YEAR_2205 + 20 * MINUTE;
    List<String> expected = admitAll(1, 20);
    expected.add("ahead 21 of " + t[19]);
    expected.addAll(admitAll(22, 40));
    assertThat(run(t)).isEqualTo(expected);
  }

  @Test
  void aheadByExactlyTheBound_isAdmitted_oneMillisecondMore_isRefused() {
    long[] t = steady(Q + 2);
    t[Q] = t[Q - 1] + AHEAD + 1;
    t[Q + 1] = t[Q - 1] + AHEAD;
    List<String> expected = admitAll(1, Q);
    expected.add("ahead " + (Q + 1) + " of " + t[Q - 1]);
    expected.add("admit " + (Q + 2));
    assertThat(run(t)).isEqualTo(expected);
  }

  @Test
  void firstEventFarAhead_isRefused_andEveryOtherAdmitted() {
    long[] t = steady(30);
    t[0] = YEAR_2205;
    List<String> decisions = run(t);
    // the lower median of the first Q: the fourth smallest, t[4] once 2205 is the largest
    assertThat(decisions.get(0)).isEqualTo("ahead 1 of " + t[Q / 2]);
    assertThat(decisions.subList(1, 30)).isEqualTo(admitAll(2, 30));
  }

  @Test
  void firstEventsFarAhead_uptoHalfTheQuorum_areRefused() {
    long[] t = steady(30);
    for (int i = 0; i < Q / 2; i++) {
      t[2 * i] = YEAR_2205 + i; // every other one of the first Q
    }
    List<String> decisions = run(t);
    for (int i = 0; i < Q; i++) {
      assertThat(decisions.get(i)).startsWith(i % 2 == 0 ? "ahead " + (i + 1) : "admit");
    }
    assertThat(decisions.subList(Q, 30)).isEqualTo(admitAll(Q + 1, 30));
  }

  @Test
  void genuineGap_theClockFollowsOnceAQuorumAgrees_andNothingIsLost() {
    long[] t = new long[50];
    for (int i = 0; i < 50; i++) {
      t[i] = T0 + i * MINUTE + (i >= 20 ? 9 * DAY : 0); // nine days without data
    }
    assertThat(run(t)).isEqualTo(admitAll(1, 50));
  }

  @Test
  void genuineGap_heldEventsAreDecidedInInputOrder_byTheNewTime() {
    EventTimeGate gate = new EventTimeGate(BOUND, AHEAD);
    Log log = new Log();
    long[] t = steady(Q);
    for (int i = 0; i < Q; i++) {
      gate.offer(at(t[i]), i + 1, log);
    }
    long later = T0 + 5 * DAY;
    long[] jump = {later + 15 * MINUTE, later, later + 2 * MINUTE, YEAR_2205, later + 3 * MINUTE};
    long[] rest = {later + 4 * MINUTE, later + 5 * MINUTE, later + 6 * MINUTE};
    int line = Q;
    for (long ts : jump) {
      gate.offer(at(ts), ++line, log);
    }
    for (long ts : rest) {
      gate.offer(at(ts), ++line, log);
    }
    assertThat(log.decisions.subList(Q, log.decisions.size()))
        .containsExactly(
            "admit 9",
            "late 10", // 15 minutes behind the first of the new day, as any stream would judge it
            "late 11",
            // against the clock the run's first admitted event set, past the median of the eight
            "ahead 12 of " + (later + 15 * MINUTE),
            "late 13",
            "late 14",
            "admit 15",
            "admit 16");
    assertThat(gate.maxTs()).isEqualTo(later + 15 * MINUTE);
  }

  @Test
  void anEventInTimeEndsARunOfHeldOnes_whichAreThenRefused() {
    long[] t = steady(Q + Q);
    for (int i = Q; i < Q + Q - 1; i++) {
      t[i] = YEAR_2205 + i; // Q - 1 in a row: one short of a quorum
    }
    List<String> expected = admitAll(1, Q);
    for (int line = Q + 1; line < Q + Q; line++) {
      expected.add("ahead " + line + " of " + t[Q - 1]);
    }
    expected.add("admit " + (Q + Q));
    assertThat(run(t)).isEqualTo(expected);
  }

  @Test
  void aRunCutShortByTheEndOfInput_isRefused() {
    long[] t = steady(Q + 3);
    for (int i = Q; i < Q + 3; i++) {
      t[i] += 3 * DAY;
    }
    List<String> expected = admitAll(1, Q);
    for (int line = Q + 1; line <= Q + 3; line++) {
      expected.add("ahead " + line + " of " + t[Q - 1]);
    }
    assertThat(run(t)).isEqualTo(expected);
  }

  @Test
  void outOfRangeTimes_areAProgrammingError() {
    EventTimeGate gate = new EventTimeGate(BOUND, AHEAD);
    Log log = new Log();
    for (long ts :
        new long[] {
          Long.MIN_VALUE, 0, Timestamps.MIN_MILLIS - 1, Timestamps.MAX_MILLIS + 1, Long.MAX_VALUE
        }) {
      assertThatThrownBy(() -> gate.offer(at(ts), 1, log))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("event time must not be");
    }
    assertThat(gate.heldCount()).isZero();
  }

  @Test
  void extremeBounds_andTimes_neverOverflow() {
    EventTimeGate gate = new EventTimeGate(Long.MAX_VALUE, Long.MAX_VALUE);
    Log log = new Log();
    gate.offer(at(Timestamps.MAX_MILLIS), 1, log);
    gate.offer(at(Timestamps.MIN_MILLIS), 2, log);
    gate.finish(log);
    assertThat(log.decisions).containsExactly("admit 1", "admit 2");
    assertThat(gate.watermark()).isLessThan(0).isNotEqualTo(Long.MIN_VALUE);

    EventTimeGate tight = new EventTimeGate(0, 1);
    Log tightLog = new Log();
    tight.offer(at(Timestamps.MIN_MILLIS), 1, tightLog);
    tight.finish(tightLog);
    tight.offer(at(Timestamps.MAX_MILLIS), 2, tightLog);
    tight.offer(at(Timestamps.MIN_MILLIS), 3, tightLog);
    assertThat(tightLog.decisions)
        .containsExactly("admit 1", "ahead 2 of " + Timestamps.MIN_MILLIS, "admit 3");
    assertThat(EventTimeGate.watermark(Timestamps.MIN_MILLIS, Long.MAX_VALUE))
        .isGreaterThan(Long.MIN_VALUE);
  }

  @Test
  void badBounds_areRefused() {
    assertThatThrownBy(() -> new EventTimeGate(-1, AHEAD))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventTimeGate(BOUND, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aheadReject_namesTheTimeTheBoundAndTheStreamsTime() {
    Reject r = Reject.ahead(at(YEAR_2205), 7, DAY, T0);
    assertThat(r.message())
        .isEqualTo(
            "line 7: field \"ts\" is 2205-03-01T12:15:00Z, more than 1d ahead of the stream's"
                + " time 2025-03-01T12:15:00Z (wrong clock or year? not used)");
    assertThat(Reject.duration(90 * MINUTE)).isEqualTo("90m");
    assertThat(Reject.duration(1500)).isEqualTo("1500ms");
  }

  // ---- properties, on seeded random streams with late events, outliers and gaps ----

  @Test
  void randomStreams_decideAsTheOracle_inInputOrder_holdingFewerThanAQuorum() {
    for (int seed = 0; seed < 2000; seed++) {
      Random rnd = new Random(seed);
      long bound = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(20) * MINUTE;
      long ahead = (1 + rnd.nextInt(48)) * 30 * MINUTE;
      long[] t = randomStream(rnd, ahead);
      EventTimeGate gate = new EventTimeGate(bound, ahead);
      Log log = new Log();
      log.gate = gate;
      for (int i = 0; i < t.length; i++) {
        gate.offer(at(t[i]), i + 1, log);
        assertThat(gate.heldCount()).isLessThan(Q);
      }
      gate.finish(log);
      assertThat(log.decisions)
          .as("seed %d: %s", seed, Arrays.toString(t))
          .isEqualTo(oracle(t, bound, ahead));
      assertThat(log.lines).as("seed %d: one decision per event", seed).hasSize(t.length);
      for (int i = 0; i < log.lines.size(); i++) {
        assertThat(log.lines.get(i)).isEqualTo(i + 1);
      }
      assertThat(log.admittedAfterWatermark).as("seed %d", seed).isTrue();
    }
  }

  @Test
  void randomStreams_restoredFromASnapshotAnywhere_decideAsIfNeverStopped() {
    for (int seed = 0; seed < 300; seed++) {
      Random rnd = new Random(seed);
      long ahead = (1 + rnd.nextInt(48)) * 30 * MINUTE;
      long[] t = randomStream(rnd, ahead);
      Log straight = new Log();
      EventTimeGate gate = new EventTimeGate(BOUND, ahead);
      for (int i = 0; i < t.length; i++) {
        gate.offer(at(t[i]), i + 1, straight);
      }
      gate.finish(straight);

      Log restarted = new Log();
      EventTimeGate g = new EventTimeGate(BOUND, ahead);
      for (int i = 0; i < t.length; i++) {
        if (rnd.nextInt(3) == 0) {
          g = EventTimeGate.restored(BOUND, ahead, g.snapshot());
        }
        g.offer(at(t[i]), i + 1, restarted);
      }
      g = EventTimeGate.restored(BOUND, ahead, g.snapshot());
      g.finish(restarted);
      assertThat(restarted.decisions).as("seed %d", seed).isEqualTo(straight.decisions);
    }
  }

  @Test
  void randomStreams_oneFarAheadEventInserted_changesNoOtherDecision() {
    for (int seed = 0; seed < 500; seed++) {
      Random rnd = new Random(seed);
      long[] t = new long[10 + rnd.nextInt(80)];
      long ts = T0;
      for (int i = 0; i < t.length; i++) {
        ts += rnd.nextInt(3) * MINUTE;
        t[i] = rnd.nextInt(10) == 0 ? ts - rnd.nextInt(30) * MINUTE : ts;
      }
      int at = rnd.nextInt(t.length + 1);
      long[] typo = new long[t.length + 1];
      System.arraycopy(t, 0, typo, 0, at);
      typo[at] = YEAR_2205 + rnd.nextInt(1000);
      System.arraycopy(t, at, typo, at + 1, t.length - at);

      List<String> without = renumber(run(t), at);
      List<String> with = run(typo);
      assertThat(with.get(at)).as("seed %d", seed).startsWith("ahead " + (at + 1) + " of ");
      List<String> others = new ArrayList<>(with);
      others.remove(at);
      assertThat(others).as("seed %d", seed).isEqualTo(without);
    }
  }

  /** Shifts the line numbers above {@code after} by one, as if a line had been inserted. */
  private static List<String> renumber(List<String> decisions, int after) {
    List<String> out = new ArrayList<>();
    for (String d : decisions) {
      String[] parts = d.split(" ", 3);
      long line = Long.parseLong(parts[1]);
      long moved = line > after ? line + 1 : line;
      out.add(parts[0] + " " + moved + (parts.length > 2 ? " " + parts[2] : ""));
    }
    return out;
  }

  /** Drifts forward with jitter; some events late, some far ahead, some genuine gaps. */
  private static long[] randomStream(Random rnd, long ahead) {
    int n = rnd.nextInt(5) == 0 ? rnd.nextInt(Q + 2) : rnd.nextInt(120);
    long[] t = new long[n];
    long ts = T0 + rnd.nextInt(1000);
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(100);
      if (kind < 3) {
        ts += ahead + rnd.nextInt(20) * DAY; // a gap in the data
      }
      ts += rnd.nextInt(3) * MINUTE;
      if (kind >= 3 && kind < 10) {
        t[i] = ts + ahead + rnd.nextInt(100) * DAY + rnd.nextInt(2); // a wrong clock
      } else if (kind >= 10 && kind < 12) {
        t[i] = ts + ahead - rnd.nextInt(2); // at the edge
      } else if (kind >= 12 && kind < 25) {
        t[i] = ts - rnd.nextInt(30) * MINUTE; // out of order, perhaps late
      } else {
        t[i] = ts;
      }
    }
    return t;
  }

  /**
   * A sparse stream (a platform's first merchants registered in daily batches, two days apart): the
   * run of eight held events spans more than a day, and its later events are judged against the
   * clock its earlier ones moved, not against the median alone.
   */
  @Test
  void sparseDailyBatches_runLongerThanTheAheadBound_allAdmitted() {
    Log log = new Log();
    EventTimeGate gate = new EventTimeGate(10 * MINUTE, DAY);
    long[] ts = {
      T0,
      T0 + 2 * DAY,
      T0 + 2 * DAY,
      T0 + 2 * DAY + 4_835,
      T0 + 2 * DAY + 53_880,
      T0 + 3 * DAY,
      T0 + 3 * DAY,
      T0 + 3 * DAY + 56_399,
      T0 + 3 * DAY + 56_809
    };
    for (int i = 0; i < Q - 1; i++) { // a first batch to start the clock
      gate.offer(at(T0 - DAY / 2 + i), i + 1, log);
    }
    int line = Q - 1;
    for (long t : ts) {
      gate.offer(at(t), ++line, log);
    }
    gate.finish(log);

    assertThat(log.decisions).allMatch(d -> d.startsWith("admit"), "every event admitted");
    assertThat(log.decisions).hasSize(Q - 1 + ts.length);
  }

  /**
   * A merchant registry loaded before the market: one registration every few days for years, each
   * with its payment link seconds later, then the market's dense stream. Every run of eight held
   * events spans weeks; each event is followed by the ones after it, so none is a wrong clock.
   */
  @Test
  void sparseRegistryHistory_thenTheMarket_allAdmitted_andATypoInItStillRefused() {
    List<Long> ts = new ArrayList<>();
    long t = T0 - 900 * DAY;
    for (int i = 0; i < 300; i++) {
      t += (1 + i % 4) * DAY;
      ts.add(t);
      ts.add(t + 5_000 + i);
    }
    int typo = ts.size() - 101;
    t = T0;
    for (int i = 0; i < 200; i++) {
      ts.add(t += MINUTE);
    }
    ts.set(typo, YEAR_2205);
    long[] times = ts.stream().mapToLong(Long::longValue).toArray();
    List<String> decisions = run(times);
    for (int i = 0; i < times.length; i++) {
      assertThat(decisions.get(i))
          .as("line %d", i + 1)
          .startsWith((i == typo ? "ahead " : "admit ") + (i + 1));
    }
  }

  /**
   * The rule as its definition reads, on lists: events held while the clock is unset or they are
   * ahead of it; a run of {@code Q} held is decided by its median and by the held events after each
   * one (the last ones kept when too few follow); an event in time refuses the held ones ahead of
   * the clock and decides the others; at the end, a start is decided by its median and a run
   * refused.
   */
  private static List<String> oracle(long[] t, long bound, long ahead) {
    List<String> out = new ArrayList<>();
    long[] clock = {Long.MIN_VALUE};
    List<Integer> held = new ArrayList<>();
    for (int i = 0; i < t.length; i++) {
      if (clock[0] == Long.MIN_VALUE || t[i] - clock[0] > ahead) {
        held.add(i);
        if (held.size() == Q) {
          byMedian(t, held, false, bound, ahead, clock, out);
        }
        continue;
      }
      release(t, held, bound, ahead, clock, out);
      decide(t, i, bound, clock, out);
    }
    if (clock[0] == Long.MIN_VALUE) {
      byMedian(t, held, true, bound, ahead, clock, out);
    } else {
      release(t, held, bound, ahead, clock, out);
    }
    return out;
  }

  private static void release(
      long[] t, List<Integer> held, long bound, long ahead, long[] clock, List<String> out) {
    for (int k : held) {
      if (t[k] - clock[0] > ahead) {
        out.add("ahead " + (k + 1) + " of " + clock[0]);
      } else {
        decide(t, k, bound, clock, out);
      }
    }
    held.clear();
  }

  private static void byMedian(
      long[] t,
      List<Integer> held,
      boolean atEnd,
      long bound,
      long ahead,
      long[] clock,
      List<String> out) {
    if (held.isEmpty()) {
      return;
    }
    List<Integer> run = new ArrayList<>(held);
    held.clear();
    long[] sorted = run.stream().mapToLong(k -> t[k]).sorted().toArray();
    long median = sorted[(sorted.length - 1) / 2];
    for (int p = 0; p < run.size(); p++) {
      int k = run.get(p);
      long reference = clock[0] == Long.MIN_VALUE ? median : Math.max(median, clock[0]);
      if (t[k] <= reference + ahead) {
        decide(t, k, bound, clock, out);
        continue;
      }
      List<Integer> after = run.subList(p + 1, run.size());
      if (!atEnd && after.size() < Q / 2) {
        held.addAll(run.subList(p, run.size()));
        return;
      }
      long carryOn = after.stream().filter(j -> t[j] >= t[k] - ahead).count();
      if (2 * carryOn > after.size()) {
        decide(t, k, bound, clock, out);
      } else {
        out.add("ahead " + (k + 1) + " of " + reference);
      }
    }
  }

  private static void decide(long[] t, int k, long bound, long[] clock, List<String> out) {
    if (clock[0] != Long.MIN_VALUE && t[k] < clock[0] - bound) {
      out.add("late " + (k + 1));
    } else {
      clock[0] = Math.max(clock[0], t[k]);
      out.add("admit " + (k + 1));
    }
  }
}
