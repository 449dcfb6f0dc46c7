package io.brushguard.flink;

import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.decide.RingLine;
import io.brushguard.findings.FindingsFormat;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns the topology's outputs into lines of the output contract: a {@code finding} line per
 * finding update (counted), a {@code shop} line per shop standing, a {@code ring} line per ring
 * update. Other facts of an output stage (it may also feed later stages) are not written.
 */
final class OutputLines extends ProcessFunction<Emitted, String> {
  private static final long serialVersionUID = 1L;

  private transient Counters updates;

  @Override
  public void open(OpenContext openContext) {
    updates = Counters.register(getRuntimeContext(), Counters.FINDING_UPDATES);
  }

  @Override
  public void processElement(Emitted in, Context ctx, Collector<String> out) {
    if (in.fact() instanceof Finding f) {
      updates.inc();
      out.collect(FindingsFormat.finding(f));
    } else if (in.fact() instanceof ShopStanding s) {
      out.collect(FindingsFormat.shop(s));
    } else if (in.fact() instanceof RingLine r) {
      out.collect(FindingsFormat.ring(r));
    }
  }
}
