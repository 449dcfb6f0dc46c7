package io.brushguard.sim;

import java.util.SplittableRandom;

/**
 * Trap: mobile carrier NAT. A carrier puts a whole district's phones behind one public address, so
 * hundreds of strangers, on their own devices, with their own addresses and payment accounts, sign
 * in, order and review from the same IP. Many accounts per IP is a ring signal only when the
 * accounts share more than the IP.
 *
 * <p>Randomised: the city, 80-300 subscribers (scaled down for small markets), 80% of their traffic
 * through the NAT address.
 *
 * <p>Labelled {@code carrier_nat} (genuine): the subscribers' accounts and their orders.
 */
final class CarrierNat implements Planting {
  private static final byte TAG = Tag.of(Trap.CARRIER_NAT);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int city = sim.accounts.randomCity(rnd);
    int subscribers = Math.min(Rand.between(rnd, 80, 300), sim.accounts.preexisting / 40);
    int nat = sim.accounts.freshIp(rnd.nextLong() & 0xFFFF_FFFFL, true);
    sim.plan
        .instance(Trap.CARRIER_NAT)
        .param("city", Cities.name(city))
        .param("ip", Tokens.dotted(nat))
        .param("accounts", subscribers);
    for (int k = 0; k < subscribers; k++) {
      int a = sim.accounts.claimForTrap(rnd, city, TAG);
      sim.accounts.net[a] = Accounts.NET_NAT;
      sim.accounts.ip[a] = nat;
    }
    return 0; // they shop as they would anyway
  }
}
