package io.brushguard.detect.cashback;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.Locale;

/**
 * "Experience officer" cashback (用户体验官, 好评返现): a buyer who, after an order and above all after a
 * good review, gets money back off the platform's books from the shop.
 *
 * <p><b>How the fraud works, and what gives it away.</b> The purchase and the five-star review look
 * like any other; the shop pays the price back, often with a commission, as a red packet or a
 * transfer that names no order, hours after the review. The money has to come from somewhere the
 * shop controls: the account that received the order's payment, or a payment account the merchant
 * binds (its own or an accomplice's). An accomplice the shop does not bind is caught by {@link
 * Brokers}: it pays back many buyers of the same shop.
 *
 * <p><b>Signals</b> (code {@value #CODE}, on the payment, the order, the review, the buyer's
 * account; on the shop {@value #SHOP_STRENGTH}) for a {@code red_packet}, {@code transfer} or
 * {@code other} payment from an account tied to the shop of one of the buyer's orders, paid within
 * the horizon after that order (or its review), naming no order, of at most the order's amount plus
 * half again and a commission ({@link #nearOrder}):
 *
 * <ul>
 *   <li>after a review of four or five stars of that order: {@value #AFTER_PRAISE} (praise bought:
 *       sufficient on its own);
 *   <li>no review, about the order's amount: {@value #PRICE_BACK} (the price back off the books);
 *   <li>no review, a smaller sum: {@value #SMALL} (a hint only).
 * </ul>
 *
 * <p><b>Spared</b> (counted): money after the buyer's complaint or a review of three stars or fewer
 * of that shop (a merchant's goodwill after a complaint: the opposite of buying praise); a payment
 * naming the order (price protection, compensation on the books); platform refunds (kind {@code
 * refund}, not read); money from an account with no tie to the shop (friends), unless {@link
 * Brokers} finds it pays many of the shop's buyers.
 *
 * <p>Key: the buyer's payment account (the order's {@code payer}). Inputs: its orders, the order
 * payments from it (which tell the shop's receiving account), {@link Said} from {@link BuyerVoice}
 * and {@link Payout} from {@link Payouts}. Window: {@link Config#horizonMillis} after the later of
 * the order and its review. Space per tracked payment account: at most {@value #MAX_ORDERS} recent
 * orders (about 120 bytes each with the two hashes kept beside, references into the events; the
 * array grows from 4 as needed), the buyer's account and an expiry: about 0.5 KB for most accounts,
 * at most 3.5 KB for the busiest; forgotten a horizon after the last input.
 *
 * <p>References: Alibaba's 2017 report on brushing gangs (用户体验官 cashback via Alipay red packets);
 * China E-Commerce Law art. 17 and Anti-Unfair Competition Law art. 8 (fake sales and reviews); Xu
 * et al., "Exposing Fake Logistics Service Providers and Brushing" (WWW 2019).
 */
public final class CashbackDetector implements Stage<CashbackDetector.State> {
  public static final String NAME = "cashback";
  public static final String CODE = "CASHBACK";
  static final double AFTER_PRAISE = 0.8;
  static final double PRICE_BACK = 0.6;
  static final double SMALL = 0.25;
  static final double SHOP_STRENGTH = 0.45;

  /**
   * Orders kept per payment account. Hired "experience officers" are often busy aged accounts: on
   * the simulator's large market one in six cashback orders was followed by eight or more orders of
   * the same buyer before its money came back, and a cap of 8 forgot them.
   */
  static final int MAX_ORDERS = 32;

  static final long PRAISE_COUPLING_MILLIS = 2 * 86_400_000L;

  /**
   * Settings.
   *
   * @param horizonMillis how long after an order, or its review, money back counts
   * @param brokerBuyers how many distinct buyers of one shop an untied account must pay back within
   *     {@code brokerWindowMillis} to be a broker
   * @param brokerWindowMillis the window over which a broker's payments are counted
   */
  public record Config(long horizonMillis, int brokerBuyers, long brokerWindowMillis) {
    public static final Config DEFAULT = new Config(7 * 86_400_000L, 3, 30 * 86_400_000L);

