package io.brushguard.flink;

import io.brushguard.ingest.EventTimeGate;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Punctuated watermarks by the lateness rule: after every event, {@link EventTimeGate#watermark()}
 * ({@code maxTs - bound - 1}). Only admitted events reach it, so no admitted event is ever at or
 * before a watermark. Nothing is emitted periodically: watermarks that depend on wall-clock timing
 * would make results depend on it too.
 */
final class LatenessWatermarks implements WatermarkGenerator<NumberedEvent> {
  private final EventTimeGate clock;

  LatenessWatermarks(long boundMillis) {
    this.clock = new EventTimeGate(boundMillis);
  }

  @Override
  public void onEvent(NumberedEvent event, long eventTimestamp, WatermarkOutput output) {
    clock.admit(event.event());
    if (clock.maxTs() != Long.MIN_VALUE) {
      output.emitWatermark(new Watermark(clock.watermark()));
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
