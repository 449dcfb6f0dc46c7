package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Finding;
import io.brushguard.decide.RingLine;
import io.brushguard.event.Event;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Topology;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.ingest.Reject;
import io.brushguard.resolve.ResolutionSink;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded runtime without an end: events go in one at a time, in input order, and findings and
 * shop standings come out as updates as soon as event time has passed the evidence. A batch {@link
 * Scan} is one of these fed from a file; a service feeds one from requests.
 *
 * <pre>
 * events ─► EventTimeGate ─► Dataflow (stages in rank order) ─► updates: Finding, ShopStanding
 *                │ late, ahead
 * </pre>
 *
 * <p>Not thread-safe: one thread feeds it.
 */
public final class Pipeline {

  /** What a pipeline reports; all methods have do-nothing defaults. */
  public interface Listener {
    /** An event the gate let in, in input order. */
    default void admitted(Event event, long line) {}

    /** An event later than the out-of-order bound: counted, not used. */
    default void late(Event event, long line) {}

    /** A line or event refused ({@link Reject#ahead}: a clock far ahead of the stream's). */
    default void rejected(Reject reject) {}

    /** A stage failed on an input or a wake-up; the run goes on. */
    default void detectorFailed(String stage, String key, Event event, RuntimeException e) {}

    /** An entity's finding changed (one with action {@code allow} withdraws an earlier one). */
    default void finding(Finding finding) {}

    /** A shop's standing changed. */
    default void shop(ShopStanding standing) {}

    /** A ring's line changed. */
    default void ring(RingLine ring) {}
  }

  private final EventTimeGate gate;
  private final Dataflow flow;
  private final Listener listener;
  private final Admission admission = new Admission();
  private long events;
  private long late;
  private long ahead;

  /**
   * @param detection the detection stages ({@link DetectorRegistry#standard} or others); the
   *     decision and the shop stages are added by {@link DetectorRegistry#topology}
   */
  public Pipeline(BrushguardConfig config, List<Stage<?>> detection, Listener listener) {
    this(config, detection, listener, Split.NONE);
  }

  /**
   * @param split whether the later stages run on a second thread (see {@link Split}); the listener
   *     is still called on the feeding thread only, in the same order, but a stage thread's
   *     findings reach it a chunk of steps later (at most a few thousand events), and all of them
   *     by {@link #finish}
   */
  public Pipeline(
      BrushguardConfig config, List<Stage<?>> detection, Listener listener, Split split) {
    Topology topology = DetectorRegistry.topology(config, withSink(detection));
    this.gate = new EventTimeGate(config.latenessMillis(), config.aheadMillis());
    this.flow =
        new Dataflow(
            topology,
            (Fact f) -> {
              if (f instanceof Finding finding) {
                listener.finding(finding);
              } else if (f instanceof ShopStanding s) {
                listener.shop(s);
              } else if (f instanceof RingLine r) {
                listener.ring(r);
              }
            },
            listener::detectorFailed,
            split);
    this.listener = listener;
  }

  /**
   * The detection stages, plus {@link ResolutionSink} when {@code -Dbrushguard.resolution=all} asks
   * for every entity-resolution stage to run (to measure them; the output is the same).
   */
  private static List<Stage<?>> withSink(List<Stage<?>> detection) {
    if (!ResolutionSink.requested()) {
      return detection;
    }
    List<Stage<?>> all = new ArrayList<>(detection);
    all.add(new ResolutionSink());
    return all;
  }

  /**
   * Takes the next event of the input; {@code line} is its line (or any increasing number), which
   * breaks ties between events of equal time. The gate may hold an event back for a few events (see
   * {@link EventTimeGate}) before it is admitted or refused.
   */
  public void accept(Event event, long line) {
    gate.offer(event, line, admission);
  }

  /** End of input: the gate decides what it holds, then every buffered event and wake-up runs. */
  public void finish() {
    gate.finish(admission);
    flow.finish();
  }

  /** The gate's decisions: admitted events go to the dataflow, refused ones to the listener. */
  private final class Admission implements EventTimeGate.Sink {
    @Override
    public void admitted(Event event, long line) {
      events++;
      listener.admitted(event, line);
      flow.add(event, line);
      flow.advanceTo(gate.watermark());
    }

    @Override
    public void late(Event event, long line) {
      Pipeline.this.late++;
      listener.late(event, line);
    }

    @Override
    public void ahead(Event event, long line, long streamTs) {
      Pipeline.this.ahead++;
      listener.rejected(Reject.ahead(event, line, gate.aheadMillis(), streamTs));
    }
  }

  /** Events accepted so far. */
  public long events() {
    return events;
  }

  /** Late events so far. */
  public long late() {
    return late;
  }

  /** Events refused so far for a clock far ahead of the stream's. */
  public long ahead() {
    return ahead;
  }

  /**
   * The index (in the topology's rank order) of the first stage on the stage thread, or -1 while
   * every stage runs on the feeding thread.
   */
  public int cutAt() {
    return flow.cutAt();
  }

  /** How many times the stages were cut over two threads so far (for tests). */
  int cuts() {
    return flow.cuts();
  }

  /** Inputs or wake-ups a stage failed on so far. */
  public long errors() {
    return flow.errors();
  }
}
