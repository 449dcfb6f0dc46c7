package io.brushguard.eval;

import io.brushguard.detect.EntityKind;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The findings of one run, by entity kind and id, as evaluation sees them. When an entity has more
 * than one finding (a stream of verdict updates), the last one stands. Holds every finding in
 * memory.
 */
public final class Findings {
  private final Map<EntityKind, Map<String, Scored>> byKind = new EnumMap<>(EntityKind.class);
  private long rejected;
  private long superseded;

  /** Findings built in code (tests, or a scan handing them over without a file). */
  public static Findings of(Collection<Scored> findings) {
    Findings out = new Findings();
    findings.forEach(out::put);
    return out;
  }

  void put(Scored s) {
    if (byKind.computeIfAbsent(s.entity(), k -> new LinkedHashMap<>()).put(s.id(), s) != null) {
      superseded++;
    }
  }

  void countRejected() {
    rejected++;
  }

  /** The finding on an entity, or {@code null} when there is none. */
  public Scored get(EntityKind kind, String id) {
    Map<String, Scored> m = byKind.get(kind);
    return m == null ? null : m.get(id);
  }

  /** The findings on entities of one kind. */
  public Collection<Scored> of(EntityKind kind) {
    return Collections.unmodifiableCollection(byKind.getOrDefault(kind, Map.of()).values());
  }

  /**
   * Whether the run scored entities it did not flag ({@code scan --all-scores}): only then do the
   * scores rank the genuine entities as well, and ranking metrics mean something.
   */
  public boolean scoresEveryEntity() {
    for (Map<String, Scored> m : byKind.values()) {
      for (Scored s : m.values()) {
        if (!s.flagged()) {
          return true;
        }
      }
    }
    return false;
  }

  /** Number of entities with a finding. */
  public long size() {
    long n = 0;
    for (Map<String, Scored> m : byKind.values()) {
      n += m.size();
    }
    return n;
  }

  /** Lines of the findings file rejected as malformed. */
  public long rejected() {
    return rejected;
  }

  /** Findings replaced by a later finding on the same entity. */
  public long superseded() {
    return superseded;
  }
}
