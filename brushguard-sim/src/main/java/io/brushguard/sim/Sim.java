package io.brushguard.sim;

import io.brushguard.detect.EntityKind;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Listing;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Review;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One simulation run: the world (accounts, shops), the timeline, id counters, and the one place
 * events are written and labelled. Plantings and organic life schedule {@link Step}s and emit
 * events through it; it writes them in time order.
 *
 * <p>Single-threaded and deterministic: one seeded random source, and a timeline that breaks ties
 * by insertion order, so a seed gives the same bytes every time.
 */
final class Sim {
  static final long SECOND = 1_000L;
  static final long MINUTE = 60_000L;
  static final long HOUR = 3_600_000L;
  static final long DAY = 86_400_000L;

  final SimulationSpec spec;
  final long start;
  final long end;
  final SplittableRandom rnd;
  final Tokens tokens;
  final Accounts accounts;
  final Market market;
  final Timeline timeline;
  final Diurnal diurnal;
  final Plan plan;
  final Shopping shopping;
  private final SimulationOutput out;
  private boolean running;

  private long orders;
  private long payments;
  private long reviews;
  private long sessions;
  private long listings;
  private long reports;
  private long checks;
  private long staff;
  private final long[] waybills = new long[Market.CARRIERS.length];

  /**
   * How big one planted instance is relative to a 1M-event market: {@code sqrt(events / 1M)}, kept
   * within [0.3, 1]. A small market gets smaller rings and campaigns (still every tactic), so fraud
   * stays a minority of its orders.
   */
  final double plantSize;

  /** Organic shopping sessions planned over the window (sizes surges against shops' baselines). */
  double organicSessions;

  /** Recruited fraud accounts that camouflage themselves with honest purchases. */
  final List<Integer> brushers = new ArrayList<>();

  /** Recent fraudulent reviews and shops, which genuine buyers sometimes report. */
  private final String[] reportableReviews = new String[64];

  private long reportableCount;

  /** Registrations before the window other than buyers' (merchants, staff), emitted in order. */
  private final List<Registration> earlyRegistrations = new ArrayList<>();

  record Registration(long ts, Account account, String payer, byte tag) {}

  Sim(SimulationSpec spec, int buyers, int shops, SimulationOutput out) {
    this.spec = spec;
    this.start = spec.start();
    this.end = spec.start() + spec.days() * DAY;
    this.plantSize = Math.max(0.3, Math.min(1.0, Math.sqrt(spec.events() / 1_000_000.0)));
    this.out = out;
    this.rnd = new SplittableRandom(spec.seed());
    this.tokens = new Tokens(spec.seed());
    this.accounts = new Accounts(tokens, spec.seed(), buyers, start, rnd.split());
    this.market = new Market(tokens, shops, start, rnd.split());
    this.timeline = new Timeline(start, end);
    this.diurnal = new Diurnal(start);
    this.plan = new Plan(spec);
    this.shopping = new Shopping(this);
    for (int s = 0; s < shops; s++) {
      Account merchant =
          new Account(
              market.merchantId(s),
              market.opened[s],
              Account.Role.MERCHANT,
              market.shopId(s),
              accounts.phone(Integer.MAX_VALUE - s),
              tokens.identity((1L << 32) + s),
              merchantDevice(s),
              Tokens.dotted(accounts.freshIp(s, false)));
      earlyRegistrations.add(
          new Registration(market.opened[s], merchant, market.payer(s), Tag.NONE));
    }
  }

  // ---- scheduling and writing ----------------------------------------------------------------

  long now() {
    return timeline.now();
  }

  /** Runs {@code step} at {@code t} (dropped when past the end of the window). */
  void at(long t, Step step) {
    timeline.add(t, step, Tag.NONE);
  }

  void emit(Event e) {
    emit(e, Tag.NONE);
  }

  /** Writes {@code e} at its time, labelled with {@code tag}. */
  void emit(Event e, byte tag) {
    if (running && e.ts() <= timeline.now()) {
      write(e, tag);
    } else {
      timeline.add(e.ts(), e, tag);
    }
  }