    public Config {
      if (horizonMillis <= 0 || brokerWindowMillis <= 0) {
        throw new IllegalArgumentException("cashback horizon and broker window must be positive");
      }
      if (brokerBuyers < 2) {
        throw new IllegalArgumentException("cashback broker buyers must be at least 2");
      }
    }
  }

  private static final Wiring WIRING =
      Wiring.events(EventType.ORDER, EventType.PAYMENT)
          .consumes(Said.class, Payout.class)
          .produces(Signal.class, Rebate.class, RivalPayout.class);

  private final Config config;
  private final Counts counts = new Counts();

  public CashbackDetector(Config config) {
    this.config = config;
  }

  /** What the stage spared or could not join, for the run's statistics. */
  public static final class Counts {
    long goodwill;
    long namedOrder;
    long untied;
    long unknownReceiver;
    long tooLarge;

    public long goodwill() {
      return goodwill;
    }

    public long namedOrder() {
      return namedOrder;
    }

    public long untied() {
      return untied;
    }

    public long unknownReceiver() {
      return unknownReceiver;
    }

    public long tooLarge() {
      return tooLarge;
    }
  }

  public Counts counts() {
    return counts;
  }

  /** One recent order of the buyer. */
  static final class Entry {
    String order;
    String shop;
    long amount;
    long unitAmount; // the amount of one unit: what a hired buyer is paid back at the least
    long orderedAt;
    String receiver;
    String review;
    int rating;
    long reviewedAt;
    long unhappyAt = Long.MIN_VALUE;
    long praisedAt = Long.MIN_VALUE;
    double emitted;

    long lastWord() {
      return Math.max(orderedAt, reviewedAt);
    }
  }

  /** One buyer payment account: its recent orders, oldest first. */
  public static final class State extends Expiring {
    String buyer;
    Entry[] orders = new Entry[4]; // grows to MAX_ORDERS

    /** The hash of each order's id, beside it: a lookup compares ints, not every entry's id. */
    int[] hashes = new int[4];

    /** The hash of each order's shop, beside it: a buyer's word about a shop reads no other. */
    int[] shopHashes = new int[4];

    int size;

    /**
     * No entry's {@link Entry#lastWord} is before this (a lower bound: reviews only move it later),
     * so a prune before {@code oldestWord + horizon} has nothing to drop.
     */
    long oldestWord = Long.MAX_VALUE;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Wiring wiring() {
    return WIRING;
  }

  @Override
  public String keyOf(Event event) {
    if (event instanceof Order o) {
      return o.payer();
    }
    Payment p = (Payment) event;
    return p.kind() == Payment.Kind.ORDER && p.order() != null ? p.from() : null;
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof Payout p) {
      return p.to();
    }
    return ((Said) fact).payer();
  }

  /** An order payment or a buyer's word about a shop finds nothing in an account holding none. */
  @Override
  public boolean startsState(Event event) {
    return event instanceof Order;
  }

