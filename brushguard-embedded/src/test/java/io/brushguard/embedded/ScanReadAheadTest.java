package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.event.Event;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Scan} reads on a second thread; what the caller sees must not show it. */
// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ScanReadAheadTest {
  private static final long T0 = 1_740_830_400_000L;

  private static Scan scan() {
    BrushguardConfig cfg = BrushguardConfig.DEFAULT;
    return new Scan(cfg, DetectorRegistry.standard(cfg), false);
  }

  /**
   * {@code n} lines: logins a second apart, every 1000th malformed, every 777th 20 minutes late.
   */
  private static byte[] lines(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      long ts = T0 + i * 1000L - (i % 777 == 0 ? 1_200_000 : 0);
      if (i % 1000 == 0) {
        sb.append("{\"type\":\"login\",\"account\":\n");
      } else {
        sb.append("{\"type\":\"login\",\"account\":\"a").append(i % 50);
        sb.append("\",\"ts\":").append(ts).append("}\n");
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void listenerCalls_comeInInputOrder_onTheCallingThread_acrossManyBatches() {
    byte[] input = lines(30_000);
    List<Long> calls = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    Thread caller = Thread.currentThread();
    Scan.Result r =
        scan()
            .run(
                new ByteArrayInputStream(input),
                new Scan.Listener() {
                  @Override
                  public void rejected(Reject reject) {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    calls.add(reject.line());
                  }

                  @Override
                  public void late(Event event, long line) {
                    assertThat(Thread.currentThread()).isSameAs(caller);
                    calls.add(line);
                  }

                  @Override
                  public void progress(long bytesRead) {
                    progress.add(bytesRead);
                  }
                });
    assertThat(r.rejected()).isEqualTo(30);
    assertThat(r.late())
        .isEqualTo(38); // multiples of 777 up to 30,000: 38, none a multiple of 1000
    assertThat(r.events()).isEqualTo(30_000 - 30 - 38);
    assertThat(calls).hasSize(68).isSorted();
    assertThat(progress).isSorted().last().isEqualTo((long) input.length);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void readFailure_isRethrownToTheCaller() {
    InputStream failing =
        new SequenceInputStream(
            new ByteArrayInputStream(lines(50_000)),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("disk gone");
              }
            });
    assertThatThrownBy(() -> scan().run(failing, new Scan.Listener() {}))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("disk gone");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void listenerFailure_stopsTheScan_withoutWaitingForTheReader() {
    RuntimeException boom = new IllegalStateException("listener broke");
    assertThatThrownBy(
            () ->
                scan()
                    .run(
                        new ByteArrayInputStream(lines(200_000)),
                        new Scan.Listener() {
                          @Override
                          public void rejected(Reject reject) {
                            throw boom;
                          }
                        }))
        .isSameAs(boom);
  }

  @Test
  void emptyInput_givesAnEmptyResult() {
    Scan.Result r = scan().run(new ByteArrayInputStream(new byte[0]), new Scan.Listener() {});
    assertThat(r.events()).isZero();
    assertThat(r.findings()).isEmpty();
  }
}
