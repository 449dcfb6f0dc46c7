package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * Simulates a marketplace in the event contract, with planted fraud and labelled look-alikes.
 *
 * <p>A run builds the world (buyers with heavy-tailed activity, shops with heavy-tailed popularity,
 * items, a platform coupon campaign), plants every entry of the {@link Plantings} list with
 * randomised parameters, then writes registrations from before the window followed by the window
 * itself in time order: organic sessions minute by minute, and everything the plantings scheduled.
 * Output streams to a {@link SimulationOutput}; memory holds the world (about 32 bytes per account,
 * 12 per item) and what is scheduled ahead (in-flight parcels, reviews and likes due), never the
 * events written.
 *
 * <p>Deterministic: the same {@link SimulationSpec} gives the same events, labels and plan, byte
 * for byte. The number of events lands within a few percent of {@link SimulationSpec#events()}.
 */
public final class MarketSimulator {
  /** Plantings' own estimates run high (schedules cut by the window's end); measured, see docs. */
  static final double PLANTED_CORRECTION = 1.0;

  private MarketSimulator() {}

  /** Runs the simulation, streaming to {@code out}; returns what was planted and written. */
  public static Plan run(SimulationSpec spec, SimulationOutput out) {
    long started = System.nanoTime();
    long n = spec.events();
    int buyers = (int) Math.max(2_000, n / 25);
    int shops = (int) Math.max(80, n / 1_200);
    Sim sim = new Sim(spec, buyers, shops, out);
    SplittableRandom build = sim.rnd.split();
    int day = sim.day(build, 3, spec.days() - 5);
    sim.shopping.campaigns.add(
        new Shopping.Campaign("camp1", sim.dayStart(day), sim.dayStart(day + 3)));
    long prelude = 2L * (buyers + shops);
    sim.organicSessions = Math.max(0, n * 0.85 - prelude) / OrganicLife.EVENTS_PER_SESSION;
    long planted = 0;
    for (Plantings.Entry entry : Plantings.ALL) {
      for (int k = entry.instances(n); k > 0; k--) {
        planted += entry.factory().get().plant(sim, build.split());
      }
    }
    int newcomers = (int) (buyers * 0.004 * spec.days());
    double organicEvents =
        Math.max(n * 0.2, n - prelude - 2.0 * newcomers - PLANTED_CORRECTION * planted);
    new OrganicLife(sim)
        .plant(organicEvents / OrganicLife.EVENTS_PER_SESSION, newcomers, build.split());
    sim.startRunning();
    sim.run();
    sim.plan.seconds((System.nanoTime() - started) / 1e9);
    return sim.plan;
  }
}
