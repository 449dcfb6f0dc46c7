package io.brushguard.resolve;

import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Set;

/**
 * Subscribes to every entity-resolution fact and drops it: a topology with this stage keeps all the
 * resolution stages, which {@link io.brushguard.flow.Topology#of} otherwise leaves out while no
 * detector subscribes to them. For measuring their cost (the benchmarks, and {@code scan} run with
 * {@code -Dbrushguard.resolution=all}); it keys nothing, so it keeps no state and changes no
 * output.
 */
public final class ResolutionSink implements Stage<Object> {
  public static final String NAME = "resolution-sink";

  /**
   * The system property that, set to {@code all}, adds this stage to the embedded runtime's run.
   */
  public static final String PROPERTY = "brushguard.resolution";

  private final Wiring wiring;

  /** Subscribes to every resolution fact. */
  public ResolutionSink() {
    this(Set.of(Linked.class, MerchantPayer.class, OrderLinked.class, LikeLinked.class));
  }

  /** Subscribes to these fact types only (each must have a producer in the topology). */
  public ResolutionSink(Set<Class<? extends Fact>> types) {
    this.wiring = new Wiring(Set.of(), types, Set.of());
  }

  /** Whether the system property asks for every resolution stage to run. */
  public static boolean requested() {
    return "all".equals(System.getProperty(PROPERTY));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return wiring;
  }

  @Override
  public String keyOf(Fact fact) {
    return null;
  }

  @Override
  public Object newState() {
    return Boolean.TRUE;
  }

  @Override
  public boolean isEmpty(Object state) {
    return true;
  }
}
