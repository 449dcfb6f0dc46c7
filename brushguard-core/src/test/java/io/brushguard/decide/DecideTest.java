package io.brushguard.decide;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.RecordingContext;
import org.junit.jupiter.api.Test;

class DecideTest {
  private static final long DAY = 86_400_000L;
  private final Decide decide =
      new Decide(DecisionPolicy.DEFAULT.withFusion(RecurrenceNoisyOr.RAW), 30 * DAY);
  private final RecordingContext ctx = new RecordingContext();
  private final Decide.State state = decide.newState();

  private static Signal signal(String origin, double strength, long ts) {
    return new Signal(EntityKind.ORDER, "o1", "TEST", origin, strength, ts, "because");
  }

  private void at(long t, Signal s) {
    decide.onFact(state, s, ctx.at(decide.keyOf(s), t));
  }

  @Test
  void signal_emitsAFindingDecidedAtTheCallsTime_onceWhileItSaysTheSame() {
    at(1_000, signal("a", 0.95, 900));
    at(2_000, signal("a", 0.95, 1_900)); // the same verdict again

    assertThat(ctx.take())
        .singleElement()
        .isEqualTo(
            new Finding(
                EntityKind.ORDER,
                "o1",
                0.95,
                Action.BLOCK,
                java.util.List.of(new Reason("TEST", "because", null, 0.95, 1)),
                1_000));
    assertThat(decide.keyOf(signal("a", 1, 0))).isEqualTo("order/o1");
  }

  @Test
  void withdrawal_emitsAnAllowUpdate_andDropsTheState() {
    at(1_000, signal("a", 0.6, 1_000));
    at(5_000, signal("a", 0, 5_000));

    assertThat(ctx.take())
        .extracting(f -> ((Finding) f).action(), f -> ((Finding) f).ts())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Action.REVIEW, 1_000L),
            org.assertj.core.groups.Tuple.tuple(Action.ALLOW, 5_000L));
    assertThat(decide.isEmpty(state)).isTrue();
  }

  @Test
  void retention_dropsTheVerdictByEventTime_soALaterWithdrawalChangesNothing() {
    at(0, signal("a", 0.6, 0));
    at(10 * DAY, signal("b", 0.3, 10 * DAY));
    ctx.take();

    long firstWake = ctx.wakes.first();
    assertThat(firstWake).isEqualTo(30 * DAY);
    decide.onWake(state, firstWake, ctx.at("order/o1", firstWake));
    assertThat(decide.isEmpty(state)).as("a signal 10 days in keeps it 40 days").isFalse();
    assertThat(ctx.wakes.last()).isEqualTo(40 * DAY);

    decide.onWake(state, 40 * DAY, ctx.at("order/o1", 40 * DAY));
    assertThat(decide.isEmpty(state)).isTrue();
    assertThat(ctx.take()).as("expiry itself says nothing: the last finding stands").isEmpty();
  }
}