  /** As for events; a payout is still counted when its receiver is unknown. */
  @Override
  public boolean startsState(Fact fact) {
    return fact instanceof Payout;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof Order o) {
      prune(s, ctx.now());
      if (find(s, o.order()) == null) {
        Entry e = new Entry();
        e.order = o.order();
        e.shop = o.shop();
        e.amount = Math.max(0, o.amount() - o.subsidy());
        e.unitAmount = e.amount / Math.max(1, o.quantity());
        e.orderedAt = o.ts();
        add(s, e);
        s.buyer = o.account();
        s.touch(ctx, config.horizonMillis());
      }
      return;
    }
    Payment p = (Payment) event;
    Entry e = find(s, p.order());
    if (e != null) {
      e.receiver = p.to();
    }
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    if (fact instanceof Said said) {
      heard(s, said, ctx);
    } else {
      paid(s, (Payout) fact, ctx);
    }
  }

  private void heard(State s, Said said, Context ctx) {
    Entry byOrder = said.order() == null ? null : find(s, said.order());
    if (said.review() != null && byOrder != null) {
      byOrder.review = said.review();
      byOrder.rating = said.rating();
      byOrder.reviewedAt = said.ts();
      s.touch(ctx, config.horizonMillis());
    }
    int shopHash = said.shop() == null ? 0 : said.shop().hashCode();
    for (int i = 0; i < s.size; i++) {
      boolean sameShop = said.shop() != null && s.shopHashes[i] == shopHash;
      if (!sameShop && s.orders[i] != byOrder) {
        continue; // neither the order reviewed nor one of the shop: its entry is not read
      }
      Entry e = s.orders[i];
      boolean about = e == byOrder || (said.shop() != null && said.shop().equals(e.shop));
      if (!about) {
        continue;
      }
      if (said.unhappy()) {
        e.unhappyAt = said.ts();
      } else if (e == byOrder) {
        e.praisedAt = said.ts();
      }
    }
  }

  private void paid(State s, Payout p, Context ctx) {
    long now = ctx.now();
    prune(s, now);
    Entry best = null;
    String tie = null;
    int untied = 0;
    for (int i = s.size - 1; i >= 0; i--) {
      Entry e = s.orders[i];
      if (e.orderedAt > p.ts()) {
        continue;
      }
      String t =
          p.from().equals(e.receiver)
              ? Rebate.RECEIVED
              : e.shop.equals(p.shop()) ? Rebate.BOUND : null;
      if (t == null) {
        if (brokerCandidate(e, p)
            && nearOrder(p.amount(), e.amount)
            && p.amount() * 10 >= e.amount * 9) {
          untied++;
        }
        continue;
      }
      if (best == null || before(best, e)) {
        best = e;
        tie = t;
      }
    }
    if (best == null && (p.shop() != null || p.receivesFor() != null) && p.order() == null) {
      rival(s, p, ctx); // tied to a shop, but paying back orders at another: for detect.reverse
    }
    if (best == null) {
      if (s.size == 0) {
        counts.unknownReceiver++;
      } else if (untied > 0 && p.order() == null) {
        // for Brokers: every praised order it may pay back; only the shop whose buyers the payer
        // keeps paying back adds up there
        for (int i = s.size - 1; i >= 0; i--) {
          Entry e = s.orders[i];
          if (e.orderedAt <= p.ts() && brokerCandidate(e, p)) {
            ctx.emit(rebate(s, ctx, e, p, null));
          }
        }
      } else {
        counts.untied++;
      }
      return;
    }
    if (p.order() != null) {
      counts.namedOrder++;
      return;
    }
    if (best.unhappyAt > best.praisedAt) {
      counts.goodwill++;
      return;
    }
    if (!nearOrder(p.amount(), best.amount)) {
      counts.tooLarge++;
      return;
    }
    double strength;
    if (best.praisedAt != Long.MIN_VALUE && best.rating >= 4) {
      strength = AFTER_PRAISE;
    } else if (p.amount() * 10 >= best.amount * 9) {
      strength = PRICE_BACK;
    } else {
      strength = SMALL;
    }
    Rebate r = rebate(s, ctx, best, p, tie);
    ctx.emit(r);
    signals(
        ctx,
        NAME + "/" + ctx.key(),
        r,
        strength,
        describe(r, p.kind().name().toLowerCase(Locale.ROOT)),
        best);
  }

  /**
   * Money from an account tied to shop X paying back this buyer's recent orders at another shop:
   * tells {@link RivalPayout} for the shop whose orders it covers best. Per shop, the most recent
   * orders before the payment that it covers (at least 90% of their summed unit amounts, as for a
   * price back) and at most their amount and half again plus 50 yuan ({@link #nearOrder}); the shop
   * with the most orders covered wins, then the one ordered from last. "Covers" reads each order as
   * one unit at the least: an operator may pay back the item, not every unit a buyer was told to
   * add to the basket. Runs only for shop-tied money with no order of the buyer at the paying shop:
   * a rare path, so it may allocate.
   */
  private static void rival(State s, Payout p, Context ctx) {
    String payerShop = p.shop() != null ? p.shop() : p.receivesFor();
    int bestCount = 0;
    long bestSum = 0;
    long bestLast = Long.MIN_VALUE;
    String bestShop = null;
    for (int i = s.size - 1; i >= 0; i--) {
      Entry first = s.orders[i];
      if (first.orderedAt > p.ts() || first.shop.equals(payerShop) || seenShopAfter(s, i, p.ts())) {
        continue; // a later order of this shop started its walk already
      }
      long sum = 0;
      long units = 0;
      int count = 0;
      long coveredSum = 0;
      int covered = 0;
      for (int j = i; j >= 0; j--) {
        Entry e = s.orders[j];
        if (s.shopHashes[j] != s.shopHashes[i]
            || !e.shop.equals(first.shop)
            || e.orderedAt > p.ts()) {
          continue;
        }
        sum += e.amount;
        units += e.unitAmount;
        count++;
        if (p.amount() * 10 < units * 9) {
          break; // the money no longer covers them: older orders are not part of it
        }
        coveredSum = sum;
        covered = count;
      }
      if (covered > 0
          && coveredSum > 0
          && nearOrder(p.amount(), coveredSum)
          && (covered > bestCount || (covered == bestCount && first.orderedAt > bestLast))) {
        bestCount = covered;
        bestSum = coveredSum;
        bestLast = first.orderedAt;
        bestShop = first.shop;
      }
    }
    if (bestShop == null) {
      return;
    }
    String[] ids = new String[bestCount];
    for (int i = s.size - 1, k = bestCount; i >= 0 && k > 0; i--) {
      Entry e = s.orders[i];
      if (e.orderedAt <= p.ts() && e.shop.equals(bestShop)) {
        ids[--k] = e.order;
      }
    }
    ctx.emit(
        new RivalPayout(
            p.from(),
            payerShop,
            p.shop() != null ? p.merchant() : null,
            bestShop,
            s.buyer,
            ctx.key(),
            java.util.Arrays.asList(ids),
            bestSum,
            p.payment(),
            p.amount(),
            p.ts()));
  }

  /** Whether an order of entry {@code i}'s shop, placed by {@code ts}, comes after entry i. */
  private static boolean seenShopAfter(State s, int i, long ts) {
    for (int j = i + 1; j < s.size; j++) {
      if (s.shopHashes[j] == s.shopHashes[i]
          && s.orders[j].orderedAt <= ts
          && s.orders[j].shop.equals(s.orders[i].shop)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether money from an account with no tie to the shop may pay back this order for a broker: the
   * buyer praised the order and was paid, about its amount, within {@link #PRAISE_COUPLING_MILLIS}
   * after: money that pays for a review follows the review (the officer shows it and is paid),
   * where a friend's reimbursement follows the purchase, whenever the review comes.
   */
  private static boolean brokerCandidate(Entry e, Payout p) {
    return e.praisedAt > e.unhappyAt
        && p.ts() - e.praisedAt <= PRAISE_COUPLING_MILLIS
        && nearOrder(p.amount(), e.amount)
        && p.amount() * 10 >= e.amount * 9;
  }

  /**
   * Which of two tied orders a payment pays back: one not yet paid back before one that was (an
   * officer with two tasks at the shop is paid twice), then the later praised.
   */
  private static boolean before(Entry best, Entry e) {
    boolean bestPaid = best.emitted > 0;
    boolean ePaid = e.emitted > 0;
    if (bestPaid != ePaid) {
      return bestPaid;
    }
    return e.praisedAt > best.praisedAt;
  }

  /**
   * Whether {@code amount} could be an order's price back with a commission: positive and at most
   * the order's amount and half again plus 50 yuan (a commission of a few yuan to a few dozen).
   */
  static boolean nearOrder(long amount, long orderAmount) {
    return amount > 0 && amount <= orderAmount + orderAmount / 2 + 5_000;
  }

  private static Rebate rebate(State s, Context ctx, Entry e, Payout p, String tie) {
    return new Rebate(
        p.from(),
        e.shop,
        s.buyer,
        ctx.key(),
        e.order,
        e.review,
        e.rating,
        p.payment(),
        p.amount(),
        p.ts(),
        tie,
        p.merchant());
  }

  /** Emits the signals on the payment, order, review, buyer and (when strong) shop. */
  static void signals(
      Context ctx, String origin, Rebate r, double strength, String detail, Entry e) {
    long ts = r.ts();
    ctx.emit(new Signal(EntityKind.PAYMENT, r.payment(), CODE, origin, strength, ts, detail));
    if (e != null && e.emitted >= strength) {
      return; // the order, review and buyer already carry as strong a signal from this origin
    }
    if (e != null) {
      e.emitted = strength;
    }
    ctx.emit(new Signal(EntityKind.ORDER, r.order(), CODE, origin, strength, ts, detail));
    if (r.review() != null) {
      ctx.emit(new Signal(EntityKind.REVIEW, r.review(), CODE, origin, strength, ts, detail));
    }
    if (r.buyer() != null) {
      ctx.emit(new Signal(EntityKind.ACCOUNT, r.buyer(), CODE, origin, strength, ts, detail));
    }
    if (strength >= 0.5) {
      ctx.emit(new Signal(EntityKind.SHOP, r.shop(), CODE, origin, SHOP_STRENGTH, ts, detail));
    }
  }

  static String describe(Rebate r, String kind) {
    StringBuilder b = new StringBuilder(160);
    b.append(kind)
        .append(' ')
        .append(r.payment())
        .append(" of ")
        .append(r.amount() / 100)
        .append('.')
        .append(String.format(Locale.ROOT, "%02d", r.amount() % 100))
        .append(" paid to buyer ")
        .append(r.buyer())
        .append(" (")
        .append(r.buyerPayer())
        .append(") after order ")
        .append(r.order());
    if (r.review() != null) {
      b.append(" and its ").append(r.rating()).append("-star review ").append(r.review());
    }
    return b.append("; ").append(r.chain()).toString();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, config.horizonMillis())) {
      s.size = 0;
      java.util.Arrays.fill(s.orders, null);
      s.oldestWord = Long.MAX_VALUE;
    } else {
      prune(s, time);
    }
  }

  /** A wake-up only forgets (or prunes) what has expired. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.size == 0 && !s.pending();
  }

  private void prune(State s, long now) {
    if (now - s.oldestWord <= config.horizonMillis()) {
      return; // no entry is old enough to go
    }
    int kept = 0;
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < s.size; i++) {
      Entry e = s.orders[i];
      if (now - e.lastWord() <= config.horizonMillis()) {
        s.hashes[kept] = s.hashes[i];
        s.shopHashes[kept] = s.shopHashes[i];
        s.orders[kept++] = e;
        oldest = Math.min(oldest, e.lastWord());
      }
    }
    for (int i = kept; i < s.size; i++) {
      s.orders[i] = null;
    }
    s.size = kept;
    s.oldestWord = oldest;
  }

  private static void add(State s, Entry e) {
    if (s.size == MAX_ORDERS) {
      System.arraycopy(s.orders, 1, s.orders, 0, MAX_ORDERS - 1);
      System.arraycopy(s.hashes, 1, s.hashes, 0, MAX_ORDERS - 1);
      System.arraycopy(s.shopHashes, 1, s.shopHashes, 0, MAX_ORDERS - 1);
      s.size--;
    } else if (s.size == s.orders.length) {
      int n = Math.min(MAX_ORDERS, 2 * s.orders.length);
      s.orders = java.util.Arrays.copyOf(s.orders, n);
      s.hashes = java.util.Arrays.copyOf(s.hashes, n);
      s.shopHashes = java.util.Arrays.copyOf(s.shopHashes, n);
    }
    s.hashes[s.size] = e.order.hashCode();
    s.shopHashes[s.size] = e.shop.hashCode();
    s.orders[s.size++] = e;
    s.oldestWord = Math.min(s.oldestWord, e.lastWord());
  }

  private static Entry find(State s, String order) {
    if (order == null) {
      return null;
    }
    int h = order.hashCode();
    for (int i = s.size - 1; i >= 0; i--) {
      if (s.hashes[i] == h && s.orders[i].order.equals(order)) {
        return s.orders[i];
      }
    }
    return null;
  }
}
