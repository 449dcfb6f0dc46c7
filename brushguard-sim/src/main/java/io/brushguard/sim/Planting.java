package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * One planted pattern: a fraud {@link Tactic} or a legitimate look-alike ({@link Trap}). An
 * implementation picks its randomised parameters from {@code rnd}, reserves its shops and accounts,
 * records itself in the {@link Plan}, and schedules its activity on the timeline; the scheduled
 * steps draw from the simulation's own random source as they run.
 *
 * <p>Planting happens before the run: an implementation must not ask for the id of an account
 * registered inside the window (ids are numbered in registration order once planting is over),
 * except from inside a scheduled step.
 */
interface Planting {
  /**
   * Plants one instance.
   *
   * @return a rough estimate of the events it will write, so organic life can make up the rest
   */
  long plant(Sim sim, SplittableRandom rnd);
}
