package io.brushguard.sim;

import io.brushguard.event.Report;
import io.brushguard.sim.Shopping.Purchase;
import io.brushguard.sim.Shopping.Visit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Traps for the like-farm and bad-reviewer detectors: genuine reviewing and liking that resembles
 * them.
 *
 * <ul>
 *   <li>{@link Trap#USEFUL_REVIEW}: a genuinely useful review (long text, photos, a popular shop)
 *       that 15-150 strangers like over hours and days; on half of them a quick burst of 8-40 likes
 *       within 10-60 minutes once the review reaches the top. The likers are aged accounts on their
 *       own phones (some of them on a family's tablet, as the population has them).
 *   <li>{@link Trap#BAD_BATCH}: a genuinely bad batch at a popular shop: 12-60 aged, unrelated
 *       buyers who each bought there in the same 2-6 days post one- or two-star complaints, a few
 *       report the shop.
 *   <li>{@link Trap#PICKY_REVIEWER}: an aged account that buys every 1-4 days at various shops and
 *       rates most of it one or two stars, over the whole window; sometimes reports a shop.
 *   <li>{@link Trap#NEW_ACCOUNT_PRAISE}: a newly registered genuine account whose first 3-8
 *       reviews, at different shops within its first two weeks, are mostly five stars.
 *   <li>{@link Trap#STOCK_PHOTO}: the shop's official product photo of a popular item, re-posted by
 *       8-40 aged, unrelated buyers spread over the whole window, each copy re-encoded (0-5 of its
 *       64 hash bits flipped), often beside a photo of their own.
 *   <li>{@link Trap#OWN_PHOTO_REUSE}: a buyer who posts the same photo of their own (re-encoded,
 *       0-3 bits flipped) on two or three of their reviews at different shops weeks apart.
 * </ul>
 *
 * <p>Labelled with the trap (genuine): the accounts, orders, reviews and likes named above.
 */
final class VoteLookalikes implements Planting {
  private final Trap trap;
  private final byte tag;

  VoteLookalikes(Trap trap) {
    this.trap = trap;
    this.tag = Tag.of(trap);
  }

  @Override
  public long plant(Sim sim, SplittableRandom rnd) {
    return switch (trap) {
      case USEFUL_REVIEW -> usefulReview(sim, rnd);
      case BAD_BATCH -> badBatch(sim, rnd);
      case PICKY_REVIEWER -> pickyReviewer(sim, rnd);
      case NEW_ACCOUNT_PRAISE -> newAccountPraise(sim, rnd);
      case STOCK_PHOTO -> stockPhoto(sim, rnd);
      case OWN_PHOTO_REUSE -> ownPhotoReuse(sim, rnd);
      default -> throw new IllegalArgumentException("not a vote look-alike: " + trap);
    };
  }

  /** An ordinary visit ending in a purchase of the shop's item at {@code t}. */
  private Purchase buy(Sim sim, int account, int shop, long t) {
    Visit v = sim.shopping.visit(account, t);
    v.search(Texts.query(sim.rnd, sim.market.categoryOf(shop)));
    int item = sim.market.itemOf(shop, sim.rnd);
    v.view(shop, item, sim.shopping.browseDwell());
    Purchase p = v.purchase(shop, item);
    p.tag = tag;
    p.mayCancel = false;
    return p;
  }

  private long usefulReview(Sim sim, SplittableRandom rnd) {
    int author = sim.accounts.claimForTrap(rnd, -1, tag);
    int shop = sim.market.shopIn(sim.market.randomCategory(rnd), rnd);
    int likes = Rand.between(rnd, 15, 150);
    boolean burst = Rand.chance(rnd, 0.5);
    int day = sim.day(rnd, 0, sim.spec.days() - 6);
    sim.plan.instance(trap).param("likes", likes).param("burst", burst ? 1 : 0);
    long t = Diurnal.timeOfDay(rnd, sim.dayStart(day));
    sim.at(
        Math.max(t, sim.accounts.registered[author] + Sim.HOUR),
        now -> {
          Purchase p = buy(sim, author, shop, now);
          p.afterDelivery =
              (q, delivered) -> {
                long at = delivered + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY);
                String text =
                    Texts.genuineReview(rnd, q.category(), 5)
                        + " "
                        + Texts.genuineReview(rnd, q.category(), 5)
                        + " "
                        + Texts.genuineReview(rnd, q.category(), 4);
                String review =
                    sim.shopping.review(
                        q, at, 5, text, sim.shopping.uniqueImages(Rand.between(rnd, 2, 6)), tag);
                strangersLike(sim, rnd, review, author, at, likes, burst);
              };
          sim.shopping.place(p);
        });
    return likes + 12L;
  }

  private void strangersLike(
      Sim sim, SplittableRandom rnd, String review, int author, long at, int n, boolean burst) {
    int inBurst = burst ? Math.min(n, Rand.between(rnd, 8, 40)) : 0;
    long burstAt = at + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY);
    long burstSpan = Rand.between(rnd, 10 * Sim.MINUTE, 60 * Sim.MINUTE);
    long spread = Rand.between(rnd, 6 * Sim.HOUR, 5 * Sim.DAY);
    int[] likers = new int[n];
    int given = 0;
    for (int attempt = 0; given < n && attempt < 20 * n; attempt++) {
      int a = sim.accounts.sample(rnd);
      long t =
          given < inBurst
              ? burstAt + Rand.between(rnd, 0L, burstSpan)
              : at + Sim.MINUTE + (long) Rand.exponential(rnd, spread);
      if (a == author || sim.accounts.registered[a] > t || contains(likers, given, a)) {
        continue;
      }
      likers[given++] = a;
      sim.shopping.like(a, review, t, tag);
    }
  }

  private static boolean contains(int[] values, int n, int v) {
    for (int i = 0; i < n; i++) {
      if (values[i] == v) {
        return true;
      }
    }
    return false;
  }

  private long badBatch(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.0, 0.1, tag);
    int buyers = sim.sized(rnd, 12, 60);
    int days = Rand.between(rnd, 2, 6);
    int first = sim.day(rnd, 0, sim.spec.days() - days - 5);
    sim.plan.instance(trap).shop(sim.market.shopId(shop)).param("buyers", buyers);
    for (int k = 0; k < buyers; k++) {
      int a = sim.accounts.claimForTrap(rnd, -1, tag);
      long t = Diurnal.timeOfDay(rnd, sim.dayStart(first + rnd.nextInt(days)));
      sim.at(
          Math.max(t, sim.accounts.registered[a] + Sim.HOUR),
          now -> {
            Purchase p = buy(sim, a, shop, now);
            p.afterDelivery =
                (q, delivered) -> {
                  int rating = Rand.chance(rnd, 0.75) ? 1 : 2;
                  long at = delivered + Rand.between(rnd, Sim.HOUR, 3 * Sim.DAY);
                  sim.shopping.review(
                      q, at, rating, Texts.genuineReview(rnd, q.category(), rating), null, tag);
                  if (Rand.chance(rnd, 0.1)) {
                    sim.shopping.report(
                        a,
                        Report.TargetKind.SHOP,
                        sim.market.shopId(shop),
                        at + Rand.between(rnd, Sim.MINUTE, Sim.DAY),
                        "other",
                        false);
                  }
                };
            sim.shopping.place(p);
          });
    }
    return buyers * 12L;
  }

  private long pickyReviewer(Sim sim, SplittableRandom rnd) {
    int a = sim.accounts.claimForTrap(rnd, -1, tag);
    long gap = Rand.between(rnd, Sim.DAY, 4 * Sim.DAY);
    double lowShare = 0.6 + 0.35 * rnd.nextDouble();
    sim.plan.instance(trap).param("low_share", lowShare);
    long orders = 0;
    for (long t = sim.start + Rand.between(rnd, 0L, gap); t < sim.end; t += gap) {
      long at = Diurnal.timeOfDay(rnd, t - Math.floorMod(t - sim.start, Sim.DAY));
      int shop = sim.market.shopIn(sim.market.randomCategory(rnd), rnd);
      orders++;
      sim.at(
          Math.max(at, sim.accounts.registered[a] + Sim.HOUR),
          now -> {
            Purchase p = buy(sim, a, shop, now);
            p.afterDelivery =
                (q, delivered) -> {
                  int rating =
                      Rand.chance(rnd, lowShare)
                          ? Rand.between(rnd, 1, 2)
                          : Rand.between(rnd, 3, 4);
                  long reviewed = delivered + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY);
                  sim.shopping.review(
                      q,
                      reviewed,
                      rating,
                      Texts.genuineReview(rnd, q.category(), rating),
                      null,
                      tag);
                  if (rating <= 2 && Rand.chance(rnd, 0.1)) {
                    sim.shopping.report(
                        a,
                        Report.TargetKind.SHOP,
                        sim.market.shopId(shop),
                        reviewed + Rand.between(rnd, Sim.MINUTE, Sim.DAY),
                        "other",
                        false);
                  }
                };
            sim.shopping.place(p);
          });
    }
    return orders * 12;
  }

  /** The photo re-encoded: up to {@code maxFlips} of its 64 hash bits flipped. */
  private static String reencoded(SplittableRandom rnd, String photo, int maxFlips) {
    long h = Long.parseUnsignedLong(photo, 16);
    for (int k = rnd.nextInt(maxFlips + 1); k > 0; k--) {
      h ^= 1L << rnd.nextInt(64);
    }
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }

  private long stockPhoto(Sim sim, SplittableRandom rnd) {
    int shop = sim.market.reserve(rnd, 0.0, 0.1, tag);
    int item = sim.market.firstItem[shop];
    String official = sim.tokens.image(rnd.nextLong());
    int buyers = sim.sized(rnd, 8, 40);
    sim.plan.instance(trap).shop(sim.market.shopId(shop)).param("buyers", buyers);
    for (int k = 0; k < buyers; k++) {
      int a = sim.accounts.claimForTrap(rnd, -1, tag);
      long t = sim.start + Rand.between(rnd, 0L, sim.end - sim.start - 6 * Sim.DAY);
      sim.at(
          Math.max(t, sim.accounts.registered[a] + Sim.HOUR),
          now -> {
            Visit v = sim.shopping.visit(a, now);
            v.view(shop, item, sim.shopping.browseDwell());
            Purchase p = v.purchase(shop, item);
            p.tag = tag;
            p.mayCancel = false;
            p.afterDelivery =
                (q, delivered) -> {
                  int rating = Rand.chance(rnd, 0.8) ? 5 : 4;
                  List<String> images =
                      Rand.chance(rnd, 0.5)
                          ? List.of(reencoded(rnd, official, 5))
                          : List.of(
                              reencoded(rnd, official, 5), sim.shopping.uniqueImages(1).get(0));
                  sim.shopping.review(
                      q,
                      delivered + Rand.between(rnd, Sim.HOUR, 3 * Sim.DAY),
                      rating,
                      Texts.genuineReview(rnd, q.category(), rating),
                      images,
                      tag);
                };
            sim.shopping.place(p);
          });
    }
    return buyers * 12L;
  }

  private long ownPhotoReuse(Sim sim, SplittableRandom rnd) {
    int a = sim.accounts.claimForTrap(rnd, -1, tag);
    String photo = sim.tokens.image(rnd.nextLong());
    int reviews = Rand.between(rnd, 2, 3);
    sim.plan.instance(trap).param("reviews", reviews);
    for (int k = 0; k < reviews; k++) {
      int shop = sim.market.shopIn(sim.market.randomCategory(rnd), rnd);
      long t = sim.start + Rand.between(rnd, 0L, sim.end - sim.start - 6 * Sim.DAY);
      sim.at(
          Math.max(t, sim.accounts.registered[a] + Sim.HOUR),
          now -> {
            Purchase p = buy(sim, a, shop, now);
            p.afterDelivery =
                (q, delivered) -> {
                  int rating = Rand.between(rnd, 3, 5);
                  sim.shopping.review(
                      q,
                      delivered + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY),
                      rating,
                      Texts.genuineReview(rnd, q.category(), rating),
                      List.of(reencoded(rnd, photo, 3)),
                      tag);
                };
            sim.shopping.place(p);
          });
    }
    return reviews * 12L;
  }

  private long newAccountPraise(Sim sim, SplittableRandom rnd) {
    int day = sim.day(rnd, 0, sim.spec.days() - 10);
    long registered = Diurnal.timeOfDay(rnd, sim.dayStart(day));
    int a = sim.accounts.register(registered, sim.accounts.randomCity(rnd), 1f, tag);
    sim.scheduleRegistration(a);
    int reviews = Rand.between(rnd, 3, 8);
    sim.plan.instance(trap).param("reviews", reviews);
    for (int k = 0; k < reviews; k++) {
      int shop = sim.market.shopIn(sim.market.randomCategory(rnd), rnd);
      long t = registered + Rand.between(rnd, Sim.HOUR, 10 * Sim.DAY);
      sim.at(
          t,
          now -> {
            Purchase p = buy(sim, a, shop, now);
            p.afterDelivery =
                (q, delivered) -> {
                  int rating = Rand.chance(rnd, 0.85) ? 5 : 4;
                  long at = delivered + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY);
                  List<String> images = Rand.chance(rnd, 0.3) ? sim.shopping.uniqueImages(1) : null;
                  sim.shopping.review(
                      q, at, rating, Texts.genuineReview(rnd, q.category(), rating), images, tag);
                };
            sim.shopping.place(p);
          });
    }
    return 2 + reviews * 12L;
  }
}
