package io.brushguard.sim;

/** Something scheduled on the {@link Timeline}: runs once, at its time, and may schedule more. */
@FunctionalInterface
interface Step {
  void run(long now);
}
