package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import java.util.SplittableRandom;

/**
 * A like farm: "helpful" votes push chosen reviews to the top of a product page. A shop has a few
 * hired accounts buy and post glowing reviews, then a farm of accounts, run from a handful of
 * devices behind a few proxies, likes each of those reviews in a burst within the hour.
 *
 * <p>Randomised (ranges at 1M events, {@link Sim#sized}): 4-15 reviewers, a farm of 15-60 accounts
 * on 2-5 devices and 2-4 proxies, 10-45 likes per review arriving over 5-40 minutes, starting
 * minutes to a day after the review.
 *
 * <p>Labelled {@code like_farm}: the likes, the farm's and the reviewers' accounts, the reviews and
 * their orders, the shop.
 */
final class LikeFarm implements Planting {
  private static final byte TAG = Tag.of(Tactic.LIKE_FARM);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.1, 0.8, TAG);
    int reviewers = sim.sized(rnd, 4, 15);
    int farmSize = sim.sized(rnd, 15, 60);
    int devices = Rand.between(rnd, 2, 5);
    int proxies = Rand.between(rnd, 2, 4);
    int[] farm = Brushing.recruit(sim, rnd, farmSize, Tactic.LIKE_FARM);
    int[] deviceTokens = new int[devices];
    for (int k = 0; k < devices; k++) {
      deviceTokens[k] = sim.accounts.sharedToken();
    }
    int[] proxyIps = new int[proxies];
    for (int k = 0; k < proxies; k++) {
      proxyIps[k] = sim.accounts.freshIp(rnd.nextLong() & 0xFFFF_FFFFL, false);
    }
    for (int a : farm) {
      sim.accounts.device[a] = deviceTokens[rnd.nextInt(devices)];
      sim.accounts.net[a] = Accounts.NET_FIXED;
      sim.accounts.ip[a] = proxyIps[rnd.nextInt(proxies)];
    }
    Texts.Template template = Texts.praiseTemplate(rnd, Rand.chance(rnd, 0.2));
    int firstDay = sim.day(rnd, 0, sim.spec.days() - 7);
    sim.plan
        .instance(Tactic.LIKE_FARM)
        .shop(sim.market.shopId(shop))
        .param("reviewers", reviewers)
        .param("first_day", firstDay)
        .param("farm_accounts", farmSize)
        .param("devices", devices)
        .param("proxies", proxies);
    long likes = 0;
    for (int reviewer : Brushing.recruit(sim, rnd, reviewers, Tactic.LIKE_FARM)) {
      long t = Diurnal.timeOfDay(rnd, sim.dayStart(firstDay + rnd.nextInt(3)));
      int perReview = Rand.between(rnd, 10, Math.min(45, farmSize));
      likes += perReview;
      sim.at(t, now -> order(sim, reviewer, shop, farm, perReview, template, now));
    }
    return reviewers * 12L + likes;
  }

  private static void order(
      Sim sim, int reviewer, int shop, int[] farm, int likes, Texts.Template template, long now) {
    SplittableRandom rnd = sim.rnd;
    Purchase p = Brushing.ordinaryLooking(sim, reviewer, shop, sim.market.itemOf(shop, rnd), now);
    p.tag = TAG;
    p.mayCancel = false;
    p.afterDelivery =
        (q, delivered) -> {
          long at = delivered + Rand.between(rnd, Sim.HOUR, Sim.DAY);
          String text =
              Rand.chance(rnd, 0.5)
                  ? Texts.fromTemplate(rnd, template)
                  : Texts.genuineReview(rnd, q.category(), 5);
          String review =
              sim.shopping.review(
                  q, at, 5, text, sim.shopping.uniqueImages(Rand.between(rnd, 1, 3)), TAG);
          long burst = at + Rand.between(rnd, 5 * Sim.MINUTE, Sim.DAY);
          long spread = Rand.between(rnd, 5 * Sim.MINUTE, 40 * Sim.MINUTE);
          int first = rnd.nextInt(farm.length);
          for (int k = 0; k < likes; k++) {
            sim.shopping.like(
                farm[(first + k) % farm.length],
                review,
                burst + spread * k / likes + Rand.between(rnd, 0L, 20_000L),
                TAG);
          }
        };
    sim.shopping.place(p);
  }
}
