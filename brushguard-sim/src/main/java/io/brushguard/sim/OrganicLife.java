package io.brushguard.sim;

import io.brushguard.event.Listing;
import io.brushguard.event.Report;
import io.brushguard.event.SpotCheck;
import io.brushguard.sim.Catalog.Category;
import java.util.SplittableRandom;

/**
 * The honest marketplace around the planted patterns: shopping sessions arriving minute by minute
 * along the day-night curve (each from a buyer drawn by heavy-tailed activity), newcomers
 * registering, shops posting listings, buyers reporting what looks wrong (sometimes rightly), and
 * third-party inspectors checking shops.
 *
 * <p>Sessions follow a Poisson process whose rate is the planned number of sessions spread over the
 * window and shaped by {@link Diurnal}; one step per simulated minute draws that minute's sessions,
 * so organic life holds no per-buyer schedule.
 */
final class OrganicLife {
  private final Sim sim;
  private final SplittableRandom rnd;
  private double sessionsPerMinute;

  OrganicLife(Sim sim) {
    this.sim = sim;
    this.rnd = sim.rnd;
  }

  /**
   * Organic events an average session leads to (searches, views, an order's payment and scans...).
   */
  static final double EVENTS_PER_SESSION = 5.25;

  /** Schedules organic life: {@code sessions} shopping sessions and {@code newcomers} sign-ups. */
  void plant(double sessions, int newcomers, SplittableRandom build) {
    sim.organicSessions = sessions;
    sessionsPerMinute = sessions / (sim.spec.days() * 1440.0);
    for (int k = 0; k < newcomers; k++) {
      long t = Diurnal.timeOfDay(build, sim.dayStart(build.nextInt(sim.spec.days())));
      sim.scheduleRegistration(sim.accounts.registerOrganic(t, build));
    }
    sim.at(sim.start, this::minute);
    for (int d = 0; d < sim.spec.days(); d++) {
      long day = sim.dayStart(d);
      sim.at(day, now -> daily(day));
    }
  }

  private void minute(long now) {
    int n = Rand.poisson(rnd, sessionsPerMinute * sim.diurnal.weight(now));
    for (int k = 0; k < n; k++) {
      long t = now + rnd.nextLong(Sim.MINUTE);
      int buyer = registeredShopper(t);
      if (buyer >= 0) {
        sim.shopping.organicSession(buyer, t);
      }
    }
    sim.at(now + Sim.MINUTE, this::minute);
  }

  /** A buyer drawn by activity who has registered by {@code t}, or -1 after a few misses. */
  int registeredShopper(long t) {
    for (int attempt = 0; attempt < 4; attempt++) {
      int a = sim.accounts.sample(rnd);
      if (sim.accounts.registered[a] <= t) {
        return a;
      }
    }
    return -1;
  }

  private void daily(long day) {
    int listings = Rand.poisson(rnd, 1 + sim.market.shops * 0.03);
    for (int k = 0; k < listings; k++) {
      listing(Diurnal.timeOfDay(rnd, day, 8, 23));
    }
    int reports = Rand.poisson(rnd, 0.5 + sessionsPerMinute * 1440 * 0.0003);
    for (int k = 0; k < reports; k++) {
      report(Diurnal.timeOfDay(rnd, day));
    }
    int checks = Rand.poisson(rnd, 0.4 + sim.market.shops * 0.004);
    for (int k = 0; k < checks; k++) {
      spotCheck(day + Rand.between(rnd, 9 * Sim.HOUR, 18 * Sim.HOUR));
    }
  }

  private void listing(long t) {
    int shop = rnd.nextInt(sim.market.shops);
    int item = sim.market.itemOf(shop, rnd);
    Category c = sim.market.categoryOf(shop);
    String title = Texts.listingTitle(rnd, c);
    sim.emit(
        new Listing(
            sim.nextListing(),
            sim.market.shopId(shop),
            Texts.listingText(rnd, c, title),
            t,
            sim.market.itemId(item),
            title));
  }

  /** A genuine buyer's report: about a review that really is fake, or a grievance with a shop. */
  private void report(long t) {
    int reporter = registeredShopper(t);
    if (reporter < 0) {
      return;
    }
    String review = Rand.chance(rnd, 0.4) ? sim.someReportableReview(rnd) : null;
    if (review != null) {
      sim.shopping.report(
          reporter, Report.TargetKind.REVIEW, review, t, "fake_review", Rand.chance(rnd, 0.3));
    } else {
      int shop = rnd.nextInt(sim.market.shops);
      sim.shopping.report(
          reporter,
          Report.TargetKind.SHOP,
          sim.market.shopId(shop),
          t,
          "other",
          Rand.chance(rnd, 0.5));
    }
  }

  /** A third-party inspection; shops that buy fraud sell worse goods and fail more often. */
  private void spotCheck(long t) {
    int shop = rnd.nextInt(sim.market.shops);
    boolean dodgy = Tag.isFraud(sim.market.tag[shop]);
    boolean pass = !Rand.chance(rnd, dodgy ? 0.3 : 0.05);
    SpotCheck.Kind kind =
        Rand.chance(rnd, 0.6) ? SpotCheck.Kind.QUALITY : SpotCheck.Kind.QUALIFICATION;
    sim.emit(
        new SpotCheck(
            sim.nextCheck(),
            sim.market.shopId(shop),
            kind,
            pass ? SpotCheck.Result.PASS : SpotCheck.Result.FAIL,
            t,
            kind == SpotCheck.Kind.QUALITY ? sim.market.itemId(sim.market.itemOf(shop, rnd)) : null,
            Rand.pick(rnd, Texts.AGENCIES),
            Texts.spotCheckNote(rnd, pass)));
  }
}
