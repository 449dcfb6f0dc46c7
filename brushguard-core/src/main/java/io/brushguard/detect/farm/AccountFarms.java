package io.brushguard.detect.farm;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Account farms (群控 "small accounts"): accounts that are one operator, found at registration,
 * before they act.
 *
 * <p><b>How the fraud works.</b> A group-control operator registers dozens of accounts in a
 * sitting: from a rack of a few phones, through a few proxies, on a block of virtual-operator
 * numbers bought in sequence, under a handful of bought or stolen identities. Each account alone is
 * ordinary; what they share is the sitting and its tools.
 *
 * <p><b>Design.</b> One union-find over the registrations of the last {@code windowMillis} (7
 * days). Four kinds of token tie two registrations: the device, the IP, the identity hash, and the
 * phone's block of a hundred (its number without the last two digits: sequential numbers fall into
 * one or two blocks; random ones almost never share one). A new registration is tied, through a
 * token, to the registrations of the last {@code burstMillis} (2 hours) with the same token, but
 * only when those make at least half of the token's registrations in the window: the token's weight
 * is the share of its registrations that came in this burst. A carrier NAT address or a campus
 * Wi-Fi that strangers register through all week weighs little and ties nothing; a device that
 * forty accounts registered on within the hour weighs one. A token with more than {@value
 * #MAX_FANOUT} registrations in the window is saturated and ties nothing (its list stops growing).
 *
 * <p>A linked group is a <b>farm</b> when it has at least {@value #MIN_SIZE} accounts and at least
 * two kinds of token are <i>concentrated</i> in it (the accounts that carry the kind share on
 * average at least {@value #PER_TOKEN} per token, and carry it in at least half the group), one of
 * them the device or the identity: the tools of one operator. A sign-up drive (a campus roadshow, a
 * carrier's SIM promotion) bursts too, and may share a venue's IP and a box of sequential SIMs, but
 * each person registers on their own phone with their own identity. A family shares a device but is
 * a handful.
 *
 * <p><b>Signals</b> (code {@value #CODE}, on each account of the farm, once, with the farm's id:
 * its earliest account): {@value #TWO_KINDS} with two concentrated kinds, {@value #MORE_KINDS} with
 * three or four. The detail gives the farm's size, registration span and per kind the accounts and
 * distinct tokens.
 *
 * <p>Tokens of different kinds never tie (one map per kind), so a device id equal to an IP string
 * is not a shared token.
 *
 * <p><b>Key, window, memory.</b> One key ({@value #KEY}): the registrations of the whole platform
 * are a small share of its events (the simulator's markets: 0.4% of the buyer base a day), so one
 * subtask keeps them. Only buyer registrations ({@code account} events with role buyer) are read.
 * Ties are only ever made within the window. Once at least half the registrations kept have left
 * the window (checked at most every {@value #REBUILD_EVERY_HOURS} hours of event time), they are
 * dropped and the union-find is rebuilt from the rest (ties replayed in order), so an expired
 * account stops bridging two groups; until then it may (for at most about another window), and the
 * state holds at most about two windows of registrations: amortised, a rebuild costs O(1) per
 * registration. Space per registration kept: about 250 bytes (the record with its four token
 * strings shared with the event, four slots in token lists, three ints of union-find) plus about
 * 100 bytes per distinct token: 7 days of a platform registering 100,000 accounts a day take about
 * 250 MB.
 *
 * <p>References: Alibaba security's reports on group-control (群控) farms and virtual-operator
 * numbers (170/171); Xu et al., "Uncovering Large Groups of Active Malicious Accounts in Online
 * Social Networks" (SynchroTrap, CCS 2014: accounts acting in lockstep); Cao et al., "Aiding the
 * Detection of Fake Accounts in Large Scale Social Online Services" (SybilRank, NSDI 2012); the
 * IDF-like token weight follows Sparck Jones (1972).
 */
public final class AccountFarms implements Stage<AccountFarms.State> {
  public static final String NAME = "account-farms";
  public static final String CODE = "ACCOUNT_FARM";
  static final String KEY = "all";
  static final int MAX_FANOUT = 256;
  static final int MIN_SIZE = 8;
  static final int PER_TOKEN = 3;
  static final double TWO_KINDS = 0.6;
  static final double MORE_KINDS = 0.8;
  static final int REBUILD_EVERY_HOURS = 6;
  static final int KINDS = 4;
  private static final String[] KIND_NAMES = {"device", "IP", "identity", "phone block"};
  private static final String[] KIND_PLURALS = {"devices", "IPs", "identities", "phone blocks"};
  private static final long HOUR = 3_600_000L;

  private static final Wiring WIRING = Wiring.events(EventType.ACCOUNT).produces(Signal.class);

  private final long windowMillis;
  private final long burstMillis;

  /**
   * @param windowMillis how long a registration is kept
   * @param burstMillis how close in time two registrations on one token must be to tie
   */
  public AccountFarms(long windowMillis, long burstMillis) {
    if (burstMillis <= 0 || windowMillis < burstMillis) {
      throw new IllegalArgumentException(
          "farm window must be at least the burst, and the burst positive: "
              + windowMillis
              + ", "
              + burstMillis);
    }
    this.windowMillis = windowMillis;
    this.burstMillis = burstMillis;
  }

  /** The defaults: a window of 7 days, bursts of 2 hours. */
  public static AccountFarms standard() {
    return new AccountFarms(7 * 24 * HOUR, 2 * HOUR);
  }

  /** One registration. */
  static final class Reg {
    final String account;
    final long ts;
    final String[] tokens; // per kind, or null
    double flagged;

    Reg(String account, long ts, String[] tokens) {
      this.account = account;
      this.ts = ts;
      this.tokens = tokens;
    }
  }

  /**
   * The registrations of the window in time order, their union-find (parent, size, and a circular
   * list of each group's members through {@code next}), and per token the indices of its
   * registrations. Arrays and index lists only, no object cycles: it checkpoints as it is.
   */
  public static final class State {
    final List<Reg> regs = new ArrayList<>();
    int[] parent = new int[16];
    int[] size = new int[16];
    int[] next = new int[16];

    /** Per kind, token → [count, i0, i1, ...]: four maps, so a token needs no prefix. */
    final List<Map<String, int[]>> byToken = List.of(map(), map(), map(), map());

    private static Map<String, int[]> map() {
      return new HashMap<>();
    }

    long rebuiltAt = Long.MIN_VALUE;
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
    Account a = (Account) event;
    return a.role() == Account.Role.BUYER ? KEY : null;
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    Account a = (Account) event;
    long now = ctx.now();
    if (s.rebuiltAt == Long.MIN_VALUE) {
      s.rebuiltAt = now;
    } else if (now - s.rebuiltAt >= REBUILD_EVERY_HOURS * HOUR) {
      rebuild(s, now);
    }
    Reg r = new Reg(a.account(), now, tokens(a));
    int i = add(s, r);
    int root = find(s, i);
    if (s.size[root] >= MIN_SIZE) {
      judge(s, root, ctx);
    }
  }

  static String[] tokens(Account a) {
    String[] t = new String[KINDS];
    t[0] = present(a.device());
    t[1] = present(a.ip());
    t[2] = present(a.identity());
    t[3] = phoneBlock(a.phone());
    return t;
  }

  private static String present(String token) {
    return token == null || token.isEmpty() ? null : token;
  }

  /**
   * The phone's block of a hundred: its digits without the last two, or null when it has fewer than
   * 7 digits (a hash, a short code: no sequence to see). Anything but digits is ignored.
   */
  static String phoneBlock(String phone) {
    if (phone == null) {
      return null;
    }
    boolean digits = phone.length() >= 7;
    for (int k = 0; k < phone.length() && digits; k++) {
      digits = phone.charAt(k) >= '0' && phone.charAt(k) <= '9';
    }
    if (digits) {
      return phone.substring(0, phone.length() - 2); // the usual case: no copy of the digits first
    }
    StringBuilder b = new StringBuilder(phone.length());
    for (int k = 0; k < phone.length(); k++) {
      char c = phone.charAt(k);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.length() < 7 ? null : b.substring(0, b.length() - 2);
  }

  /** Appends a registration and ties it; returns its index. */
  private int add(State s, Reg r) {
    int i = s.regs.size();
    s.regs.add(r);
    if (i == s.parent.length) {
      int n = 2 * i;
      s.parent = Arrays.copyOf(s.parent, n);
      s.size = Arrays.copyOf(s.size, n);
      s.next = Arrays.copyOf(s.next, n);
    }
    s.parent[i] = i;
    s.size[i] = 1;
    s.next[i] = i;
    for (int k = 0; k < KINDS; k++) {
      String t = r.tokens[k];
      if (t != null) {
        tie(s, s.byToken.get(k), i, r.ts, t);
      }
    }
    return i;
  }

  /**
   * Ties registration {@code i} to those of the burst on token {@code t}, when the burst holds at
   * least half of the token's registrations in the window (itself counted), then lists it.
   */
  private void tie(State s, Map<String, int[]> tokens, int i, long ts, String t) {
    int[] list = tokens.get(t);
    if (list == null) {
      list = new int[] {0, 0, 0, 0};
      tokens.put(t, list);
    }
    int count = list[0];
    if (count >= MAX_FANOUT) {
      return; // saturated: a public token
    }
    int inBurst = 0;
    int live = 0;
    for (int k = count; k >= 1; k--) {
      Reg o = s.regs.get(list[k]);
      if (ts - o.ts > windowMillis) {
        break;
      }
      live++;
      if (ts - o.ts <= burstMillis) {
        inBurst++;
      }
    }
    if (inBurst > 0 && 2 * (inBurst + 1) >= live + 1) {
      for (int k = count; k > count - inBurst; k--) {
        union(s, i, list[k]);
      }
    }
    if (count + 1 == list.length) {
      list = Arrays.copyOf(list, Math.min(MAX_FANOUT + 1, 2 * list.length));
      tokens.put(t, list);
    }
    list[++count] = i;
    list[0] = count;
  }

  private static int find(State s, int i) {
    while (s.parent[i] != i) {
      s.parent[i] = s.parent[s.parent[i]];
      i = s.parent[i];
    }
    return i;
  }

  private static void union(State s, int a, int b) {
    int ra = find(s, a);
    int rb = find(s, b);
    if (ra == rb) {
      return;
    }
    if (s.size[ra] < s.size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    s.parent[rb] = ra;
    s.size[ra] += s.size[rb];
    int na = s.next[ra]; // splice the two circular member lists
    s.next[ra] = s.next[rb];
    s.next[rb] = na;
  }

  /** Judges the group of {@code root}, and signals its accounts not yet signalled as strongly. */
  private void judge(State s, int root, Context ctx) {
    int n = s.size[root];
    int[] carriers = new int[KINDS];
    List<Set<String>> distinct = new ArrayList<>(KINDS);
    for (int k = 0; k < KINDS; k++) {
      distinct.add(new HashSet<>());
    }
    Reg earliest = null;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    int i = root;
    do {
      Reg r = s.regs.get(i);
      for (int k = 0; k < KINDS; k++) {
        if (r.tokens[k] != null) {
          carriers[k]++;
          distinct.get(k).add(r.tokens[k]);
        }
      }
      if (r.ts < first || (r.ts == first && r.account.compareTo(earliest.account) < 0)) {
        earliest = r;
        first = r.ts;
      }
      last = Math.max(last, r.ts);
      i = s.next[i];
    } while (i != root);
    int kinds = 0;
    boolean tools = false;
    StringBuilder shared = new StringBuilder();
    for (int k = 0; k < KINDS; k++) {
      int d = distinct.get(k).size();
      if (2 * carriers[k] >= n && d > 0 && carriers[k] >= PER_TOKEN * d) {
        kinds++;
        tools |= k == 0 || k == 2;
        shared.append(shared.length() == 0 ? "" : ", ").append(carriers[k]).append(" accounts on ");
        shared.append(d).append(' ').append(d == 1 ? KIND_NAMES[k] : KIND_PLURALS[k]);
      }
    }
    if (kinds < 2 || !tools) {
      return;
    }
    double strength = kinds == 2 ? TWO_KINDS : MORE_KINDS;
    String detail =
        "farm F-"
            + earliest.account
            + ": "
            + n
            + " accounts registered within "
            + (last - first) / 60_000
            + " minutes, "
            + shared;
    String origin = NAME + "/F-" + earliest.account;
    i = root;
    do {
      Reg r = s.regs.get(i);
      if (r.flagged < strength) {
        r.flagged = strength;
        ctx.emit(
            new Signal(EntityKind.ACCOUNT, r.account, CODE, origin, strength, ctx.now(), detail));
      }
      i = s.next[i];
    } while (i != root);
  }

  /** Drops the registrations older than the window and replays the ties of the rest, in order. */
  private void rebuild(State s, long now) {
    s.rebuiltAt = now;
    int from = 0;
    while (from < s.regs.size() && now - s.regs.get(from).ts > windowMillis) {
      from++;
    }
    if (2 * from < s.regs.size()) {
      return; // fewer than half have left the window: not worth a rebuild yet (amortised O(1))
    }
    List<Reg> kept = new ArrayList<>(s.regs.subList(from, s.regs.size()));
    s.regs.clear();
    s.byToken.forEach(Map::clear);
    for (Reg r : kept) {
      add(s, r);
    }
  }

  /** The one key's state is the window: empty once every registration has left it. */
  @Override
  public boolean isEmpty(State s) {
    return s.regs.isEmpty();
  }
}
