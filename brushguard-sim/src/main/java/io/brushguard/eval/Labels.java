package io.brushguard.eval;

import io.brushguard.detect.EntityKind;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels of one evaluation, by entity kind and id. Entities without a label are genuine. Holds
 * every label in memory (about 150 bytes each).
 */
public final class Labels {
  private final Map<EntityKind, Map<String, Label>> byKind = new EnumMap<>(EntityKind.class);
  private long rejected;

  /** Labels built in code (tests, or a simulator handing them over without a file). */
  public static Labels of(Collection<Label> labels) {
    Labels out = new Labels();
    for (Label l : labels) {
      if (!out.add(l)) {
        throw new IllegalArgumentException(
            "duplicate label for " + l.entity().wire() + " " + l.id());
      }
    }
    return out;
  }

  /** Adds a label; false when the entity already has one. */
  boolean add(Label label) {
    return byKind
            .computeIfAbsent(label.entity(), k -> new LinkedHashMap<>())
            .putIfAbsent(label.id(), label)
        == null;
  }

  void countRejected() {
    rejected++;
  }

  /** The label of an entity, or {@code null} when it has none (it is genuine). */
  public Label get(EntityKind kind, String id) {
    Map<String, Label> m = byKind.get(kind);
    return m == null ? null : m.get(id);
  }

  /** The labels of one kind, in file order. */
  public Collection<Label> of(EntityKind kind) {
    return Collections.unmodifiableCollection(byKind.getOrDefault(kind, Map.of()).values());
  }

  /** Number of labels read. */
  public long size() {
    long n = 0;
    for (Map<String, Label> m : byKind.values()) {
      n += m.size();
    }
    return n;
  }

  /** Lines of the labels file rejected as malformed. */
  public long rejected() {
    return rejected;
  }
}
