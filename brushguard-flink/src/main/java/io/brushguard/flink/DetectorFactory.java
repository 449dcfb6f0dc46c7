package io.brushguard.flink;

import io.brushguard.config.BrushguardConfig;
import io.brushguard.config.DetectorRegistry;
import io.brushguard.flow.Stage;
import java.io.Serializable;
import java.util.List;

/**
 * Makes the detection stages of a run from its configuration (the decision and the shop stages are
 * added by {@code DetectorRegistry.topology}). It is serializable so that every Flink task makes
 * its own stages (stages themselves need not be serializable); it must return the same stages, in
 * the same order, every time it is called with the same configuration.
 */
@FunctionalInterface
public interface DetectorFactory extends Serializable {

  List<Stage<?>> create(BrushguardConfig config);

  /** {@link DetectorRegistry#standard}: the detection stages the embedded scan runs. */
  static DetectorFactory standard() {
    return DetectorRegistry::standard;
  }
}
