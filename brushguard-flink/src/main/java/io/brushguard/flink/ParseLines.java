package io.brushguard.flink;

import io.brushguard.event.InvalidEventException;
import io.brushguard.ingest.EventParser;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Parses each line with the core {@link EventParser}; a line that breaks the contract goes to
 * {@link #REJECTS} as the same {@link Reject} (line, field, reason, excerpt) the embedded reader
 * reports, and is counted.
 *
 * <p>Runs at the job's parallelism: a line parses on its own. Every line, valid or not, leaves as a
 * {@link Sequenced} with the line's sequence number (a rejected one without its event), so that
 * {@link RestoreOrder} can put the input back in order before the event-time rule.
 */
final class ParseLines extends ProcessFunction<Line, Sequenced> {
  private static final long serialVersionUID = 1L;

  static final OutputTag<Reject> REJECTS = new OutputTag<>("rejects") {};

  private transient EventParser parser;
  private transient Counters rejected;

  @Override
  public void open(OpenContext openContext) {
    parser = new EventParser();
    rejected = Counters.register(getRuntimeContext(), Counters.REJECTED);
  }

  @Override
  public void processElement(Line line, Context ctx, Collector<Sequenced> out) {
    Reject r = parse(parser, line, e -> out.collect(new Sequenced(line.seq(), e)));
    if (r != null) {
      rejected.inc();
      ctx.output(REJECTS, r);
      out.collect(new Sequenced(line.seq(), null));
    }
  }

  /**
   * Parses one line: a valid event goes to {@code out}; a line that breaks the contract is returned
   * as the reject the embedded reader would report.
   */
  static Reject parse(EventParser parser, Line line, Consumer<NumberedEvent> out) {
    byte[] b = line.bytes();
    if (line.tooLong()) {
      return new Reject(
          line.number(),
          null,
          "line is longer than " + EventReader.MAX_LINE_BYTES + " bytes",
          excerpt(b));
    }
    try {
      out.accept(new NumberedEvent(parser.parse(b, 0, b.length), line.number()));
      return null;
    } catch (InvalidEventException e) {
      return new Reject(line.number(), e.field(), e.reason(), excerpt(b));
    }
  }

  /** The start of a line as text; invalid UTF-8 becomes U+FFFD, as in the embedded reader. */
  private static String excerpt(byte[] b) {
    return new String(
        b, 0, Math.min(b.length, JsonLinesFormat.EXCERPT_BYTES), StandardCharsets.UTF_8);
  }
}
