package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * Trap: a university dorm. Dozens of students have parcels sent to one building's address, often
 * from the campus network's one address, and order the same cheap things at the same times of day.
 * Many buyers at one address is a ring signal only with more in common than the address.
 *
 * <p>Randomised: the city, 20-60 students, whether they share the campus address (NAT).
 *
 * <p>Labelled {@code dorm} (genuine): the students' accounts and their orders.
 */
final class Dorm implements Planting {
  private static final byte TAG = Tag.of(Trap.DORM);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int city = sim.accounts.randomCity(rnd);
    int students = Math.min(Rand.between(rnd, 20, 60), sim.accounts.preexisting / 60);
    int address = sim.accounts.sharedToken();
    boolean campusNat = rnd.nextBoolean();
    int campusIp = sim.accounts.freshIp(rnd.nextLong() & 0xFFFF_FFFFL, false);
    sim.plan
        .instance(Trap.DORM)
        .param("city", Cities.name(city))
        .param("students", students)
        .param("campus_nat", campusNat ? 1 : 0);
    for (int k = 0; k < students; k++) {
      int a = sim.accounts.claimForTrap(rnd, city, TAG);
      sim.accounts.address[a] = address;
      sim.accounts.activity[a] *= 1.5f; // students shop a lot
      if (campusNat) {
        sim.accounts.net[a] = Accounts.NET_NAT;
        sim.accounts.ip[a] = campusIp;
      }
    }
    return 0;
  }
}
