package io.brushguard.detect.text;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Campaigns at one shop: the connected clusters of near-identical reviews at the shop within {@link
 * TemplateText#WINDOW_MILLIS}. The shop compares each of its reviews ({@link ShopText}) with its
 * others of the window that share an LSH band value with it, and keeps a pair of estimated
 * similarity at least {@value TemplateText#THRESHOLD}; its reviews' matches at other shops come
 * from the global index ({@link TextMatch}, one per group of bands), and a review is judged once
 * they are all in: a millisecond later, by a wake-up.
 *
 * <p>A cluster is a campaign when it holds at least {@value TemplateText#MIN_ACCOUNTS_FRESH}
 * distinct accounts of which two or more are new or linked, or {@value
 * TemplateText#MIN_ACCOUNTS_AGED} accounts otherwise (a few genuine buyers who describe one defect
 * alike are not a campaign), and when its texts are concentrated here: its reviews are at least
 * {@value TemplateText#CONCENTRATION} of the matches they have, here and at other shops (each
 * review counts at most {@value TemplateText#MAX_NEIGHBOURS} at other shops; a review elsewhere
 * that matches several of the cluster counts for each, and once for each group of bands that found
 * it). A phrase the whole population writes (默认好评, 物美价廉 with a common line) matches reviews at many
 * shops, so a popular shop's dozen default reviews are explained by the population; a campaign's
 * template matches almost nothing elsewhere.
 *
 * <p>When that fails only because of lumps elsewhere (it holds counting only the other shops with
 * at most {@value TemplateText#ELSEWHERE_PER_SHOP} matches, or most matched reviews elsewhere sit
 * at shops with more), the text is written in lumps: by other campaigns of a review service that
 * pastes one template at many shops, or by the crowds of other popular shops whose buyers describe
 * one item alike. The two look the same from here, so then only a cluster that dominates its shop
 * is a campaign: a core of {@value TemplateText#MIN_ACCOUNTS_FRESH} accounts or more pasting one
 * text with one rating, and with the reviews linked to it (a campaign's workers swap words) at
 * least {@value TemplateText#MIN_ACCOUNTS_DOMINANT} accounts, {@value
 * TemplateText#ONE_RATING_SHARE} of them with that rating, and at least {@value
 * TemplateText#DOMINANT_SHARE} of every review the shop had in the hours they ran (the stage counts
 * all the shop's reviews per hour). A campaign written here is raised to the same strength, {@value
 * TemplateText#DOMINANT_STRENGTH}, when it dominates, and otherwise is weak if most of its accounts
 * are aged and unlinked ({@code TemplateText.strength}): genuine buyers who write alike are a few
 * of a popular shop's many reviews, a bought campaign is most of what its shop hears while it runs.
 *
 * <p>Key: the shop. Space: the indexed reviews of the window, at most {@value
 * TemplateText#MAX_MEMBERS} (the oldest dropped), about 230 bytes each (the signature is shared
 * with the index) and 16 per link, and the review counts of the window's hours (169 ints, about 700
 * bytes per shop with a review); forgotten {@link TemplateText#WINDOW_MILLIS} after the shop's last
 * review.
 */
public final class TemplateShops implements Stage<TemplateShops.State> {
  public static final String NAME = "template-text-shops";
  private static final Wiring WIRING =
      Wiring.events(EventType.REVIEW)
          .consumes(ShopText.class, TextMatch.class)
          .produces(Signal.class);
  private static final int SAMPLE = 5;
  private static final long HOUR = 3_600_000L;
  private static final long NONE = Long.MIN_VALUE;
  private static final long[] NO_MATCHES = new long[0];

  /** Scratch tables for counting, per thread: a stage's calls may come from more than one. */
  private static final ThreadLocal<MatchCount> COUNTS = ThreadLocal.withInitial(MatchCount::new);

  /** Hours of review counts kept per shop: the window and the hour it began in. */
  private static final int HOURS = (int) (TemplateText.WINDOW_MILLIS / HOUR) + 1;

  /** One shop's indexed reviews of the window, oldest first, and their pairs. */
  public static final class State extends Expiring {
    final HashMap<String, Node> nodes = new HashMap<>();

    /** The reviews in arrival order, a ring from {@code start}; their band values side by side. */
    Node[] ring = new Node[8];

    int[] ringBands = new int[8 * TemplateText.BANDS];
    int start;
    int size;
    int epoch;

    /** All the shop's reviews per hour of the window, a ring; {@code hour} is the last counted. */
    final int[] hourly = new int[HOURS];

    long hour = Long.MIN_VALUE;

    /** The reviews whose matches came in at the last time, judged a millisecond later. */
    final List<Node> toJudge = new ArrayList<>(0);

    long judgeAt = NONE;
  }

  /** A review at the shop: its links to near-identical ones here, its matches elsewhere. */
  static final class Node {
    final Member member;
    final int[] signature;
    final List<Node> links = new ArrayList<>(2);
    final List<Node> close = new ArrayList<>(2);

    /**
     * Its matches at other shops, as pairs of 64-bit hashes ({@link HashedTable#hash}): the matched
     * review's, then its shop's; {@code matchesElsewhere} pairs are filled.
     */
    long[] elsewhere = NO_MATCHES;

    int matchesElsewhere;

    /** Its author, as a 64-bit hash ({@link HashedTable#hash}): what accounts are counted by. */
    final long account;

    double emitted;
    int mark;
    int seen;
    boolean queued;

    Node(Member member, int[] signature) {
      this.member = member;
      this.signature = signature;
      this.account = HashedTable.hash(member.account());
    }
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
    return ((Review) event).shop();
  }

  @Override
  public String keyOf(Fact fact) {
    return fact instanceof ShopText t
        ? t.indexed().member().shop()
        : ((TextMatch) fact).review().shop();
  }

  /** Counts every review of the shop, indexed or not: what a campaign's share is taken of. */
  @Override
  public void onEvent(State s, Event event, Context ctx) {
    long h = Math.floorDiv(event.ts(), HOUR);
    if (h > s.hour) {
      long from = s.hour == Long.MIN_VALUE ? h : Math.max(s.hour + 1, h - HOURS + 1);
      for (long k = from; k <= h; k++) {
        s.hourly[(int) Math.floorMod(k, (long) HOURS)] = 0;
      }
      s.hour = h;
    }
    if (h > s.hour - HOURS) {
      s.hourly[(int) Math.floorMod(h, (long) HOURS)]++;
    }
    s.touch(ctx, TemplateText.WINDOW_MILLIS);
  }

  /**
   * The shop's reviews in the hours from {@code from} to {@code to}, as far as the ring reaches.
   */
  private static int reviewsBetween(State s, long from, long to) {
    long first = Math.max(Math.floorDiv(from, HOUR), s.hour - HOURS + 1);
    long last = Math.min(Math.floorDiv(to, HOUR), s.hour);
    int n = 0;
    for (long k = first; k <= last; k++) {
      n += s.hourly[(int) Math.floorMod(k, (long) HOURS)];
    }
    return n;
  }

  @Override
  public State newState() {
    return new State();
  }

  /**
   * A review of the shop: compared with the shop's reviews of the window by its band values (the
   * global index's candidates, without its bucket cap); then its matches elsewhere, from the global
   * index. The review is judged a millisecond later, once all its matches are in (one per group).
   */
  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    long now = ctx.now();
    s.touch(ctx, TemplateText.WINDOW_MILLIS);
    forget(s, now - TemplateText.WINDOW_MILLIS);
    if (fact instanceof ShopText t) {
      index(s, t);
      return;
    }
    TextMatch m = (TextMatch) fact;
    Node x = s.nodes.get(m.review().review());
    if (x == null) {
      return; // its shop text comes first; without it (dropped for room) nothing to judge
    }
    String shop = ctx.key();
    for (Neighbour nb : m.neighbours()) {
      Member n = nb.member();
      if (!n.shop().equals(shop) && x.matchesElsewhere < TemplateText.MAX_NEIGHBOURS) {
        int at = 2 * x.matchesElsewhere++;
        if (at == x.elsewhere.length) {
          x.elsewhere = Arrays.copyOf(x.elsewhere, Math.max(8, 2 * at));
        }
        x.elsewhere[at] = HashedTable.hash(n.review());
        x.elsewhere[at + 1] = HashedTable.hash(n.shop());
      }
    }
    if (m.warm() && !x.queued) {
      x.queued = true;
      s.toJudge.add(x);
      if (s.judgeAt == NONE) {
        s.judgeAt = now + 1;
        ctx.wakeAt(s.judgeAt);
      }
    }
  }

  /** Links the review to the shop's reviews that share a band value and are similar enough. */
  private static void index(State s, ShopText t) {
    Member m = t.indexed().member();
    if (s.nodes.containsKey(m.review())) {
      return;
    }
    if (s.size == TemplateText.MAX_MEMBERS) {
      dropOldest(s);
    }
    Node x = new Node(m, t.indexed().signature());
    int[] bands = t.bands();
    int[] held = s.ringBands;
    int capacity = s.ring.length;
    for (int i = 0; i < s.size; i++) {
      int slot = (s.start + i) % capacity;
      int at = slot * TemplateText.BANDS;
      for (int k = 0; k < TemplateText.BANDS; k++) {
        if (held[at + k] == bands[k]) {
          link(x, s.ring[slot]);
          break;
        }
      }
    }
    if (s.size == capacity) {
      grow(s);
    }
    int slot = (s.start + s.size) % s.ring.length;
    s.ring[slot] = x;
    System.arraycopy(bands, 0, s.ringBands, slot * TemplateText.BANDS, TemplateText.BANDS);
    s.size++;
    s.nodes.put(m.review(), x);
  }

  private static void link(Node x, Node y) {
    double similarity = TemplateText.similarity(x.signature, y.signature);
    if (similarity < TemplateText.THRESHOLD) {
      return;
    }
    x.links.add(y);
    y.links.add(x);
    if (similarity >= TemplateText.CLOSE) {
      x.close.add(y);
      y.close.add(x);
    }
  }

  /** Doubles the ring (up to {@value TemplateText#MAX_MEMBERS}), oldest first from slot 0. */
  private static void grow(State s) {
    int capacity = Math.min(TemplateText.MAX_MEMBERS, s.ring.length * 2);
    Node[] ring = new Node[capacity];
    int[] bands = new int[capacity * TemplateText.BANDS];
    for (int i = 0; i < s.size; i++) {
      int slot = (s.start + i) % s.ring.length;
      ring[i] = s.ring[slot];
      System.arraycopy(
          s.ringBands,
          slot * TemplateText.BANDS,
          bands,
          i * TemplateText.BANDS,
          TemplateText.BANDS);
    }
    s.ring = ring;
    s.ringBands = bands;
    s.start = 0;
  }

  /** Drops the reviews from before the window, and the links to them. */
  private static void forget(State s, long before) {
    while (s.size > 0 && s.ring[s.start].member.ts() < before) {
      dropOldest(s);
    }
  }

  private static void dropOldest(State s) {
    Node n = s.ring[s.start];
    s.ring[s.start] = null;
    s.start = (s.start + 1) % s.ring.length;
    s.size--;
    s.nodes.remove(n.member.review());
    for (Node l : n.links) {
      l.links.remove(n);
    }
    for (Node l : n.close) {
      l.close.remove(n);
    }
  }

  private void judge(State s, Node x, Context ctx) {
    List<Node> pasted = closeCore(s, cluster(s, x, false));
    if (pasted.isEmpty()) {
      return;
    }
    List<Node> cluster = withLinked(s, pasted);
    int accounts = accounts(cluster, false);
    int flagged = accounts(cluster, true);
    int elsewhere = 0;
    for (Node n : cluster) {
      elsewhere += n.matchesElsewhere;
    }
    if (accounts < Math.min(TemplateText.MIN_ACCOUNTS_FRESH, TemplateText.MIN_ACCOUNTS_DOMINANT)
        || flagged < 2 && accounts < TemplateText.MIN_ACCOUNTS_DOMINANT) {
      return; // too few accounts for any rule below: spare the counting
    }
    Written where = where(cluster, elsewhere);
    if (where == Written.ACROSS_THE_POPULATION) {
      return;
    }
    int needed = flagged >= 2 ? TemplateText.MIN_ACCOUNTS_FRESH : TemplateText.MIN_ACCOUNTS_AGED;
    boolean enough = where == Written.HERE && accounts >= needed;
    double strength = TemplateText.strength(accounts, flagged);
    if ((!enough || strength < TemplateText.DOMINANT_STRENGTH) && dominates(s, pasted, cluster)) {
      enough = true;
      strength = TemplateText.DOMINANT_STRENGTH;
    }
    if (!enough) {
      return;
    }
    String detail = null;
    for (Node n : cluster) {
      if (n.emitted >= strength) {
        continue;
      }
      if (detail == null) {
        detail = detail(ctx.key(), cluster, accounts, flagged, elsewhere);
      }
      n.emitted = strength;
      Member m = n.member;
      String origin = NAME + "/" + ctx.key();
      long now = ctx.now();
      ctx.emit(
          new Signal(
              EntityKind.REVIEW, m.review(), TemplateText.CODE, origin, strength, now, detail));
      ctx.emit(
          new Signal(
              EntityKind.ACCOUNT, m.account(), TemplateText.CODE, origin, strength, now, detail));
    }
  }

  /** The reviews connected to {@code x} by near-identical pairs, {@code x} first. */
  private static List<Node> cluster(State s, Node x, boolean closeOnly) {
    int mark = ++s.epoch;
    List<Node> out = new ArrayList<>();
    x.mark = mark;
    out.add(x);
    for (int i = 0; i < out.size(); i++) { // breadth first: the list is its own queue
      for (Node l : closeOnly ? out.get(i).close : out.get(i).links) {
        if (l.mark != mark) {
          l.mark = mark;
          out.add(l);
        }
      }
    }
    return out;
  }

  /** Where a cluster's text is written, by its matches here and at other shops. */
  private enum Written {
    /** Mostly here: a campaign if enough accounts wrote it. */
    HERE,
    /**
     * Here, or in lumps at other shops (other campaigns of the same template, or the buyers of
     * other popular shops writing alike): a campaign here only if it dominates the shop.
     */
    IN_LUMPS_ELSEWHERE,
    /** Spread over the population, a review or two per shop: a common phrase. */
    ACROSS_THE_POPULATION
  }

  /**
   * Where the cluster's texts are written. Here when its reviews are at least {@value
   * TemplateText#CONCENTRATION} of the matches they have, here and at other shops. In lumps
   * elsewhere when that holds counting only the other shops with at most {@value
   * TemplateText#ELSEWHERE_PER_SHOP} of the matched reviews, or when most matched reviews elsewhere
   * sit at shops with more. A phrase the population writes is spread over many shops a review or
   * two each, while a lump of matches at one other shop is another campaign of the same template (a
   * review service serves many shops at once, and gangs draw on the same few templates) or the
   * crowd of a popular shop, whose buyers describe one item alike: the two cannot be told apart
   * from here, so only a cluster that dominates its shop is then a campaign. The global index keeps
   * the most recent reviews per band value, so one review often sees a lump a review or two at a
   * time; over the cluster's reviews it adds up.
   */
  private static Written where(List<Node> cluster, int elsewhere) {
    int here = cluster.size();
    if (here >= TemplateText.CONCENTRATION * (here + elsewhere)) {
      return Written.HERE;
    }
    MatchCount count = COUNTS.get();
    count.reset(elsewhere);
    for (Node node : cluster) {
      for (int i = 0; i < 2 * node.matchesElsewhere; i += 2) {
        count.add(node.elsewhere[i], node.elsewhere[i + 1]);
      }
    }
    int spread = 0;
    int lumped = 0;
    for (int i = 0; i < count.shopsSeen; i++) {
      int there = count.perShop[count.usedShops[i]];
      if (there <= TemplateText.ELSEWHERE_PER_SHOP) {
        spread += there;
      } else {
        lumped += there;
      }
    }
    return here >= TemplateText.CONCENTRATION * (here + spread) || lumped > spread
        ? Written.IN_LUMPS_ELSEWHERE
        : Written.ACROSS_THE_POPULATION;
  }

  /**
   * Distinct ids (a cluster's accounts; its matched reviews, per other shop), counted in
   * open-addressed tables of 64-bit hashes, with no string read and no allocation once the tables
   * are large enough: a review of a popular shop's cluster is judged over up to {@value
   * TemplateText#MAX_MEMBERS} reviews, each with up to {@value TemplateText#MAX_NEIGHBOURS} matches
   * elsewhere. Two ids with one hash would count once; among the ids of a week that is below 10⁻⁶
   * ({@link HashedTable}).
   */
  static final class MatchCount {
    private long[] ids = new long[64];
    private long[] shops = new long[64];
    int[] perShop = new int[64];
    int[] usedShops = new int[32];
    int shopsSeen;

    /** Empties the tables, sized for {@code matches} pairs at most half full. */
    void reset(int matches) {
      int capacity = Integer.highestOneBit(Math.max(32, 2 * matches - 1)) << 1;
      if (capacity > ids.length) {
        ids = new long[capacity];
        shops = new long[capacity];
        perShop = new int[capacity];
        usedShops = new int[capacity];
      } else {
        Arrays.fill(ids, 0, capacity, 0L);
        for (int i = 0; i < shopsSeen; i++) {
          shops[usedShops[i]] = 0;
          perShop[usedShops[i]] = 0;
        }
      }
      shopsSeen = 0;
      mask = capacity - 1;
    }

    private int mask;

    /** Whether {@code id} is seen here for the first time since {@link #reset}; notes it. */
    boolean first(long id) {
      int i = (int) id & mask;
      while (ids[i] != 0) {
        if (ids[i] == id) {
          return false;
        }
        i = (i + 1) & mask;
      }
      ids[i] = id;
      return true;
    }

    /** Counts a matched review for its shop, unless it was counted already. */
    void add(long review, long shop) {
      if (!first(review)) {
        return;
      }
      int j = (int) shop & mask;
      while (shops[j] != 0 && shops[j] != shop) {
        j = (j + 1) & mask;
      }
      if (shops[j] == 0) {
        shops[j] = shop;
        usedShops[shopsSeen++] = j;
      }
      perShop[j]++;
    }
  }

  /**
   * Whether a pasted core and the reviews linked to it are a campaign by themselves, whoever wrote
   * them: a core of {@value TemplateText#MIN_ACCOUNTS_FRESH} accounts or more with one rating (a
   * campaign pays for one), {@value TemplateText#MIN_ACCOUNTS_DOMINANT} accounts or more in the
   * cluster with that rating, which are at least {@value TemplateText#ONE_RATING_SHARE} of the
   * cluster and at least {@value TemplateText#DOMINANT_SHARE} of all the shop's reviews in the
   * hours from their first review to their last. A campaign's workers swap words, so its texts are
   * often linked rather than pasted again. Genuine buyers who happen to write alike are a few of a
   * popular shop's many reviews, with ratings of their own; a bought campaign is most of what its
   * shop hears while it runs.
   */
  private static boolean dominates(State s, List<Node> pasted, List<Node> cluster) {
    if (accounts(pasted, false) < TemplateText.MIN_ACCOUNTS_FRESH) {
      return false;
    }
    int rating = pasted.get(0).member.rating();
    for (Node n : pasted) {
      if (n.member.rating() != rating) {
        return false;
      }
    }
    List<Node> rated = new ArrayList<>(cluster.size());
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Node n : cluster) {
      if (n.member.rating() == rating) {
        rated.add(n);
        first = Math.min(first, n.member.ts());
        last = Math.max(last, n.member.ts());
      }
    }
    if (rated.size() < TemplateText.ONE_RATING_SHARE * cluster.size()
        || accounts(rated, false) < TemplateText.MIN_ACCOUNTS_DOMINANT) {
      return false;
    }
    int all = Math.max(rated.size(), reviewsBetween(s, first, last));
    return rated.size() >= TemplateText.DOMINANT_SHARE * all;
  }

  /**
   * The close core of a cluster: its largest set of reviews connected by close pairs (similarity at
   * least {@value TemplateText#CLOSE}: the whole text pasted again). A template pasted many times
   * has a large core; genuine reviews that share one phrase about the item are linked, but rarely
   * close, as each says more besides.
   */
  private static List<Node> closeCore(State s, List<Node> cluster) {
    int seen = ++s.epoch;
    List<Node> best = List.of();
    int bestAccounts = 0;
    for (Node n : cluster) {
      if (n.close.isEmpty() || n.seen == seen) {
        continue;
      }
      List<Node> part = cluster(s, n, true);
      for (Node p : part) {
        p.seen = seen;
      }
      int accounts = accounts(part, false);
      if (accounts > bestAccounts) {
        best = part;
        bestAccounts = accounts;
      }
    }
    return best;
  }

  /** A close core with the reviews linked to it. */
  private static List<Node> withLinked(State s, List<Node> best) {
    int in = ++s.epoch;
    for (Node n : best) {
      n.mark = in;
    }
    List<Node> out = new ArrayList<>(best);
    for (Node n : best) {
      for (Node l : n.links) {
        if (l.mark != in) {
          l.mark = in;
          out.add(l);
        }
      }
    }
    return out;
  }

  /** The distinct authors of {@code nodes}; only the new or linked ones when {@code flagged}. */
  private static int accounts(List<Node> nodes, boolean flagged) {
    MatchCount count = COUNTS.get();
    count.reset(nodes.size());
    int distinct = 0;
    for (Node n : nodes) {
      if ((!flagged || n.member.fresh() || n.member.linked()) && count.first(n.account)) {
        distinct++;
      }
    }
    return distinct;
  }

  static String detail(String shop, List<Node> cluster, int accounts, int flagged, int elsewhere) {
    StringBuilder b = new StringBuilder(160);
    b.append(cluster.size())
        .append(" near-identical reviews from ")
        .append(accounts)
        .append(" accounts (")
        .append(flagged)
        .append(" new or linked) at shop ")
        .append(shop)
        .append(" within ")
        .append(TemplateText.WINDOW_MILLIS / TemplateText.DAY)
        .append(" days, ")
        .append(elsewhere)
        .append(" reviews matched at other shops; e.g. ");
    for (int i = 0; i < Math.min(SAMPLE, cluster.size()); i++) {
      b.append(i == 0 ? "" : ", ").append(cluster.get(i).member.review());
    }
    return b.toString();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time == s.judgeAt) {
      s.judgeAt = NONE;
      for (Node x : s.toJudge) {
        x.queued = false;
        if (s.nodes.get(x.member.review()) == x) {
          judge(s, x, ctx);
        }
      }
      s.toJudge.clear();
    }
    if (s.expired(time, ctx, TemplateText.WINDOW_MILLIS)) {
      s.nodes.clear(); // and the state goes (isEmpty), its reviews and hourly counts with it
      Arrays.fill(s.ring, null);
      s.start = 0;
      s.size = 0;
    }
  }

  @Override
  public boolean isEmpty(State s) {
    return s.nodes.isEmpty() && !s.pending() && s.judgeAt == NONE;
  }
}
