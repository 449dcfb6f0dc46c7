package io.brushguard.sim;

import io.brushguard.sim.Shopping.Purchase;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Templated praise: a shop buys five-star reviews from a review service. Hired accounts each place
 * an ordinary-looking order, and after delivery post a review filled from the campaign's one
 * template ("超赞！物美价廉，五星好评"), with synonyms swapped and emoji sprinkled so no two are byte for byte
 * equal. A few campaign photos are reused across reviews.
 *
 * <p>Randomised (ranges at 1M events, {@link Sim#sized}): 10-40 reviewers, a 2-6 day campaign, the
 * template (Chinese or English), 0-3 reused photos, reviews 2 h-2 days after delivery.
 *
 * <p>Labelled {@code templated_praise}: the orders, the reviews, the hired accounts, the shop.
 */
final class TemplatedPraise implements Planting {
  private static final byte TAG = Tag.of(Tactic.TEMPLATED_PRAISE);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.15, 1.0, TAG);
    int reviewers = sim.sized(rnd, 10, 40);
    int firstDay = sim.day(rnd, 1, sim.spec.days() - 6);
    int span = Rand.between(rnd, 2, 6);
    Texts.Template template = Texts.praiseTemplate(rnd, Rand.chance(rnd, 0.25));
    String[] photos = new String[Rand.between(rnd, 0, 3)];
    for (int k = 0; k < photos.length; k++) {
      photos[k] = sim.tokens.image(rnd.nextLong());
    }
    sim.plan
        .instance(Tactic.TEMPLATED_PRAISE)
        .shop(sim.market.shopId(shop))
        .param("reviewers", reviewers)
        .param("first_day", firstDay)
        .param("days", span)
        .param("english", template.english() ? 1 : 0)
        .param("reused_photos", photos.length);
    for (int account : Brushing.recruit(sim, rnd, reviewers, Tactic.TEMPLATED_PRAISE)) {
      long t = Diurnal.timeOfDay(rnd, sim.dayStart(firstDay + rnd.nextInt(span)));
      sim.at(t, now -> order(sim, account, shop, template, photos, now));
    }
    return reviewers * 10L;
  }

  private static void order(
      Sim sim, int account, int shop, Texts.Template template, String[] photos, long now) {
    SplittableRandom rnd = sim.rnd;
    Purchase p = Brushing.ordinaryLooking(sim, account, shop, sim.market.itemOf(shop, rnd), now);
    p.tag = TAG;
    p.mayCancel = false;
    p.afterDelivery =
        (q, delivered) -> {
          long at = delivered + Rand.between(rnd, 2 * Sim.HOUR, 2 * Sim.DAY);
          List<String> images =
              photos.length > 0 && Rand.chance(rnd, 0.5) ? List.of(Rand.pick(rnd, photos)) : null;
          sim.reportable(
              sim.shopping.review(q, at, 5, Texts.fromTemplate(rnd, template), images, TAG), at);
        };
    sim.shopping.place(p);
  }
}
