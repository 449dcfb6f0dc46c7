package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * Trap: families sharing one device. Parents and children keep separate accounts but shop from the
 * same tablet, ship to the same home and sometimes buy the same things. Several accounts on one
 * device is a ring signal only at ring scale.
 *
 * <p>Randomised: 4-12 families, 2-4 accounts each.
 *
 * <p>Labelled {@code family_device} (genuine): the family members' accounts and their orders.
 */
final class FamilyDevice implements Planting {
  private static final byte TAG = Tag.of(Trap.FAMILY_DEVICE);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int families = Rand.between(rnd, 4, 12);
    int members = 0;
    for (int f = 0; f < families; f++) {
      int city = sim.accounts.randomCity(rnd);
      int device = sim.accounts.sharedToken();
      int address = sim.accounts.sharedToken();
      int size = Rand.between(rnd, 2, 4);
      for (int k = 0; k < size; k++) {
        int a = sim.accounts.claimForTrap(rnd, city, TAG);
        sim.accounts.device[a] = device;
        sim.accounts.address[a] = address;
      }
      members += size;
    }
    sim.plan.instance(Trap.FAMILY_DEVICE).param("families", families).param("accounts", members);
    return 0;
  }
}
