package io.brushguard.sim;

import io.brushguard.event.Payment;
import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * A group-control ring (群控 "small accounts"): one operator drives dozens of accounts from a rack of
 * phones with group-control software.
 *
 * <ul>
 *   <li><b>Registration burst.</b> The accounts sign up within an hour or two, on a block of
 *       sequential virtual-operator phone numbers (170/171/165...), under a handful of reused
 *       identity documents, from a few devices and proxy addresses, with a few shared payment
 *       accounts.
 *   <li><b>Lockstep waves.</b> Days later, on the operator's signal, most accounts order the same
 *       item at a client shop within minutes of each other, often late at night.
 *   <li><b>Reviews and likes in lockstep.</b> Days after a wave the accounts post five-star reviews
 *       from one template within the same hour, and like each other's reviews.
 *   <li><b>Settlement.</b> After each wave the client shop transfers the principal and a fee to the
 *       operator's payment account, which is linked to one of the ring's accounts.
 * </ul>
 *
 * <p>Randomised (ranges for a 1M-event market; smaller markets get smaller rings, {@link
 * Sim#sized}): 20-120 accounts, 2-6 identities, 2-16 devices (from a dozen accounts a phone to
 * fewer than two), 3-12 proxy addresses (for half the rings from one /24 block), 1-3 client shops,
 * 2-5 waves of 60-100% participation spread over 1-6 minutes, the templates.
 *
 * <p>Labelled {@code group_control}: the accounts, orders, reviews, likes, settlement payments and
 * the client shops a wave reached.
 */
final class GroupControlRing implements Planting {
  private static final byte TAG = Tag.of(Tactic.GROUP_CONTROL);
  private static final int[] VIRTUAL_PREFIXES = {170, 171, 165, 167, 162};

  private Sim sim;
  private int[] ring;
  private int operatorPayer;
  private Texts.Template template;

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    this.sim = sim;
    int size = sim.sized(rnd, 20, 120);
    int identities = Rand.between(rnd, 2, 6);
    int devices = Rand.between(rnd, 2, 16);
    int proxies = Rand.between(rnd, 3, 12);
    int payers = Rand.between(rnd, 2, 6);
    int clientShops = Rand.between(rnd, 1, 3);
    int waves = sim.sized(rnd, 2, 5);
    template = Texts.praiseTemplate(rnd, false);
    int registrationDay = sim.day(rnd, 0, sim.spec.days() - 8);
    long burst = Diurnal.timeOfDay(rnd, sim.dayStart(registrationDay));
    long burstLength = Rand.between(rnd, 20 * Sim.MINUTE, 2 * Sim.HOUR);
    long firstPhone =
        VIRTUAL_PREFIXES[rnd.nextInt(VIRTUAL_PREFIXES.length)] * 100_000_000L
            + Rand.between(rnd, 1_000_000L, 90_000_000L);
    int city = sim.accounts.randomCity(rnd);
    int[] identityPool = tokens(sim, identities);
    int[] devicePool = tokens(sim, devices);
    int[] payerPool = tokens(sim, payers);
    int[] proxyPool = new int[proxies];
    // half the rings rent their proxies from one provider's block of addresses (one /24)
    boolean oneBlock = rnd.nextBoolean();
    int block = sim.accounts.freshIp(rnd.nextLong() & 0xFFFF_FFFFL, false) & 0xFFFF_FF00;
    for (int k = 0; k < proxies; k++) {
      proxyPool[k] =
          oneBlock
              ? block | Rand.between(rnd, 1, 254)
              : sim.accounts.freshIp(rnd.nextLong() & 0xFFFF_FFFFL, false);
    }
    operatorPayer = sim.accounts.sharedToken();
    ring = new int[size];
    for (int k = 0; k < size; k++) {
      long t = burst + burstLength * k / size + Rand.between(rnd, 0L, 30_000L);
      int a = sim.accounts.register(t, city, 0, TAG);
      sim.accounts.setPhone(a, firstPhone + k);
      sim.accounts.setIdentity(a, identityPool[rnd.nextInt(identities)]);
      sim.accounts.device[a] = devicePool[rnd.nextInt(devices)];
      sim.accounts.payer[a] = payerPool[rnd.nextInt(payers)];
      sim.accounts.net[a] = Accounts.NET_FIXED;
      sim.accounts.ip[a] = proxyPool[rnd.nextInt(proxies)];
      sim.scheduleRegistration(a);
      ring[k] = a;
    }
    int[] shops = new int[clientShops];
    Plan.Instance instance = sim.plan.instance(Tactic.GROUP_CONTROL);
    for (int k = 0; k < clientShops; k++) {
      shops[k] = sim.market.reserve(rnd, 0.2, 1.0, TAG);
    }
    boolean[] reached = new boolean[clientShops];
    instance
        .param("accounts", size)
        .param("identities", identities)
        .param("devices", devices)
        .param("proxies", proxies)
        .param("proxy_block", oneBlock ? 1 : 0)
        .param("waves", waves)
        .param("registration_day", registrationDay);
    long afterBurst = burst + burstLength + Sim.HOUR;
    sim.at(
        afterBurst,
        now -> sim.link(sim.accounts.id(ring[0]), sim.tokens.payer(operatorPayer), now));
    long orders = 0;
    for (int w = 0; w < waves; w++) {
      int day =
          Math.min(
              sim.spec.days() - 4,
              registrationDay + Rand.between(rnd, 1, 4) + w * Rand.between(rnd, 1, 2));
      long wave =
          rnd.nextBoolean()
              ? sim.dayStart(day) + Rand.between(rnd, Sim.HOUR, 4 * Sim.HOUR)
              : Diurnal.timeOfDay(rnd, sim.dayStart(day));
      int client = rnd.nextInt(clientShops);
      reached[client] = true;
      int shop = shops[client];
      int item = sim.market.itemOf(shop, rnd);
      double participation = 0.6 + 0.4 * rnd.nextDouble();
      long spread = Rand.between(rnd, Sim.MINUTE, 6 * Sim.MINUTE);
      long reviewsAt = wave + Rand.between(rnd, 3 * Sim.DAY, 5 * Sim.DAY);
      int participants = 0;
      for (int a : ring) {
        if (Rand.chance(rnd, participation)) {
          participants++;
          long t =
              Math.max(wave, sim.accounts.registered[a] + Sim.HOUR) + Rand.between(rnd, 0L, spread);
          sim.at(t, now -> order(a, shop, item, now, reviewsAt));
        }
      }
      orders += participants;
      long amount =
          participants * (sim.market.itemPrice[item] + (long) Rand.between(rnd, 300, 800));
      sim.at(
          wave + Rand.between(rnd, 6 * Sim.HOUR, 2 * Sim.DAY),
          now ->
              sim.pay(
                  sim.market.payer(shop),
                  sim.tokens.payer(operatorPayer),
                  amount,
                  now,
                  Payment.Kind.TRANSFER,
                  null,
                  Brushing.memo(sim.rnd, "货款", "服务费", null, "结算"),
                  TAG));
    }
    // a client no wave reached bought nothing: it stays reserved (the other plantings draw as
    // before) but is not labelled
    for (int k = 0; k < clientShops; k++) {
      if (reached[k]) {
        instance.shop(sim.market.shopId(shops[k]));
      } else {
        sim.market.tag[shops[k]] = Tag.NONE;
      }
    }
    return size * 2L + orders * 12L + waves;
  }

  private static int[] tokens(Sim sim, int n) {
    int[] pool = new int[n];
    for (int k = 0; k < n; k++) {
      pool[k] = sim.accounts.sharedToken();
    }
    return pool;
  }

  private void order(int account, int shop, int item, long now, long reviewsAt) {
    SplittableRandom rnd = sim.rnd;
    Purchase p = Brushing.straightToItem(sim, account, shop, item, now, rnd.nextBoolean());
    p.tag = TAG;
    p.mayCancel = false;
    p.afterDelivery =
        (q, delivered) -> {
          long at =
              Math.max(reviewsAt, delivered + 10 * Sim.MINUTE)
                  + Rand.between(rnd, 0L, 40 * Sim.MINUTE);
          String review =
              sim.shopping.review(q, at, 5, Texts.fromTemplate(rnd, template), null, TAG);
          sim.reportable(review, at);
          int likes = Rand.between(rnd, 1, Math.min(6, ring.length - 1));
          int first = rnd.nextInt(ring.length);
          for (int k = 0, given = 0; k < ring.length && given < likes; k++) {
            int liker = ring[(first + k) % ring.length];
            if (liker != account) {
              sim.shopping.like(
                  liker, review, at + Rand.between(rnd, Sim.MINUTE, 30 * Sim.MINUTE), TAG);
              given++;
            }
          }
        };
    sim.shopping.place(p);
  }
}
