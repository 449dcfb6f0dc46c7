package io.brushguard.sim;

import io.brushguard.event.Like;
import io.brushguard.event.Login;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.event.Search;
import io.brushguard.event.View;
import io.brushguard.sim.Catalog.Category;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How anyone shops, honest or not: a {@link Visit} (sign in, search, browse), a {@link Purchase}
 * (order and payment, then a {@link Parcel} through the carrier's network), and what follows
 * delivery (a review with likes, a return and refund, now and then a report).
 *
 * <p>Organic buyers go through {@link #organicSession}; tactics drive the same calls with their own
 * timing, tags and follow-ups, so a fraudulent order is written exactly like a genuine one except
 * where the tactic really differs.
 */
final class Shopping {
  static final String PLATFORM_PAYER = "pay-platform";
  static final double CONVERSION = 0.3;
  private static final double REVIEW_RATE = 0.3;
  private static final double STOCK_PHRASE_SHARE = 0.1;
  private static final double RETURN_RATE = 0.025;
  private static final double CANCEL_RATE = 0.015;
  private static final int[] RATINGS = {5, 4, 3, 2, 1};
  private static final AliasTable RATING_MIX =
      new AliasTable(new double[] {0.62, 0.18, 0.08, 0.04, 0.08});

  private final Sim sim;
  private final SplittableRandom rnd;
  private final double[] categoryCdf;

  /** Platform campaigns (coupon festivals): organic orders inside one often carry a coupon. */
  record Campaign(String id, long from, long to) {}

  final List<Campaign> campaigns = new ArrayList<>();

  /** Shops that slip "five stars for a red packet" cards into parcels (cashback schemes). */
  final java.util.BitSet invitesCashback = new java.util.BitSet();

  Shopping(Sim sim) {
    this.sim = sim;
    this.rnd = sim.rnd;
    List<Category> cats = Catalog.CATEGORIES;
    categoryCdf = new double[cats.size()];
    double sum = 0;
    for (int c = 0; c < cats.size(); c++) {
      sum += cats.get(c).share();
      categoryCdf[c] = sum;
    }
    for (int c = 0; c < categoryCdf.length; c++) {
      categoryCdf[c] /= sum;
    }
  }

  // ---- visits --------------------------------------------------------------------------------

  /** One session of one account: a device, an address, a session id and a clock. */
  final class Visit {
    final int account;
    final String accountId;
    final String device;
    final String ip;
    final String session;
    long t;
    private String lastQuery;

    private Visit(int account, long t) {
      this.account = account;
      this.accountId = sim.accounts.id(account);
      this.device = sim.accounts.device(account);
      this.ip = sim.accounts.ipFor(account, rnd);
      this.session = sim.nextSession();
      this.t = t;
    }

    Visit login() {
      sim.emit(new Login(accountId, t, device, ip));
      t += Rand.between(rnd, 2_000L, 20_000L);
      return this;
    }

    Visit search(String query) {
      sim.emit(new Search(accountId, query, t, session, device, ip));
      lastQuery = query;
      t += Rand.between(rnd, 3_000L, 25_000L);
      return this;
    }

    /** Views the item page for {@code dwellMs}; the clock moves past the dwell. */
    Visit view(int shop, int item, long dwellMs) {
      sim.emit(
          new View(
              accountId,
              sim.market.shopId(shop),
              t,
              sim.market.itemId(item),
              dwellMs,
              session,
              lastQuery));
      t += dwellMs + Rand.between(rnd, 1_000L, 8_000L);
      return this;
    }

    Visit pause(long ms) {
      t += ms;
      return this;
    }

    /** An order of the item at the visit's current time, ready to adjust and {@link #place}. */
    Purchase purchase(int shop, int item) {
      return new Purchase(this, shop, item);
    }
  }

  Visit visit(int account, long t) {
    return new Visit(account, t);
  }

  /** A typical browsing dwell: log-normal around half a minute. */
  long browseDwell() {
    return Math.max(3_000L, Math.min(900_000L, (long) Rand.logNormal(rnd, 35_000, 0.9)));
  }

  /** An organic session: maybe sign in, usually search, browse a few items, sometimes buy. */
  void organicSession(int account, long t) {
    Visit v = visit(account, t);
    if (Rand.chance(rnd, 0.3)) {
      v.login();
    }
    int category =
        Rand.chance(rnd, 0.6) ? favouriteCategory(account) : sim.market.randomCategory(rnd);
    if (Rand.chance(rnd, 0.78)) {
      v.search(Texts.query(rnd, Catalog.CATEGORIES.get(category)));
    }
    int views = 1 + Rand.geometric(rnd, 0.45);
    int shop = -1;
    int item = -1;
    for (int k = 0; k < views; k++) {
      shop = shop >= 0 && Rand.chance(rnd, 0.35) ? shop : sim.market.shopIn(category, rnd);
      item = sim.market.itemOf(shop, rnd);
      v.view(shop, item, browseDwell());
    }
    if (Rand.chance(rnd, CONVERSION)) {
      Purchase p = v.purchase(shop, item);
      p.tag = organicTag(account);
      place(p);
    }
  }

  /** Orders of an account planted as a trap carry the trap (a dorm's, a family's...). */
  byte organicTag(int account) {
    return sim.accounts.state[account] == Accounts.TRAP ? sim.accounts.tag[account] : Tag.NONE;
  }

  private int favouriteCategory(int account) {
    double u = (Rand.mix(sim.spec.seed() ^ account * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
    for (int c = 0; c < categoryCdf.length; c++) {
      if (u < categoryCdf[c]) {
        return c;
      }
    }
    return categoryCdf.length - 1;
  }

  // ---- purchases -----------------------------------------------------------------------------

  /** What happens once a parcel is delivered. */
  @FunctionalInterface
  interface AfterDelivery {
    void delivered(Purchase p, long t);
  }

  /** How the parcel travels. */
  enum Shipping {
    /** Real goods through the carrier's network: pick-up, hubs, transit time by distance. */
    NORMAL,
    /** An empty parcel: 5-20 g, no pick-up scan, "delivered" within hours, often elsewhere. */
    EMPTY,
    /** Same-city express (闪送): picked up within the half hour, delivered within two hours. */
    EXPRESS
  }

  /** An order being placed and, after placing, followed through delivery. */
  final class Purchase {
    final int account;
    final String accountId;
    final String device;
    final String ip;
    final String session;
    final int shop;
    final int item;
    long t;
    int quantity = 1;
    long amount;
    long subsidy;
    String campaign;
    String payer;
    String address;
    int deliverTo;
    byte tag = Tag.NONE;
    byte subsidyTag = Tag.NONE;
    boolean mayCancel = true;

    /** The buyer cancels this order for certain (a mistake), whatever its tag. */
    boolean cancel;

    Shipping shipping = Shipping.NORMAL;
    String waybill;

    /** An empty parcel's broker also uploads a pick-up scan. */
    boolean fakePickup;

    AfterDelivery afterDelivery = Shopping.this::organicAfterDelivery;
    String order;

    private Purchase(Visit v, int shop, int item) {
      this.account = v.account;
      this.accountId = v.accountId;
      this.device = v.device;
      this.ip = v.ip;
      this.session = v.session;
      this.shop = shop;
      this.item = item;
      this.t = v.t;
      this.quantity = Rand.chance(rnd, 0.1) ? Rand.between(rnd, 2, 3) : 1;
      this.amount = (long) sim.market.itemPrice[item] * quantity;
      this.payer = sim.accounts.payer(account);
      this.address = sim.accounts.address(account);
      this.deliverTo = sim.accounts.city[account];
      Campaign c = campaignAt(t);
      if (c != null && Rand.chance(rnd, 0.25)) {
        this.campaign = c.id();
        this.subsidy = Math.max(300, amount / 100 * Rand.between(rnd, 5, 15));
      }
    }

    Category category() {
      return sim.market.categoryOf(shop);
    }
  }

  Campaign campaignAt(long t) {
    for (Campaign c : campaigns) {
      if (t >= c.from() && t < c.to()) {
        return c;
      }
    }
    return null;
  }

  /** Writes the order and its payment, then ships it (or, rarely, the buyer cancels). */
  void place(Purchase p) {
    p.order = sim.nextOrder();
    sim.emit(
        new Order(
            p.order,
            p.accountId,
            sim.market.shopId(p.shop),
            sim.market.itemId(p.item),
            p.amount,
            p.t,
            p.quantity,
            null,
            p.device,
            p.ip,
            p.address,
            p.payer,
            p.subsidy,
            p.campaign,
            p.session),
        p.tag);
    String shopPayer = sim.market.payer(p.shop);
    long paid = p.t + Rand.between(rnd, 2_000L, 40_000L);
    sim.pay(
        p.payer,
        shopPayer,
        p.amount - p.subsidy,
        paid,
        Payment.Kind.ORDER,
        p.order,
        null,
        Tag.NONE);
    if (p.subsidy > 0) {
      sim.pay(
          PLATFORM_PAYER,
          shopPayer,
          p.subsidy,
          paid + Rand.between(rnd, 30_000L, 600_000L),
          Payment.Kind.SUBSIDY,
          p.order,
          p.campaign,
          p.subsidyTag);
    }
    if (p.cancel || (p.mayCancel && p.tag == Tag.NONE && Rand.chance(rnd, CANCEL_RATE))) {
      long refunded =
          paid
              + (p.cancel
                  ? Rand.between(rnd, Sim.MINUTE, 10 * Sim.MINUTE)
                  : Rand.between(rnd, 10 * Sim.MINUTE, 6 * Sim.HOUR));
      sim.pay(
          shopPayer,
          p.payer,
          p.amount - p.subsidy,
          refunded,
          Payment.Kind.REFUND,
          p.order,
          "取消订单",
          Tag.NONE);
      return;
    }
    Parcel.ship(sim, p);
  }

  // ---- after delivery ------------------------------------------------------------------------

  /** Genuine buyers: some return the item, about a third review it, a few report the shop. */
  void organicAfterDelivery(Purchase p, long delivered) {
    if (Rand.chance(rnd, RETURN_RATE)) {
      Parcel.returned(sim, p, delivered + Rand.between(rnd, Sim.DAY, 4 * Sim.DAY));
    }
    if (invitesCashback.get(p.shop) && Rand.chance(rnd, 0.04)) {
      report(
          p.account,
          Report.TargetKind.SHOP,
          sim.market.shopId(p.shop),
          delivered + Rand.between(rnd, Sim.HOUR, 2 * Sim.DAY),
          "cashback_invite",
          true);
    }
    if (!Rand.chance(rnd, REVIEW_RATE)) {
      return;
    }
    int rating = RATINGS[RATING_MIX.next(rnd)];
    long at = delivered + Math.min(12 * Sim.DAY, (long) Rand.logNormal(rnd, 18 * Sim.HOUR, 0.9));
    byte tag = Tag.NONE;
    String text;
    if (rating >= 4 && Rand.chance(rnd, STOCK_PHRASE_SHARE)) {
      text = Texts.genuineWithStockPhrase(rnd, p.category(), rating);
      tag = Tag.of(Trap.STOCK_PHRASE_REVIEW);
    } else {
      text = Texts.genuineReview(rnd, p.category(), rating);
    }
    List<String> images = Rand.chance(rnd, 0.2) ? uniqueImages(Rand.between(rnd, 1, 3)) : null;
    String review = review(p, at, rating, text, images, tag);
    organicLikes(review, p.account, at);
    if (rating <= 2 && Rand.chance(rnd, 0.05)) {
      report(
          p.account,
          Report.TargetKind.SHOP,
          sim.market.shopId(p.shop),
          at + Rand.between(rnd, Sim.MINUTE, Sim.DAY),
          "other",
          false);
    }
  }

  /** Writes a review of the purchase at {@code t}; returns its id. */
  String review(Purchase p, long t, int rating, String text, List<String> images, byte tag) {
    String id = sim.nextReview();
    sim.emit(
        new Review(
            id,
            p.accountId,
            sim.market.shopId(p.shop),
            rating,
            t,
            p.order,
            sim.market.itemId(p.item),
            text,
            images,
            p.device,
            sim.accounts.ipFor(p.account, rnd)),
        tag);
    return id;
  }

  /** Writes a review without an order behind it (spam, some professional complaints). */
  String reviewWithoutOrder(int account, int shop, long t, int rating, String text, byte tag) {
    String id = sim.nextReview();
    int item = sim.market.itemOf(shop, rnd);
    sim.emit(
        new Review(
            id,
            sim.accounts.id(account),
            sim.market.shopId(shop),
            rating,
            t,
            null,
            sim.market.itemId(item),
            text,
            null,
            sim.accounts.device(account),
            sim.accounts.ipFor(account, rnd)),
        tag);
    return id;
  }

  void like(int account, String review, long t, byte tag) {
    sim.emit(
        new Like(
            sim.accounts.id(account),
            review,
            t,
            sim.accounts.device(account),
            sim.accounts.ipFor(account, rnd)),
        tag);
  }

  /** Most reviews get no likes, some a few, a rare one many: from distinct genuine buyers. */
  private void organicLikes(String review, int author, long reviewed) {
    double u = rnd.nextDouble();
    int likes =
        u < 0.7
            ? 0
            : u < 0.96
                ? Rand.between(rnd, 1, 3)
                : (int) Math.min(40, 3 + Rand.pareto(rnd, 1.2) * 2);
    int[] likers = new int[likes];
    int n = 0;
    for (int k = 0; k < likes; k++) {
      int a = sim.accounts.sample(rnd);
      if (a == author || contains(likers, n, a)) {
        continue;
      }
      long t = reviewed + Sim.MINUTE + (long) Rand.exponential(rnd, 1.5 * Sim.DAY);
      if (sim.accounts.registered[a] > t) {
        continue;
      }
      likers[n++] = a;
      like(a, review, t, Tag.NONE);
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

  /** Distinct photo hashes (genuine photos are all different). */
  List<String> uniqueImages(int n) {
    List<String> images = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      images.add(sim.tokens.image(rnd.nextLong()));
    }
    return images;
  }

  /** A consumer report, with a screenshot attached when the reporter has one. */
  void report(
      int reporter,
      Report.TargetKind kind,
      String target,
      long t,
      String category,
      boolean screenshot) {
    List<Report.Attachment> attachments =
        screenshot
            ? List.of(
                new Report.Attachment(
                    Report.Attachment.Kind.SCREENSHOT,
                    sim.tokens.image(rnd.nextLong())
                        + sim.tokens.image(rnd.nextLong())
                        + sim.tokens.image(rnd.nextLong())
                        + sim.tokens.image(rnd.nextLong()),
                    "screenshot.jpg"))
            : null;
    sim.emit(
        new Report(
            sim.nextReport(),
            sim.accounts.id(reporter),
            kind,
            target,
            t,
            Report.Category.valueOf(category.toUpperCase(java.util.Locale.ROOT)),
            Texts.reportText(rnd, category),
            attachments));
  }
}
