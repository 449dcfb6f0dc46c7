package io.brushguard.flink;

import io.brushguard.ingest.EventTimeGate;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Periodic watermarks by the event-time rule: {@link EventTimeGate#watermark(long, long)} of the
 * latest time admitted ({@code maxTs - bound - 1}), the watermark the gate itself had when it
 * admitted that event, emitted every auto-watermark interval ({@code pipeline.auto-watermark-
 * interval}, 200 ms by default) rather than after every event. Only admitted events reach it, in
 * the gate's order, so no admitted event is ever at or before a watermark, whenever one is emitted.
 * Results do not depend on that timing: every stage key orders its inputs by {@link
 * io.brushguard.flow.Stamp} and acts by event-time timers, so a later watermark only lets more
 * times fire at once, in the same order. The end of input still flushes everything: the final
 * watermark follows the gate's held events ({@link AdmitInTime#endInput}).
 */
final class LatenessWatermarks implements WatermarkGenerator<NumberedEvent> {
  private final long boundMillis;
  private long maxTs = Long.MIN_VALUE;
  private long emitted = Long.MIN_VALUE;

  LatenessWatermarks(long boundMillis) {
    this.boundMillis = boundMillis;
  }

  @Override
  public void onEvent(NumberedEvent event, long eventTimestamp, WatermarkOutput output) {
    maxTs = Math.max(maxTs, event.event().ts());
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (maxTs == Long.MIN_VALUE) {
      return;
    }
    long mark = EventTimeGate.watermark(maxTs, boundMillis);
    if (mark > emitted) {
      emitted = mark;
      output.emitWatermark(new Watermark(mark));
    }
  }
}