  /**
   * Writes {@code e} when it arrives at {@code arrival}, later than its own time: a scan a carrier
   * uploads in a batch. The delay is deliberate and small (minutes at most), well inside the
   * contract's 10-minute out-of-order allowance.
   */
  void emitLate(Event e, long arrival, byte tag) {
    if (running && arrival <= timeline.now()) {
      write(e, tag);
    } else {
      timeline.add(arrival, e, tag);
    }
  }

  private void write(Event e, byte tag) {
    out.event(e);
    plan.countEvent(e.type());
    if (tag != Tag.NONE) {
      label(entityOf(e), idOf(e), tag);
    }
  }

  private void label(EntityKind entity, String id, byte tag) {
    out.label(Truth.of(entity, id, tag));
    plan.countLabel(tag, entity);
  }

  private static EntityKind entityOf(Event e) {
    return switch (e.type()) {
      case ORDER -> EntityKind.ORDER;
      case REVIEW -> EntityKind.REVIEW;
      case LIKE -> EntityKind.LIKE;
      case PAYMENT -> EntityKind.PAYMENT;
      case LISTING -> EntityKind.LISTING;
      case ACCOUNT -> EntityKind.ACCOUNT;
      default -> throw new IllegalStateException("a " + e.type().wire() + " event is not labelled");
    };
  }

  private static String idOf(Event e) {
    return switch (e.type()) {
      case ORDER -> ((Order) e).order();
      case REVIEW -> ((Review) e).review();
      case LIKE -> ((Like) e).id();
      case PAYMENT -> ((Payment) e).payment();
      case LISTING -> ((Listing) e).listing();
      case ACCOUNT -> ((Account) e).account();
      default -> throw new IllegalStateException("a " + e.type().wire() + " event is not labelled");
    };
  }

  // ---- the run -------------------------------------------------------------------------------

  /** Writes the registrations before the window, then runs the window to its end. */
  void run() {
    prelude();
    running = true;
    while (timeline.next()) {
      Object payload = timeline.payload();
      if (payload instanceof Event e) {
        write(e, timeline.tag());
      } else {
        ((Step) payload).run(timeline.time());
      }
    }
    for (int s = 0; s < market.shops; s++) {
      if (market.tag[s] != Tag.NONE) {
        label(EntityKind.SHOP, market.shopId(s), market.tag[s]);
      }
    }
  }

  /** Accounts registered before the window, in registration order, each with its payment link. */
  private void prelude() {
    earlyRegistrations.sort(Comparator.comparingLong(Registration::ts));
    PriorityQueue<Link> links = new PriorityQueue<>(Comparator.comparingLong(Link::ts));
    SplittableRandom r = rnd.split();
    long linkGap =
        Math.max(1, Math.min(60_000L, 3L * 365 * DAY / Math.max(1, accounts.preexisting) / 5));
    int next = 0;
    for (int i = 0; i < accounts.preexisting; i++) {
      long t = accounts.registered[i];
      while (next < earlyRegistrations.size() && earlyRegistrations.get(next).ts() <= t) {
        Registration reg = earlyRegistrations.get(next++);
        writeLinksUntil(links, reg.ts());
        write(reg.account(), reg.tag());
        links.add(
            new Link(
                reg.account().account(), reg.payer(), reg.ts() + Rand.between(r, 1_000L, 60_000L)));
      }
      writeLinksUntil(links, t);
      write(buyerAccount(i, t, r), accounts.tag[i]);
      links.add(new Link(accounts.id(i), accounts.payer(i), t + Rand.between(r, 0L, linkGap)));
    }
    for (; next < earlyRegistrations.size(); next++) {
      Registration reg = earlyRegistrations.get(next);
      writeLinksUntil(links, reg.ts());
      write(reg.account(), reg.tag());
      links.add(
          new Link(
              reg.account().account(), reg.payer(), reg.ts() + Rand.between(r, 1_000L, 60_000L)));
    }
    writeLinksUntil(links, start - 1);
    for (Link l : links) {
      timeline.add(l.ts(), l, Tag.NONE); // bound inside the window: written in time order
    }
  }

  private void writeLinksUntil(PriorityQueue<Link> links, long t) {
    while (!links.isEmpty() && links.peek().ts() <= t) {
      write(links.poll(), Tag.NONE);
    }
  }

