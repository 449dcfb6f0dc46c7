package io.brushguard.flink;

import io.brushguard.flow.Fact;
import io.brushguard.flow.Stamp;

/**
 * A fact a stage emitted, with its stamp, on its way to the stages that consume its type (or to the
 * output).
 *
 * @param stamp the emitting call's time, the stage's rank, key, call and emission index
 * @param fact the fact
 */
public record Emitted(Stamp stamp, Fact fact) {}
