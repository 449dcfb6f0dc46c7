package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.event.Event;
import io.brushguard.event.Login;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventTimeGateTest {
  private static final long MINUTE = 60_000;
  private static final long BOUND = 10 * MINUTE;
  private static final long T0 = 1_740_831_300_000L;

  private static Event at(long ts) {
    return new Login("a1", ts, null, null);
  }

  @Test
  void firstEvent_isAdmitted_andSetsTheWatermark() {
    EventTimeGate gate = new EventTimeGate(BOUND);
    assertThat(gate.watermark()).isEqualTo(Long.MIN_VALUE);
    assertThat(gate.admit(at(T0))).isTrue();
    assertThat(gate.watermark()).isEqualTo(T0 - BOUND - 1);
  }

  @Test
  void outOfOrderWithinTheBound_isAdmitted() {
    EventTimeGate gate = new EventTimeGate(BOUND);
    assertThat(gate.admit(at(T0 + 5 * MINUTE))).isTrue();
    assertThat(gate.admit(at(T0))).isTrue(); // 5 minutes behind
    assertThat(gate.admit(at(T0 + 9 * MINUTE))).isTrue();
    assertThat(gate.admit(at(T0 + MINUTE))).isTrue(); // 8 minutes behind
    assertThat(gate.watermark()).isEqualTo(T0 + 9 * MINUTE - BOUND - 1);
  }

  @Test
  void exactlyTheBoundBehind_isAdmitted_oneMillisecondMore_isLate() {
    EventTimeGate gate = new EventTimeGate(BOUND);
    gate.admit(at(T0 + BOUND));
    assertThat(gate.admit(at(T0))).isTrue();
    assertThat(gate.admit(at(T0 - 1))).isFalse();
  }

  @Test
  void beyondTheBound_isLate_andMovesNothing() {
    EventTimeGate gate = new EventTimeGate(BOUND);
    gate.admit(at(T0 + 30 * MINUTE));
    long watermark = gate.watermark();
    assertThat(gate.admit(at(T0))).isFalse();
    assertThat(gate.admit(at(T0 + 19 * MINUTE))).isFalse();
    assertThat(gate.watermark()).isEqualTo(watermark);
    // a late event does not hold time back either: later ones are judged as before
    assertThat(gate.admit(at(T0 + 20 * MINUTE))).isTrue();
  }

  @Test
  void watermark_isMaxMinusBoundMinusOne_andAnEventAtItIsLate() {
    EventTimeGate gate = new EventTimeGate(BOUND);
    gate.admit(at(T0));
    gate.admit(at(T0 + 3 * MINUTE));
    gate.admit(at(T0 + MINUTE));
    long max = T0 + 3 * MINUTE;
    assertThat(gate.watermark()).isEqualTo(max - BOUND - 1);
    assertThat(gate.admit(at(gate.watermark()))).isFalse();
    assertThat(gate.admit(at(gate.watermark() + 1))).isTrue();
  }

  @Test
  void zeroBound_admitsTiesButNothingEarlier() {
    EventTimeGate gate = new EventTimeGate(0);
    assertThat(gate.admit(at(T0))).isTrue();
    assertThat(gate.admit(at(T0))).isTrue();
    assertThat(gate.admit(at(T0 - 1))).isFalse();
    assertThat(gate.watermark()).isEqualTo(T0 - 1);
  }

  @Test
  void epochZero_isAnOrdinaryTime() {
    EventTimeGate gate = new EventTimeGate(BOUND);
    assertThat(gate.admit(at(0))).isTrue();
    assertThat(gate.watermark()).isEqualTo(-BOUND - 1);
    assertThat(gate.admit(at(0))).isTrue();
  }

  @Test
  void hugeBound_admitsEverythingWithoutOverflow() {
    EventTimeGate gate = new EventTimeGate(Long.MAX_VALUE);
    assertThat(gate.admit(at(T0))).isTrue();
    assertThat(gate.admit(at(0))).isTrue();
    assertThat(gate.watermark()).isLessThan(0);
  }

  @Test
  void negativeBound_isRefused() {
    assertThatThrownBy(() -> new EventTimeGate(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void randomSequences_admitExactlyTheEventsAfterTheWatermark() {
    for (int seed = 0; seed < 200; seed++) {
      Random rnd = new Random(seed);
      long bound = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(20) * MINUTE;
      EventTimeGate gate = new EventTimeGate(bound);
      long ts = T0;
      long maxAdmitted = Long.MIN_VALUE;
      for (int i = 0; i < 500; i++) {
        ts += (rnd.nextInt(7) - 2) * MINUTE + rnd.nextInt(1000); // drifts forward, jitters back
        long watermarkBefore = gate.watermark();
        boolean admitted = gate.admit(at(ts));
        assertThat(admitted)
            .as("seed %d, event %d at %d, watermark %d", seed, i, ts, watermarkBefore)
            .isEqualTo(watermarkBefore == Long.MIN_VALUE || ts > watermarkBefore);
        if (admitted) {
          maxAdmitted = Math.max(maxAdmitted, ts);
        }
        assertThat(gate.watermark()).isGreaterThanOrEqualTo(watermarkBefore);
        assertThat(gate.watermark()).isEqualTo(maxAdmitted - bound - 1);
      }
    }
  }
}
