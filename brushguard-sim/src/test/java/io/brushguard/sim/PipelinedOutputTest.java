package io.brushguard.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Event;
import io.brushguard.event.Login;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PipelinedOutputTest {
  @Test
  void everythingArrives_inOrder_evenAcrossPartialBatches() throws Exception {
    List<Object> seen = new ArrayList<>();
    try (PipelinedOutput out =
        new PipelinedOutput(
            new SimulationOutput() {
              @Override
              public void event(Event event) {
                seen.add(event);
              }

              @Override
              public void label(Truth truth) {
                seen.add(truth);
              }
            })) {
      for (int i = 0; i < 10_000; i++) {
        out.event(new Login("u" + i, i, null, null));
        if (i % 7 == 0) {
          out.label(new Truth(EntityKind.ACCOUNT, "u" + i, false, null, Trap.DORM, false));
        }
      }
    }
    assertThat(seen).hasSize(10_000 + 1_429);
    long last = -1;
    for (Object o : seen) {
      if (o instanceof Login l) {
        assertThat(l.ts()).isEqualTo(last + 1);
        last = l.ts();
      } else {
        assertThat(((Truth) o).id()).isEqualTo("u" + last);
      }
    }
  }

  @Test
  void aFailingTarget_isReportedToTheProducer() {
    PipelinedOutput out =
        new PipelinedOutput(
            new SimulationOutput() {
              @Override
              public void event(Event event) {
                throw new UncheckedIOException(new java.io.IOException("disk full"));
              }

              @Override
              public void label(Truth truth) {}
            });
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 1_000_000; i++) {
                out.event(new Login("u", i, null, null));
              }
              out.close();
            })
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk full");
  }
}
