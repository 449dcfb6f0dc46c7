package io.brushguard.flow;

import io.brushguard.event.EventType;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a stage reads and writes: the event types and fact types it consumes and the fact types it
 * produces. The {@link Topology} builds its routing and its checks from these.
 *
 * @param events event types the stage consumes
 * @param consumes fact types the stage consumes
 * @param produces fact types the stage emits
 */
public record Wiring(
    Set<EventType> events,
    Set<Class<? extends Fact>> consumes,
    Set<Class<? extends Fact>> produces) {

  public Wiring {
    events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
    consumes = Set.copyOf(consumes);
    produces = Set.copyOf(produces);
  }

  /** Starts a wiring that consumes these event types. */
  public static Wiring events(EventType... types) {
    return new Wiring(Set.of(types), Set.of(), Set.of());
  }

  /** This wiring, also consuming these fact types. */
  @SafeVarargs
  public final Wiring consumes(Class<? extends Fact>... types) {
    Set<Class<? extends Fact>> all = new LinkedHashSet<>(consumes);
    all.addAll(List.of(types));
    return new Wiring(events, all, produces);
  }

  /** This wiring, also producing these fact types. */
  @SafeVarargs
  public final Wiring produces(Class<? extends Fact>... types) {
    Set<Class<? extends Fact>> all = new LinkedHashSet<>(produces);
    all.addAll(List.of(types));
    return new Wiring(events, consumes, all);
  }
}
