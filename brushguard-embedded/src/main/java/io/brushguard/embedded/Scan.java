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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;

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
    EventTimeGate gate = new EventTimeGate(config.latenessMillis());
    Map<EntityKind, TreeSet<String>> seen = new EnumMap<>(EntityKind.class);
    long events = 0;
    long rejected = 0;
    long late = 0;
    long nextProgress = 0;
    long bytesRead = 0;
    try (ReadAhead lines = new ReadAhead(in)) {
      for (ReadAhead.Batch batch; (batch = lines.take()) != null; lines.recycle(batch)) {
        for (int i = 0; i < batch.size; i++) {
          Object item = batch.items[i];
          if (item instanceof Event event) {
            if (!gate.admit(event)) {
              late++;
              listener.late(event, batch.lines[i]);
              continue;
            }
            events++;
            if (allScores) {
              remember(seen, event);
            }
            host.add(event);
            host.advanceTo(gate.watermark());
          } else {
            rejected++;
            listener.rejected((Reject) item);
          }
        }
        bytesRead = batch.bytesRead;
        if (events >= nextProgress) {
          nextProgress = events + PROGRESS_EVERY;
          listener.progress(bytesRead);
        }
      }
    }
    host.finish();
    listener.progress(bytesRead);
    List<Finding> findings = allScores ? allFindings(decisions, seen) : flagged(decisions);
    return new Result(findings, events, rejected, late, host.errors());
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

  /**
   * Reads and parses on a second thread, handing over batches of events and rejects in input order.
   *
   * <p>Design note: parsing is about half of a scan's work (docs/performance.md) and the rest needs
   * events in order on one thread, so one producer thread a few batches ahead uses a second core
   * without changing anything downstream. Batches are recycled through a free list, so the hand-off
   * allocates nothing per event. Space: {@value #BATCHES} batches of {@value #BATCH} lines.
   */
  private static final class ReadAhead implements AutoCloseable {
    static final int BATCH = 4096;
    static final int BATCHES = 8;

    /** Up to {@value #BATCH} events (with their line numbers) and rejects, in input order. */
    static final class Batch {
      final Object[] items = new Object[BATCH];
      final long[] lines = new long[BATCH];
      int size;
      long bytesRead;
      boolean last;
      Throwable error;
    }

    private final ArrayBlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final ArrayBlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private volatile boolean cancelled;
    private boolean done;
    private Throwable failure;

    ReadAhead(InputStream in) {
      for (int i = 0; i < BATCHES; i++) {
        free.add(new Batch());
      }
      thread = new Thread(() -> produce(in), "brushguard-reader");
      thread.setDaemon(true);
      thread.start();
    }

    /**
     * The next batch, or null at the end of input. A failure of the reader is thrown after the
     * lines read before it have been handed over.
     */
    Batch take() {
      if (failure != null) {
        throw rethrow(failure);
      }
      if (done) {
        return null;
      }
      Batch b = uninterruptibly(full::take);
      done = b.last;
      failure = b.error;
      if (b.size == 0) {
        return take();
      }
      return b;
    }

    void recycle(Batch b) {
      if (!b.last) {
        Arrays.fill(b.items, 0, b.size, null);
        b.size = 0;
        free.add(b);
      }
    }

    /**
     * Waits for the reader after a complete scan. After an abandoned one (the consumer failed), it
     * tells the reader to stop at its next batch and does not wait: the reader may be blocked on
     * the stream, which the caller is about to close.
     */
    @Override
    public void close() {
      if (done) {
        uninterruptibly(
            () -> {
              thread.join();
              return null;
            });
        return;
      }
      cancelled = true;
      free.clear();
      for (int i = 0; i < BATCHES; i++) {
        free.offer(new Batch()); // unblocks a reader waiting for a free batch
      }
    }

    private void produce(InputStream in) {
      EventReader reader = new EventReader();
      Batch[] current = new Batch[1];
      try {
        current[0] = nextFree();
        reader.read(
            in,
            new EventReader.Sink() {
              @Override
              public void accept(Event event, long line) {
                add(current, event, line, reader);
              }

              @Override
              public void reject(Reject reject) {
                add(current, reject, reject.line(), reader);
              }
            });
        current[0].bytesRead = reader.bytesRead();
      } catch (CancelledException e) {
        return;
      } catch (RuntimeException | Error e) {
        if (cancelled) {
          return;
        }
        if (current[0] == null) {
          current[0] = new Batch();
        }
        current[0].error = e;
      }
      current[0].last = true;
      put(current[0]);
    }

    private void add(Batch[] current, Object item, long line, EventReader reader) {
      Batch b = current[0];
      b.items[b.size] = item;
      b.lines[b.size] = line;
      if (++b.size == BATCH) {
        b.bytesRead = reader.bytesRead();
        put(b);
        current[0] = nextFree();
      }
    }

    private void put(Batch b) {
      uninterruptibly(
          () -> {
            full.put(b);
            return null;
          });
    }

    private Batch nextFree() {
      Batch b = uninterruptibly(free::take);
      if (cancelled) {
        throw new CancelledException();
      }
      return b;
    }

    private static RuntimeException rethrow(Throwable t) {
      if (t instanceof Error e) {
        throw e;
      }
      throw (RuntimeException) t;
    }

    /** Thrown inside the reader thread to unwind it when the scan was abandoned. */
    private static final class CancelledException extends RuntimeException {
      private static final long serialVersionUID = 1L;

      CancelledException() {
        super(null, null, false, false);
      }
    }

    private interface Blocking<T> {
      T call() throws InterruptedException;
    }

    private static <T> T uninterruptibly(Blocking<T> op) {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return op.call();
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