  private Account buyerAccount(int i, long t, SplittableRandom r) {
    return new Account(
        accounts.id(i),
        t,
        Account.Role.BUYER,
        null,
        accounts.phone(i),
        accounts.identity(i),
        accounts.device(i),
        accounts.ipFor(i, r));
  }

  /** Schedules the registration (and payment link) of an account added inside the window. */
  void scheduleRegistration(int i) {
    long t = accounts.registered[i];
    at(
        t,
        now -> {
          emit(buyerAccount(i, now, rnd), accounts.tag[i]);
          emit(
              new Link(
                  accounts.id(i), accounts.payer(i), now + Rand.between(rnd, 2_000L, 90_000L)));
        });
  }

  /** Registers a staff account before the window; returns its id. */
  String registerStaff(long t, String device, byte tag) {
    String id = "st" + ++staff;
    Account a =
        new Account(
            id,
            t,
            Account.Role.STAFF,
            null,
            accounts.phone(Integer.MAX_VALUE - 1_000_000 - (int) staff),
            tokens.identity((1L << 33) + staff),
            device,
            Tokens.dotted(accounts.freshIp((1L << 20) + staff, false)));
    earlyRegistrations.add(new Registration(t, a, tokens.payer((1L << 31) + staff), tag));
    return id;
  }

  String merchantDevice(int shop) {
    return tokens.device((1L << 28) + shop);
  }

  void startRunning() {
    accounts.seal();
  }

  // ---- ids -----------------------------------------------------------------------------------

  String nextOrder() {
    return "o" + ++orders;
  }

  String nextPayment() {
    return "p" + ++payments;
  }

  String nextReview() {
    return "r" + ++reviews;
  }

  String nextSession() {
    return "ss" + ++sessions;
  }

  String nextListing() {
    return "l" + ++listings;
  }

  String nextReport() {
    return "rp" + ++reports;
  }

  String nextCheck() {
    return "ck" + ++checks;
  }

  /** A fresh waybill number of the carrier, in the carrier's format. */
  String nextWaybill(int carrier) {
    long n = ++waybills[carrier];
    String c = Market.CARRIERS[carrier];
    return switch (c) {
      case "SF" -> "SF" + (1_400_000_000_000L + n * 7 + carrier);
      case "JD" -> "JDV" + (3_000_000_000_000L + n * 3);
      case "EMS" -> "E" + (980_000_000L + n) + "CN";
      default -> c.substring(0, 2) + (73_000_000_000_000L + n * 11 + carrier);
    };
  }

  // ---- helpers shared by plantings -----------------------------------------------------------

  /** A money movement; returns its id. */
  String pay(
      String from,
      String to,
      long amount,
      long t,
      Payment.Kind kind,
      String order,
      String memo,
      byte tag) {
    String id = nextPayment();
    emit(new Payment(id, from, to, amount, t, kind, order, memo, null), tag);
    return id;
  }

  /** Binds a payment account to an account at {@code t}. */
  void link(String account, String payer, long t) {
    emit(new Link(account, payer, t));
  }

  /** Remembers a fraudulent review, written at {@code t}, that genuine buyers may come across. */
  void reportable(String review, long t) {
    at(
        t + HOUR,
        now -> reportableReviews[(int) (reportableCount++ % reportableReviews.length)] = review);
  }

  /** A recent fraudulent review, or null when none yet. */
  String someReportableReview(SplittableRandom r) {
    if (reportableCount == 0) {
      return null;
    }
    int n = (int) Math.min(reportableCount, reportableReviews.length);
    return reportableReviews[r.nextInt(n)];
  }

  /**
   * A planted quantity: uniform in [min, max] for a 1M-event market, the top of the range shrunk by
   * {@link #plantSize} in smaller ones.
   */
  int sized(SplittableRandom r, int min, int max) {
    return Rand.between(r, min, Math.max(min, (int) Math.round(max * plantSize)));
  }

  long dayStart(int day) {
    return start + day * DAY;
  }

  /** A day index in [from, to) of the window, clamped to the window. */
  int day(SplittableRandom r, int from, int to) {
    int last = spec.days() - 1;
    return Rand.between(
        r, Math.min(from, last), Math.max(Math.min(from, last), Math.min(to, spec.days()) - 1));
  }
}
