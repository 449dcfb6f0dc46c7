package io.brushguard.embedded;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.credit.ShopStanding;
import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.decide.RingLine;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.Stage;
import io.brushguard.ingest.Reject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The embedded batch run: read and validate events, feed them to a {@link Pipeline}, and return the
 * fold of its update stream (the last finding per entity, the last standing per shop). One instance
 * scans one input.
 *
 * <pre>
 * lines ─► EventReader ─► Pipeline ─► updates ─► fold ─► findings, shop lines
 *              │ rejects      │ late      └─► listener (--updates)
 * </pre>
 */
public final class Scan {

  /** What a scan reports as it goes; all methods have do-nothing defaults. */
  public interface Listener extends Pipeline.Listener {
    default void progress(long bytesRead) {}
  }

  /**
   * The outcome of a scan.
   *
   * @param findings findings to write, by entity kind then id
   * @param shops the last standing of every shop, by shop
   * @param events events accepted
   * @param rejected lines rejected, events with a clock far ahead included
   * @param late events later than the out-of-order bound
   * @param detectorErrors inputs or wake-ups a stage failed on
   * @param updates finding updates in the stream (each replaces its entity's previous finding)
   * @param rings the last line of every ring, by ring id
   */
  public record Result(
      List<Finding> findings,
      List<ShopStanding> shops,
      long events,
      long rejected,
      long late,
      long detectorErrors,
      long updates,
      List<RingLine> rings) {}

  private static final long PROGRESS_EVERY = 1 << 16;

  private final BrushguardConfig config;
  private final List<Stage<?>> detection;
  private final boolean allScores;
  private final Split split;

  /**
   * @param detection the detection stages ({@code DetectorRegistry.standard} or others)
   * @param allScores when true, the result has a finding for every order, review, like, account and
   *     shop seen, allowed ones included (for ROC and precision-recall evaluation)
   */
  public Scan(BrushguardConfig config, List<Stage<?>> detection, boolean allScores) {
    this(config, detection, allScores, Split.forThisMachine());
  }

  /** As above, with the stages on one thread or cut in two as {@code split} says. */
  public Scan(BrushguardConfig config, List<Stage<?>> detection, boolean allScores, Split split) {
    this.config = config;
    this.detection = List.copyOf(detection);
    this.allScores = allScores;
    this.split = split;
  }

  /**
   * Scans the stream to its end. Reading and parsing run on other threads ({@code
   * brushguard-reader}, {@code brushguard-parser-N}), a batch of lines ahead, and the stages after
   * the {@link Split} cut on a stage thread, a chunk of steps behind; the listener's calls all come
   * on the calling thread, in the order of a one-thread scan, so the result and the calls are the
   * same as a one-thread scan's. An I/O error of the stream is rethrown here as {@link
   * java.io.UncheckedIOException}.
   */
  public Result run(InputStream in, Listener listener) {
    Map<EntityKind, HashSet<String>> seen = new EnumMap<>(EntityKind.class);
    Fold fold = new Fold(listener, allScores ? seen : null);
    Pipeline pipeline = new Pipeline(config, detection, fold, split);
    long rejected = 0;
    long nextProgress = 0;
    long bytesRead = 0;
    try (ReadAhead lines = new ReadAhead(in)) {
      for (ReadAhead.Batch batch; (batch = lines.take()) != null; lines.recycle(batch)) {
        for (int i = 0; i < batch.size; i++) {
          Object item = batch.items[i];
          if (item instanceof Event event) {
            pipeline.accept(event, batch.lines[i]);
          } else {
            rejected++;
            listener.rejected((Reject) item);
          }
        }
        bytesRead = batch.bytesRead;
        if (pipeline.events() >= nextProgress) {
          nextProgress = pipeline.events() + PROGRESS_EVERY;
          listener.progress(bytesRead);
        }
      }
    }
    pipeline.finish();
    listener.progress(bytesRead);
    List<Finding> findings = allScores ? fold.all(seen) : fold.flagged();
    return new Result(
        findings,
        fold.shops(),
        pipeline.events(),
        rejected + pipeline.ahead(),
        pipeline.late(),
        pipeline.errors(),
        fold.updates,
        fold.rings());
  }

  /** The fold of the update stream: the latest finding per entity and standing per shop. */
  private static final class Fold implements Pipeline.Listener {
    private final Listener listener;
    private final Map<EntityKind, HashSet<String>> seen; // null unless every score is wanted
    private final HashMap<String, Finding> findings = new HashMap<>();
    private final HashMap<String, ShopStanding> shops = new HashMap<>();
    private final HashMap<String, RingLine> rings = new HashMap<>();
    long updates;

    Fold(Listener listener, Map<EntityKind, HashSet<String>> seen) {
      this.listener = listener;
      this.seen = seen;
    }

    @Override
    public void admitted(Event event, long line) {
      if (seen != null) {
        remember(seen, event);
      }
    }

    @Override
    public void late(Event event, long line) {
      listener.late(event, line);
    }

    @Override
    public void rejected(Reject reject) {
      listener.rejected(reject);
    }

    @Override
    public void detectorFailed(String stage, String key, Event event, RuntimeException e) {
      listener.detectorFailed(stage, key, event, e);
    }

    @Override
    public void finding(Finding f) {
      updates++;
      findings.put(f.entityKey(), f);
      listener.finding(f);
    }

    @Override
    public void shop(ShopStanding s) {
      shops.put(s.shop(), s);
      listener.shop(s);
    }

    @Override
    public void ring(RingLine r) {
      rings.put(r.ring(), r);
      listener.ring(r);
    }

    List<RingLine> rings() {
      return new TreeMap<>(rings).values().stream().toList();
    }

    List<Finding> flagged() {
      List<Finding> out = new ArrayList<>();
      for (Finding f : findings.values()) {
        if (f.action() != Action.ALLOW) {
          out.add(f);
        }
      }
      out.sort(BY_ENTITY);
      return out;
    }

    List<Finding> all(Map<EntityKind, HashSet<String>> seen) {
      for (Finding f : findings.values()) {
        seen.computeIfAbsent(f.entity(), k -> new HashSet<>()).add(f.id());
      }
      List<Finding> out = new ArrayList<>();
      for (EntityKind kind : EntityKind.values()) {
        // ids are collected in hash sets and sorted once, here
        for (String id : new TreeSet<>(seen.getOrDefault(kind, new HashSet<>()))) {
          Finding f = findings.get(Finding.entityKey(kind, id));
          out.add(f != null ? f : Finding.clean(kind, id));
        }
      }
      return out;
    }

    List<ShopStanding> shops() {
      return new TreeMap<>(shops).values().stream().toList();
    }
  }

  /** Entity kind, then id: the order of a findings file. */
  static final Comparator<Finding> BY_ENTITY =
      Comparator.comparing(Finding::entity).thenComparing(Finding::id);

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
      add(seen, EntityKind.LIKE, l.key());
      add(seen, EntityKind.ACCOUNT, l.account());
    } else if (e instanceof Account a) {
      add(seen, EntityKind.ACCOUNT, a.account());
    }
  }

  private static void add(Map<EntityKind, HashSet<String>> seen, EntityKind k, String id) {
    seen.computeIfAbsent(k, x -> new HashSet<>()).add(id);
  }
}
