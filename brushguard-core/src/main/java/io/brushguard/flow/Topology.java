package io.brushguard.flow;

import io.brushguard.event.EventType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dataflow of a run: which stage feeds which, checked once at start.
 *
 * <p>Stage {@code A} feeds stage {@code B} when {@code B} consumes a fact type {@code A} produces.
 * The checks: names are unique; every consumed fact type has a producer; the graph has no cycle,
 * and no stage feeds itself. A stage none of whose facts is consumed or collected by the runtime
 * (findings, shop lines) is left out: entity resolution runs only for the detectors that subscribe
 * to it. The stages are then ranked in topological order (among stages free to go, the one listed
 * first goes first), and rank {@code i + 1} is the {@link Stamp#rank} of facts from {@link
 * #stage(int) stage(i)}: a fact always comes from a lower rank than the stage it goes to.
 */
public final class Topology {
  private final List<Stage<?>> stages;
  private final Map<EventType, int[]> byEvent = new EnumMap<>(EventType.class);
  private final Map<Class<?>, int[]> byFact = new HashMap<>();
  private final Set<Class<? extends Fact>> outputs;

  private Topology(List<Stage<?>> ranked, Set<Class<? extends Fact>> outputs) {
    this.stages = List.copyOf(ranked);
    this.outputs = Set.copyOf(outputs);
    for (EventType t : EventType.values()) {
      byEvent.put(t, indices(s -> s.wiring().events().contains(t)));
    }
    for (Stage<?> s : ranked) {
      for (Class<? extends Fact> f : s.wiring().produces()) {
        byFact.put(f, indices(c -> c.wiring().consumes().contains(f)));
      }
    }
  }

  /**
   * Checks and ranks the stages.
   *
   * @param stages the stages, in the order to prefer among those free to go first
   * @param outputs fact types the runtime collects (they need a producer, not a consumer)
   * @throws IllegalArgumentException naming the stage and fact type that break a rule
   */
  public static Topology of(List<? extends Stage<?>> stages, Set<Class<? extends Fact>> outputs) {
    Map<Class<?>, List<Stage<?>>> producers = new HashMap<>();
    Set<String> names = new HashSet<>();
    for (Stage<?> s : stages) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException(
            "two stages are named \"" + s.name() + "\"; names must be unique");
      }
      for (Class<? extends Fact> f : s.wiring().produces()) {
        producers.computeIfAbsent(f, k -> new ArrayList<>()).add(s);
      }
    }
    for (Stage<?> s : stages) {
      if (feeds(s, s)) {
        throw new IllegalArgumentException(
            "stage \"" + s.name() + "\" consumes what it produces; a stage cannot feed itself");
      }
      for (Class<? extends Fact> f : s.wiring().consumes()) {
        if (!producers.containsKey(f)) {
          throw new IllegalArgumentException(
              "stage \""
                  + s.name()
                  + "\" consumes "
                  + f.getSimpleName()
                  + ", which no stage produces");
        }
      }
    }
    return new Topology(rank(needed(stages, outputs)), outputs);
  }

  /**
   * The stages whose work is used: a stage that produces facts runs only while some running stage
   * consumes one of them or the runtime collects it, so a resolution stage nobody subscribes to
   * costs nothing. Stages that produce nothing are kept.
   */
  private static List<Stage<?>> needed(
      List<? extends Stage<?>> stages, Set<Class<? extends Fact>> outputs) {
    List<Stage<?>> kept = new ArrayList<>(stages);
    boolean changed = true;
    while (changed) {
      changed =
          kept.removeIf(
              s ->
                  !s.wiring().produces().isEmpty()
                      && s.wiring().produces().stream()
                          .noneMatch(
                              f ->
                                  outputs.contains(f)
                                      || kept.stream()
                                          .anyMatch(
                                              c -> c != s && c.wiring().consumes().contains(f))));
    }
    return kept;
  }

  /** Kahn's algorithm, stable in the listed order. */
  private static List<Stage<?>> rank(List<? extends Stage<?>> stages) {
    List<Stage<?>> left = new ArrayList<>(stages);
    List<Stage<?>> ranked = new ArrayList<>();
    while (!left.isEmpty()) {
      Stage<?> next = null;
      for (Stage<?> candidate : left) {
        if (left.stream().noneMatch(other -> other != candidate && feeds(other, candidate))) {
          next = candidate;
          break;
        }
      }
      if (next == null) {
        Set<String> cycle = new TreeSet<>();
        left.forEach(s -> cycle.add(s.name()));
        throw new IllegalArgumentException("the stages " + cycle + " feed each other in a cycle");
      }
      left.remove(next);
      ranked.add(next);
    }
    return ranked;
  }

  private static boolean feeds(Stage<?> from, Stage<?> to) {
    for (Class<? extends Fact> f : from.wiring().produces()) {
      if (to.wiring().consumes().contains(f)) {
        return true;
      }
    }
    return false;
  }

  private int[] indices(java.util.function.Predicate<Stage<?>> test) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      if (test.test(stages.get(i))) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The stages in rank order. */
  public List<Stage<?>> stages() {
    return stages;
  }

  public int size() {
    return stages.size();
  }

  public Stage<?> stage(int index) {
    return stages.get(index);
  }

  /** The {@link Stamp#rank} of facts emitted by the stage at {@code index}. */
  public static int rankOf(int index) {
    return index + 1;
  }

  /** Indices of the stages that consume events of this type, in rank order. */
  public int[] consumersOf(EventType type) {
    return byEvent.get(type);
  }

  /** Indices of the stages that consume facts of this class, in rank order (maybe none). */
  public int[] consumersOf(Class<?> factType) {
    int[] c = byFact.get(factType);
    return c == null ? new int[0] : c;
  }

  /** Whether the runtime collects facts of this class. */
  public boolean isOutput(Class<?> factType) {
    return outputs.contains(factType);
  }

  /** Whether any stage consumes events of this type (events no stage reads are not buffered). */
  public boolean reads(EventType type) {
    return byEvent.get(type).length > 0;
  }

  /** Event types some stage consumes. */
  public Set<EventType> eventTypes() {
    Set<EventType> out = new LinkedHashSet<>();
    for (EventType t : EventType.values()) {
      if (reads(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether {@code stage} declares that it produces facts of this class. */
  public boolean produces(int stage, Class<?> factType) {
    return stages.get(stage).wiring().produces().contains(factType);
  }
}
