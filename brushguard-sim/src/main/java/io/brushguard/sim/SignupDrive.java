package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * Trap: a platform sign-up drive. A campaign (a campus roadshow, a carrier's SIM promotion, a "new
 * users get 20 yuan" push) makes many genuine people register within an hour: a burst of
 * registrations, like a farm's, but each on their own phone, with their own identity, and then
 * shopping as anyone does.
 *
 * <ul>
 *   <li>Half the drives are at a campus or a mall: everyone registers over the venue's Wi-Fi, one
 *       address;
 *   <li>a third hand out SIM cards from one box: the phone numbers are sequential;
 *   <li>the rest are online: only the burst is shared.
 * </ul>
 *
 * <p>Randomised: 30-200 accounts (scaled down for small markets), registered within 20-90 minutes,
 * from one city; the variant per drive.
 *
 * <p>Labelled {@code signup_drive} (genuine): the accounts and their orders.
 */
final class SignupDrive implements Planting {
  private static final byte TAG = Tag.of(Trap.SIGNUP_DRIVE);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int size = sim.sized(rnd, 30, 200);
    int day = sim.day(rnd, 0, sim.spec.days() - 3);
    long start = Diurnal.timeOfDay(rnd, sim.dayStart(day));
    long length = Rand.between(rnd, 20 * Sim.MINUTE, 90 * Sim.MINUTE);
    int city = sim.accounts.randomCity(rnd);
    boolean venue = rnd.nextBoolean();
    boolean simBox = Rand.chance(rnd, 1.0 / 3);
    int venueIp = sim.accounts.freshIp(rnd.nextLong() & 0xFFFF_FFFFL, false);
    long firstPhone = 18_600_000_000L + Rand.between(rnd, 1_000_000L, 90_000_000L);
    sim.plan
        .instance(Trap.SIGNUP_DRIVE)
        .param("accounts", size)
        .param("day", day)
        .param("minutes", length / Sim.MINUTE)
        .param("venue_wifi", venue ? 1 : 0)
        .param("sequential_phones", simBox ? 1 : 0);
    for (int k = 0; k < size; k++) {
      long t = start + Rand.between(rnd, 0L, length);
      int a = sim.accounts.register(t, city, Accounts.activityWeight(rnd), TAG);
      if (venue) {
        sim.accounts.net[a] = Accounts.NET_FIXED;
        sim.accounts.ip[a] = venueIp;
      }
      if (simBox) {
        sim.accounts.setPhone(a, firstPhone + k);
      }
      sim.scheduleRegistration(a);
    }
    return size;
  }
}
