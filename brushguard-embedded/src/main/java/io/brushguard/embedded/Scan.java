package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.detect.Detector;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The embedded batch pipeline: read and validate events, admit them by event time, run the
 * detectors, decide, and return the findings. One instance scans one input.
 *
 * <pre>
 * lines ─► EventReader ─► EventTimeGate ─► DetectorHost ─► Decisions ─► findings
 *              │ rejects       │ late           (event-time order,
 *              ▼               ▼                 wake-ups, isolation)
 * </pre>
 */
public final class Scan {

  /** What a scan reports as it goes; all methods have do-nothing defaults. */
  public interface Listener {
    default void rejected(Reject reject) {}

    default void late(Event event, long line) {}

    default void detectorFailed(String detector, String key, Event event, RuntimeException e) {}

    default void progress(long bytesRead) {}
  }

  /**
   * The outcome of a scan.
   *
   * @param findings findings to write, by entity kind then id
   * @param events events accepted
   * @param rejected lines rejected, events with a clock far ahead included
   * @param late events later than the out-of-order bound
   * @param detectorErrors events or wake-ups a detector failed on
   */
  public record Result(
      List<Finding> findings, long events, long rejected, long late, long detectorErrors) {}

  private static final long PROGRESS_EVERY = 1 << 16;

  private final BrushguardConfig config;
  private final List<Detector<?>> detectors;
  private final boolean allScores;

  /**
   * @param allScores when true, the result has a finding for every order, review, like, account and
   *     shop seen, allowed ones included (for ROC and precision-recall evaluation)
   */
  public Scan(BrushguardConfig config, List<Detector<?>> detectors, boolean allScores) {
    this.config = config;
    this.detectors = List.copyOf(detectors);
    this.allScores = allScores;
  }

  /**
   * Scans the stream to its end. Reading and parsing run on a second thread ({@code
   * brushguard-reader}), a batch of lines ahead; everything else, the listener's calls included,
   * runs on the calling thread in input order, so the result and the calls are the same as a
   * one-thread scan's. An I/O error of the stream is rethrown here as {@link
   * java.io.UncheckedIOException}.
   */
  public Result run(InputStream in, Listener listener) {
    Decisions decisions = new Decisions(config.decision());
    DetectorHost host = new DetectorHost(detectors, decisions::apply, listener::detectorFailed);
    EventTimeGate gate = new EventTimeGate(config.latenessMillis(), config.aheadMillis());
    Map<EntityKind, HashSet<String>> seen = new EnumMap<>(EntityKind.class);
    Admission admission = new Admission(gate, host, allScores ? seen : null, listener);
    long rejected = 0;
    long nextProgress = 0;
    long bytesRead = 0;
    try (ReadAhead lines = new ReadAhead(in)) {
      for (ReadAhead.Batch batch; (batch = lines.take()) != null; lines.recycle(batch)) {
        for (int i = 0; i < batch.size; i++) {
          Object item = batch.items[i];
          if (item instanceof Event event) {
            gate.offer(event, batch.lines[i], admission);
          } else {
            rejected++;
            listener.rejected((Reject) item);
          }
        }
        bytesRead = batch.bytesRead;
        if (admission.events >= nextProgress) {
          nextProgress = admission.events + PROGRESS_EVERY;
          listener.progress(bytesRead);
        }
      }
    }
    gate.finish(admission);
    host.finish();
    listener.progress(bytesRead);
    List<Finding> findings = allScores ? allFindings(decisions, seen) : flagged(decisions);
    return new Result(
        findings, admission.events, rejected + admission.ahead, admission.late, host.errors());
  }

  /** The gate's decisions: admitted events go to the host, refused ones to the listener. */
  private static final class Admission implements EventTimeGate.Sink {
    private final EventTimeGate gate;
    private final DetectorHost host;
    private final Map<EntityKind, HashSet<String>> seen; // null unless allScores
    private final Listener listener;
    long events;
    long late;
    long ahead; // counted as rejected: the line's ts is wrong

    Admission(
        EventTimeGate gate,
        DetectorHost host,
        Map<EntityKind, HashSet<String>> seen,
        Listener listener) {
      this.gate = gate;
      this.host = host;
      this.seen = seen;
      this.listener = listener;
    }

    @Override
    public void admitted(Event event, long line) {
      events++;
      if (seen != null) {
        remember(seen, event);
      }
      host.add(event);
      host.advanceTo(gate.watermark());
    }

    @Override
    public void late(Event event, long line) {
      late++;
      listener.late(event, line);
    }

    @Override
    public void ahead(Event event, long line, long streamTs) {
      ahead++;
      listener.rejected(Reject.ahead(event, line, gate.aheadMillis(), streamTs));
    }
  }

  private static List<Finding> flagged(Decisions decisions) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : decisions.findings()) {
      if (f.action() != Action.ALLOW) {
        out.add(f);
      }
    }
    return out;
  }

  private static List<Finding> allFindings(
      Decisions decisions, Map<EntityKind, HashSet<String>> seen) {
    for (Finding f : decisions.findings()) {
      seen.computeIfAbsent(f.entity(), k -> new HashSet<>()).add(f.id());
    }
    List<Finding> out = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      // ids are collected in hash sets and sorted once, here
      for (String id : new TreeSet<>(seen.getOrDefault(kind, new HashSet<>()))) {
        out.add(decisions.findingFor(kind, id));
      }
    }
    return out;
  }

  private static void remember(Map<EntityKind, HashSet<String>> seen, Event e) {
    if (e instanceof Order o) {
      add(seen, EntityKind.ORDER, o.order());
      add(seen, EntityKind.ACCOUNT, o.account());
      add(seen, EntityKind.SHOP, o.shop());
    } else if (e instanceof Review r) {
      add(seen, EntityKind.REVIEW, r.review());
      add(seen, EntityKind.ACCOUNT, r.account());
      add(seen, EntityKind.SHOP, r.shop());
    } else if (e instanceof Like l) {
      add(seen, EntityKind.LIKE, l.id());
      add(seen, EntityKind.ACCOUNT, l.account());
    } else if (e instanceof Account a) {
      add(seen, EntityKind.ACCOUNT, a.account());
    }
  }

  private static void add(Map<EntityKind, HashSet<String>> seen, EntityKind k, String id) {
    seen.computeIfAbsent(k, x -> new HashSet<>()).add(id);
  }
}
