package io.brushguard.decide;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.ring.RingFound;
import io.brushguard.detect.ring.Rings;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code ring} lines: each ring {@link Rings} found, with the tactics other detectors saw in
 * its accounts (the reason codes of their current findings, {@code RING} aside), as an update
 * stream keyed by ring id. A line is emitted when the ring changes or its tactics do.
 *
 * <p><b>Score.</b> {@code 1 - (1 - strength) (1 - share)}, {@code share} the part of its accounts
 * other detectors flag: a ring whose members are caught independently is surer.
 *
 * <p><b>Key, window, memory.</b> One key ({@value #KEY}). Per ring its last line (its accounts
 * listed); per flagged account its codes (about 100 bytes). A ring is forgotten {@code window}
 * after its last update, an account's codes when its finding is withdrawn or {@code window} after
 * it was last flagged.
 */
public final class RingLines implements Stage<RingLines.State> {
  public static final String NAME = "ring-lines";
  static final String KEY = "all";
  private static final Wiring WIRING =
      new Wiring(
          java.util.Set.of(),
          java.util.Set.of(RingFound.class, Finding.class),
          java.util.Set.of(RingLine.class));

  private final long windowMillis;

  public RingLines(long windowMillis) {
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("ring-lines window must be positive: " + windowMillis);
    }
    this.windowMillis = windowMillis;
  }

  /** The defaults: the ring graph's window, 7 days. */
  public static RingLines standard() {
    return new RingLines(7 * 24 * 3_600_000L);
  }

  /** The rings and the codes of flagged accounts. */
  public static final class State {
    final TreeMap<String, RingFound> rings = new TreeMap<>();
    final Map<String, RingLine> written = new HashMap<>();
    final Map<String, String> ringOf = new HashMap<>();
    final Map<String, List<String>> codes = new HashMap<>();
    final Map<String, Long> flaggedAt = new HashMap<>();
    long wake = Long.MIN_VALUE;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof Finding f) {
      return f.entity() == EntityKind.ACCOUNT ? KEY : null;
    }
    return KEY;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    if (fact instanceof RingFound r) {
      s.rings.put(r.ring(), r);
      for (String a : r.accounts()) {
        s.ringOf.put(a, r.ring());
      }
      write(s, r.ring(), ctx);
    } else {
      Finding f = (Finding) fact;
      List<String> now = new ArrayList<>();
      for (Reason reason : f.reasons()) {
        if (!reason.code().equals(Rings.CODE)) {
          now.add(reason.code());
        }
      }
      List<String> before;
      if (now.isEmpty() || f.action() == Action.ALLOW) {
        before = s.codes.remove(f.id());
        s.flaggedAt.remove(f.id());
      } else {
        before = s.codes.put(f.id(), now);
        s.flaggedAt.put(f.id(), ctx.now());
      }
      String ring = s.ringOf.get(f.id());
      if (ring != null && !now.equals(before == null ? List.of() : before)) {
        write(s, ring, ctx);
      }
    }
    long next = ctx.now() + windowMillis;
    if (s.wake < ctx.now()) {
      s.wake = next;
      ctx.wakeAt(next);
    }
  }

  private static void write(State s, String ring, Context ctx) {
    RingFound r = s.rings.get(ring);
    TreeSet<String> tactics = new TreeSet<>();
    int flagged = 0;
    for (String a : r.accounts()) {
      List<String> c = s.codes.get(a);
      if (c != null) {
        tactics.addAll(c);
        flagged++;
      }
    }
    double share = r.accounts().isEmpty() ? 0 : (double) flagged / r.accounts().size();
    double score = Math.round((1 - (1 - r.strength()) * (1 - share)) * 10_000) / 10_000.0;
    RingLine line = new RingLine(r, List.copyOf(tactics), score, ctx.now());
    RingLine before = s.written.get(ring);
    if (before == null
        || !before.found().equals(r)
        || !before.tactics().equals(line.tactics())
        || before.score() != score) {
      s.written.put(ring, line);
      ctx.emit(line);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    long oldest = time - windowMillis;
    s.rings
        .values()
        .removeIf(
            r -> {
              RingLine w = s.written.get(r.ring());
              if (w != null && w.ts() > oldest) {
                return false;
              }
              s.written.remove(r.ring());
              for (String a : r.accounts()) {
                s.ringOf.remove(a, r.ring());
              }
              return true;
            });
    s.flaggedAt
        .entrySet()
        .removeIf(
            e -> {
              if (e.getValue() > oldest) {
                return false;
              }
              s.codes.remove(e.getKey());
              return true;
            });
    if (!isEmpty(s)) {
      s.wake = time + windowMillis / 4;
      ctx.wakeAt(s.wake);
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.rings.isEmpty() && s.codes.isEmpty();
  }
}
