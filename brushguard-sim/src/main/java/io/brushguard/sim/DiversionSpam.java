package io.brushguard.sim;

import io.brushguard.event.Listing;
import java.util.SplittableRandom;

/**
 * Diversion spam (引流): texts that exist to carry a contact off the platform. A fake "after-sales
 * service" shop posts listings stuffed with a 400 hotline ("点击咨询"), WeChat and QQ ids and long
 * lists of place names to catch every local search; throwaway accounts paste the hotline, a WeChat
 * id or a URL into reviews on popular items. Phone numbers are disguised now and then (O for 0,
 * spaces, dots or symbols between digits, full-width digits, Chinese numerals), WeChat ids follow
 * 加V, 薇信, V信 or VX, links are sometimes short links.
 *
 * <p>Randomised: the brand, product and contacts, 3-8 listings, 2-4 accounts posting 5-15 reviews
 * each on popular shops, ratings 5 or 3.
 *
 * <p>Labelled {@code diversion_spam}: the listings, the spam reviews, the accounts, the spam shop.
 */
final class DiversionSpam implements Planting {
  private static final byte TAG = Tag.of(Tactic.DIVERSION_SPAM);

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.6, 1.0, TAG);
    Texts.Contact contact = Texts.spamContact(rnd);
    int listings = Rand.between(rnd, 3, 8);
    int spammers = Rand.between(rnd, 2, 4);
    sim.plan
        .instance(Tactic.DIVERSION_SPAM)
        .shop(sim.market.shopId(shop))
        .param("brand", contact.brand() + contact.product())
        .param("phone", contact.phone())
        .param("listings", listings)
        .param("accounts", spammers);
    for (int k = 0; k < listings; k++) {
      long t = Diurnal.timeOfDay(rnd, sim.dayStart(sim.day(rnd, 0, sim.spec.days())), 8, 23);
      String item = sim.market.itemId(sim.market.itemOf(shop, rnd));
      sim.emit(
          new Listing(
              sim.nextListing(),
              sim.market.shopId(shop),
              Texts.spamListing(rnd, contact),
              t,
              item,
              Texts.spamListingTitle(rnd, contact)),
          TAG);
    }
    long reviews = 0;
    int city = sim.accounts.randomCity(rnd);
    for (int k = 0; k < spammers; k++) {
      long registered = Diurnal.timeOfDay(rnd, sim.dayStart(sim.day(rnd, 0, sim.spec.days() - 5)));
      int a = sim.accounts.register(registered, city, 0, TAG);
      sim.scheduleRegistration(a);
      int n = Rand.between(rnd, 5, 15);
      for (int j = 0; j < n; j++) {
        int target = sim.market.shopIn(sim.market.randomCategory(rnd), rnd);
        long t = registered + Rand.between(rnd, Sim.HOUR, 4 * Sim.DAY);
        sim.at(
            t,
            now -> {
              int rating = Rand.chance(sim.rnd, 0.7) ? 5 : 3;
              sim.reportable(
                  sim.shopping.reviewWithoutOrder(
                      a, target, now, rating, Texts.spamReview(sim.rnd, contact), TAG),
                  now);
            });
      }
      reviews += n;
    }
    return listings + reviews + spammers * 2L;
  }
}
