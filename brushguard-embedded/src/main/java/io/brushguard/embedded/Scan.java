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
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.EventTimeGate;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

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
   * @param rejected lines rejected
   * @param late events later than the out-of-order bound
   * @param detectorErrors events or wake-ups a detector failed on
   */
  public record Result(
      List<Finding> findings, long events, long rejected, long late, long detectorErrors) {}

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

  public Result run(InputStream in, Listener listener) {
    Decisions decisions = new Decisions(config.decision());
    DetectorHost host = new DetectorHost(detectors, decisions::apply, listener::detectorFailed);
    EventTimeGate gate = new EventTimeGate(config.latenessMillis());
    Map<EntityKind, TreeSet<String>> seen = new EnumMap<>(EntityKind.class);
    Consumer<Event> remember = allScores ? e -> remember(seen, e) : e -> {};
    long[] counts = new long[3]; // events, rejected, late
    EventReader reader = new EventReader();
    reader.read(
        in,
        new EventReader.Sink() {
          @Override
          public void accept(Event event, long line) {
            if (!gate.admit(event)) {
              counts[2]++;
              listener.late(event, line);
              return;
            }
            counts[0]++;
            remember.accept(event);
            host.add(event);
            host.advanceTo(gate.watermark());
            if ((counts[0] & 0xFFFF) == 0) {
              listener.progress(reader.bytesRead());
            }
          }

          @Override
          public void reject(Reject reject) {
            counts[1]++;
            listener.rejected(reject);
          }
        });
    host.finish();
    listener.progress(reader.bytesRead());
    List<Finding> findings = allScores ? allFindings(decisions, seen) : flagged(decisions);
    return new Result(findings, counts[0], counts[1], counts[2], host.errors());
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
      Decisions decisions, Map<EntityKind, TreeSet<String>> seen) {
    for (Finding f : decisions.findings()) {
      seen.computeIfAbsent(f.entity(), k -> new TreeSet<>()).add(f.id());
    }
    List<Finding> out = new ArrayList<>();
    for (EntityKind kind : EntityKind.values()) {
      for (String id : seen.getOrDefault(kind, new TreeSet<>())) {
        out.add(decisions.findingFor(kind, id));
      }
    }
    return out;
  }

  private static void remember(Map<EntityKind, TreeSet<String>> seen, Event e) {
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

  private static void add(Map<EntityKind, TreeSet<String>> seen, EntityKind k, String id) {
    seen.computeIfAbsent(k, x -> new TreeSet<>()).add(id);
  }
}
