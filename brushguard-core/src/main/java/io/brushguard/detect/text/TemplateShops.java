package io.brushguard.detect.text;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Campaigns at one shop: the connected clusters of near-identical reviews ({@link TextMatch}) at
 * the shop within {@link TemplateText#WINDOW_MILLIS}.
 *
 * <p>A cluster is a campaign when it holds at least {@value TemplateText#MIN_ACCOUNTS_FRESH}
 * distinct accounts of which two or more are new or linked, or {@value
 * TemplateText#MIN_ACCOUNTS_AGED} accounts otherwise (a few genuine buyers who describe one defect
 * alike are not a campaign), and when its texts are concentrated here: its reviews are at least
 * {@value TemplateText#CONCENTRATION} of the matches they have, here and at other shops (each
 * review counts at most {@value TemplateText#MAX_NEIGHBOURS} at other shops; a review elsewhere
 * that matches several of the cluster counts for each). A phrase the whole population writes (默认好评,
 * 物美价廉 with a common line) matches reviews at many shops, so a popular shop's dozen default reviews
 * are explained by the population; a campaign's template matches almost nothing elsewhere. Or when
 * the same holds counting only the other shops with at most {@value
 * TemplateText#ELSEWHERE_PER_SHOP} matches: a review service pastes one template at many shops, and
 * its campaigns there do not make the text common.
 *
 * <p>A campaign mostly of aged, unlinked accounts is weak ({@code TemplateText.strength}) unless
 * its pasted core dominates the shop: {@value TemplateText#MIN_ACCOUNTS_DOMINANT} accounts or more
 * (then fewer than {@value TemplateText#MIN_ACCOUNTS_AGED} are enough), one rating for all, and at
 * least {@value TemplateText#DOMINANT_SHARE} of every review the shop had in the hours it ran (the
 * stage counts all the shop's reviews per hour). Then it is {@value
 * TemplateText#DOMINANT_STRENGTH}: genuine buyers who write alike are a few of a popular shop's
 * many reviews, a bought campaign is most of what its shop hears while it runs.
 *
 * <p>Key: the shop. Space: the matched reviews of the window, at most {@value
 * TemplateText#MAX_MEMBERS} (the oldest dropped), about 150 bytes each and 16 per link, and the
 * review counts of the window's hours (169 ints, about 700 bytes per shop with a review); forgotten
 * {@link TemplateText#WINDOW_MILLIS} after the shop's last review.
 */
public final class TemplateShops implements Stage<TemplateShops.State> {
  public static final String NAME = "template-text-shops";
  private static final Wiring WIRING =
      Wiring.events(EventType.REVIEW).consumes(TextMatch.class).produces(Signal.class);
  private static final int SAMPLE = 5;
  private static final long HOUR = 3_600_000L;

  /** Hours of review counts kept per shop: the window and the hour it began in. */
  private static final int HOURS = (int) (TemplateText.WINDOW_MILLIS / HOUR) + 1;

  /** One shop's matched reviews. */
  public static final class State extends Expiring {
    final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
    int epoch;
    long oldest = Long.MAX_VALUE;

    /** Reviews evicted for room since the last input, still linked from their neighbours. */
    final List<Node> evicted = new ArrayList<>(0);

    /** All the shop's reviews per hour of the window, a ring; {@code hour} is the last counted. */
    final int[] hourly = new int[HOURS];

    long hour = Long.MIN_VALUE;
  }

  /** A matched review at the shop: its links to near-identical ones here, its matches elsewhere. */
  static final class Node {
    final Member member;
    final List<Node> links = new ArrayList<>(2);
    final List<Node> close = new ArrayList<>(2);
    List<Member> elsewhere = List.of();
    double emitted;
    int mark;

    Node(Member member) {
      this.member = member;
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
    return ((TextMatch) fact).review().shop();
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

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    TextMatch m = (TextMatch) fact;
    long now = ctx.now();
    s.touch(ctx, TemplateText.WINDOW_MILLIS);
    forget(s, now - TemplateText.WINDOW_MILLIS);
    String shop = ctx.key();
    Node x = node(s, m.review());
    for (Neighbour nb : m.neighbours()) {
      Member n = nb.member();
      if (n.shop().equals(shop)) {
        Node y = node(s, n);
        if (y != x && !x.links.contains(y)) {
          x.links.add(y);
          y.links.add(x);
          if (nb.similarity() >= TemplateText.CLOSE) {
            x.close.add(y);
            y.close.add(x);
          }
        }
      } else if (x.elsewhere.size() < TemplateText.MAX_NEIGHBOURS) {
        if (x.elsewhere.isEmpty()) {
          x.elsewhere = new ArrayList<>(4);
        }
        x.elsewhere.add(n);
      }
    }
    if (m.warm()) {
      judge(s, x, ctx);
    }
  }

  private static Node node(State s, Member m) {
    Node n = s.nodes.get(m.review());
    if (n == null) {
      if (s.nodes.size() >= TemplateText.MAX_MEMBERS) {
        Iterator<Node> oldest = s.nodes.values().iterator();
        s.evicted.add(oldest.next()); // unlinked at the next input, as one older than the window
        oldest.remove();
      }
      n = new Node(m);
      s.nodes.put(m.review(), n);
      s.oldest = Math.min(s.oldest, m.ts());
    }
    return n;
  }

  /**
   * Drops the reviews from before the window and the links to them: a pass only when a review is
   * that old (otherwise it would change nothing).
   */
  private static void forget(State s, long before) {
    if (!s.evicted.isEmpty()) {
      for (Node n : s.evicted) {
        drop(n);
      }
      s.evicted.clear();
    }
    if (s.oldest >= before) {
      return;
    }
    s.oldest = Long.MAX_VALUE;
    Iterator<Map.Entry<String, Node>> it = s.nodes.entrySet().iterator();
    while (it.hasNext()) {
      Node n = it.next().getValue();
      if (n.member.ts() < before) {
        drop(n);
        it.remove();
      } else {
        s.oldest = Math.min(s.oldest, n.member.ts());
      }
    }
  }

  /** Takes a node out of its neighbours' links (links go both ways). */
  private static void drop(Node n) {
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
    Set<String> accounts = new HashSet<>();
    Set<String> flagged = new HashSet<>();
    int elsewhere = 0;
    for (Node n : cluster) {
      accounts.add(n.member.account());
      if (n.member.fresh() || n.member.linked()) {
        flagged.add(n.member.account());
      }
      elsewhere += n.elsewhere.size();
    }
    if (cluster.size() < TemplateText.CONCENTRATION * (cluster.size() + elsewhere)
        && cluster.size()
            < TemplateText.CONCENTRATION * (cluster.size() + elsewhereByShop(cluster))) {
      return;
    }
    int needed =
        flagged.size() >= 2 ? TemplateText.MIN_ACCOUNTS_FRESH : TemplateText.MIN_ACCOUNTS_AGED;
    boolean enough = accounts.size() >= needed;
    double strength = TemplateText.strength(accounts.size(), flagged.size());
    if ((!enough || strength < TemplateText.DOMINANT_STRENGTH) && dominates(s, pasted)) {
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
        detail = detail(ctx.key(), cluster, accounts.size(), flagged.size(), elsewhere);
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
    ArrayDeque<Node> todo = new ArrayDeque<>();
    x.mark = mark;
    todo.add(x);
    while (!todo.isEmpty()) {
      Node n = todo.poll();
      out.add(n);
      for (Node l : closeOnly ? n.close : n.links) {
        if (l.mark != mark) {
          l.mark = mark;
          todo.add(l);
        }
      }
    }
    return out;
  }

  /**
   * The matches at other shops of a cluster's reviews, counting only the shops with at most {@value
   * TemplateText#ELSEWHERE_PER_SHOP} of them: a phrase the population writes is spread over many
   * shops a review or two each, while a lump of matches at one other shop is another campaign of
   * the same template (a review service serves many shops at once) and says nothing about whether
   * this text is common.
   */
  private static int elsewhereByShop(List<Node> cluster) {
    Map<String, Set<String>> byShop = new HashMap<>();
    for (Node node : cluster) {
      for (Member m : node.elsewhere) {
        Set<String> there = byShop.computeIfAbsent(m.shop(), k -> new HashSet<>(4));
        if (there.size() <= TemplateText.ELSEWHERE_PER_SHOP) {
          there.add(m.review());
        }
      }
    }
    int n = 0;
    for (Set<String> there : byShop.values()) {
      n += there.size() <= TemplateText.ELSEWHERE_PER_SHOP ? there.size() : 0;
    }
    return n;
  }

  /**
   * Whether a pasted core is a campaign by itself, whoever wrote it: {@value
   * TemplateText#MIN_ACCOUNTS_DOMINANT} accounts or more, one rating for all (a campaign pays for
   * one), and at least {@value TemplateText#DOMINANT_SHARE} of all the shop's reviews in the hours
   * from its first review to its last. Genuine buyers who happen to write alike are a few of a
   * popular shop's many reviews; a bought campaign is most of what its shop hears while it runs.
   */
  private static boolean dominates(State s, List<Node> pasted) {
    if (accounts(pasted) < TemplateText.MIN_ACCOUNTS_DOMINANT) {
      return false;
    }
    int rating = pasted.get(0).member.rating();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (Node n : pasted) {
      if (n.member.rating() != rating) {
        return false;
      }
      first = Math.min(first, n.member.ts());
      last = Math.max(last, n.member.ts());
    }
    int all = Math.max(pasted.size(), reviewsBetween(s, first, last));
    return pasted.size() >= TemplateText.DOMINANT_SHARE * all;
  }

  /**
   * The close core of a cluster: its largest set of reviews connected by close pairs (similarity at
   * least {@value TemplateText#CLOSE}: the whole text pasted again). A template pasted many times
   * has a large core; genuine reviews that share one phrase about the item are linked, but rarely
   * close, as each says more besides.
   */
  private static List<Node> closeCore(State s, List<Node> cluster) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Node> best = List.of();
    int bestAccounts = 0;
    for (Node n : cluster) {
      if (n.close.isEmpty() || seen.contains(n)) {
        continue;
      }
      List<Node> part = cluster(s, n, true);
      seen.addAll(part);
      int accounts = accounts(part);
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

  private static int accounts(List<Node> nodes) {
    Set<String> accounts = new HashSet<>();
    for (Node n : nodes) {
      accounts.add(n.member.account());
    }
    return accounts.size();
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
    if (s.expired(time, ctx, TemplateText.WINDOW_MILLIS)) {
      s.nodes.clear(); // and the state goes (isEmpty), its hourly counts with it
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.nodes.isEmpty() && !s.pending();
  }
}
