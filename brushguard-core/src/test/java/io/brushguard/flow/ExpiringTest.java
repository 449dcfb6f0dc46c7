package io.brushguard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpiringTest {
  private final RecordingContext ctx = new RecordingContext();
  private final Expiring expiry = new Expiring() {};

  @Test
  void expires_retentionAfterTheLastInput_withOneWakeUpPendingAtATime() {
    expiry.touch(ctx.at("k", 0), 100);
    expiry.touch(ctx.at("k", 60), 100);
    assertThat(ctx.wakes).containsExactly(100L);

    assertThat(expiry.expired(100, ctx.at("k", 100), 100)).as("an input came at 60").isFalse();
    assertThat(ctx.wakes).containsExactly(100L, 160L);
    assertThat(expiry.expired(150, ctx.at("k", 150), 100)).as("not its wake-up").isFalse();
    assertThat(expiry.expired(160, ctx.at("k", 160), 100)).isTrue();
    assertThat(expiry.pending()).isFalse();
  }
}
