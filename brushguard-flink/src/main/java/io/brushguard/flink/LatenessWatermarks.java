package io.brushguard.flink;

import io.brushguard.ingest.EventTimeGate;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Punctuated watermarks by the event-time rule: after every admitted event, {@link
 * EventTimeGate#watermark(long, long)} of the latest time admitted ({@code maxTs - bound - 1}), the
 * watermark the gate itself had when it admitted that event. Only admitted events reach it, in the
 * gate's order, so no admitted event is ever at or before a watermark. Nothing is emitted
 * periodically: watermarks that depend on wall-clock timing would make results depend on it too.
 */
final class LatenessWatermarks implements WatermarkGenerator<NumberedEvent> {
  private final long boundMillis;
  private long maxTs = Long.MIN_VALUE;

  LatenessWatermarks(long boundMillis) {
    this.boundMillis = boundMillis;
  }

  @Override
  public void onEvent(NumberedEvent event, long eventTimestamp, WatermarkOutput output) {
    maxTs = Math.max(maxTs, event.event().ts());
    output.emitWatermark(new Watermark(EventTimeGate.watermark(maxTs, boundMillis)));
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {}
}
