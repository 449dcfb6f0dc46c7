package io.brushguard.detect.likes;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group-control rings liking each other's reviews: at one shop, accounts that post fresh reviews
 * and quickly like the others' fresh reviews.
 *
 * <p><b>Test.</b> The shop's {@link QuickLike}s of the last {@value #WINDOW_MILLIS} ms form a graph
 * of liker → author. An account is <i>mutual</i> when it both wrote a review that got a quick like
 * and gave a quick like to another review of the shop in the window. The test fires when one
 * connected component holds at least {@value #MIN_MUTUAL} mutual accounts. A genuine buyer rarely
 * likes a review within two hours of it being posted (a few percent of likes), and the buyers who
 * do are readers, not the shop's other fresh reviewers; three of them liking each other within a
 * week is what an operator does, who has the ring review the shop and then like each other (a week:
 * a ring's reviews follow their deliveries, which spread over days).
 *
 * <p><b>Strength</b> {@value #BASE} at {@value #MIN_MUTUAL} mutual accounts, {@value #STEP} more
 * per mutual account beyond, at most {@value #CAP}: on the quick likes given by mutual accounts,
 * those accounts, and the reviews they liked. A ring member that liked but wrote no quick-liked
 * review joins them when it gave at least {@value #MIN_FOLLOWER_LIKES} quick likes to mutual
 * accounts' reviews of the component (a reader who happens on one of the ring's fresh reviews gives
 * one).
 *
 * <p><b>Window and memory.</b> Key: the shop. Per quick like of the last week a reference to the
 * fact (about 80 bytes with it), at most {@value #MAX_LIKES} per shop (the oldest dropped); per
 * account of the window two counts (about 100 bytes); per entity signalled while the window is
 * non-empty, an entry in a set (about 60 bytes), at most {@value #MAX_SIGNALLED}. Judging is linear
 * in the window (a union-find over its accounts), and runs only while the window holds at least
 * {@value #MIN_MUTUAL} mutual accounts. One wake-up pending per shop with quick likes.
 */
public final class LikeRings implements Stage<LikeRings.State> {
  public static final String NAME = "like-rings";
  static final long WINDOW_MILLIS = 7 * 24 * 60 * 60_000L;
  static final int MAX_LIKES = 4096;
  static final int MAX_SIGNALLED = 4096;
  static final int MIN_MUTUAL = 3;
  static final int MIN_FOLLOWER_LIKES = 2;
  static final double BASE = 0.65;
  static final double STEP = 0.05;
  static final double CAP = 0.85;
  private static final long NONE = Long.MIN_VALUE;

  /** Indices into an account's counts: quick likes it gave, quick likes its reviews got. */
  private static final int GAVE = 0;

  private static final int GOT = 1;

  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(QuickLike.class), Set.of(Signal.class));

  /** One shop's quick likes of the last week. */
  public static final class State {
    final List<QuickLike> likes = new ArrayList<>();

    /**
     * By entity kind (like, account, review), the strongest strength signalled per id: ids of two
     * kinds may be alike. Plain maps, as the Flink job's state serializer copies them.
     */
    final Map<String, Float> likesSignalled = new HashMap<>();

    final Map<String, Float> accountsSignalled = new HashMap<>();
    final Map<String, Float> reviewsSignalled = new HashMap<>();

    /**
     * Per account of the window, the quick likes it gave and those its reviews got; an account with
     * both is mutual. Their count bounds every component's, so while it is below {@value
     * #MIN_MUTUAL} no component can fire and the judging pass is skipped: at a popular shop whose
     * readers like fresh reviews, that is nearly every like.
     */
    final Map<String, int[]> roles = new HashMap<>();

    int mutualAccounts;
    int signalledCount;
    long wake = NONE;
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
  public String keyOf(Fact fact) {
    return ((QuickLike) fact).shop();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    QuickLike q = (QuickLike) fact;
    prune(s, ctx.now());
    if (s.likes.size() == MAX_LIKES) {
      forget(s, s.likes.remove(0));
    }
    s.likes.add(q);
    count(s, q.liker(), GAVE, 1);
    count(s, q.author(), GOT, 1);
    if (s.wake == NONE) {
      s.wake = q.likedAt() + WINDOW_MILLIS;
      ctx.wakeAt(s.wake);
    }
    if (s.mutualAccounts >= MIN_MUTUAL) {
      judge(s, q, ctx);
    }
  }

  private static void forget(State s, QuickLike q) {
    count(s, q.liker(), GAVE, -1);
    count(s, q.author(), GOT, -1);
  }

  private static void count(State s, String account, int role, int by) {
    int[] r = s.roles.computeIfAbsent(account, a -> new int[2]);
    boolean mutualBefore = r[GAVE] > 0 && r[GOT] > 0;
    r[role] += by;
    boolean mutualAfter = r[GAVE] > 0 && r[GOT] > 0;
    s.mutualAccounts += (mutualAfter ? 1 : 0) - (mutualBefore ? 1 : 0);
    if (r[GAVE] == 0 && r[GOT] == 0) {
      s.roles.remove(account);
    }
  }

  private static void prune(State s, long now) {
    int drop = 0;
    while (drop < s.likes.size() && s.likes.get(drop).likedAt() < now - WINDOW_MILLIS) {
      drop++;
    }
    if (drop > 0) {
      List<QuickLike> dropped = s.likes.subList(0, drop);
      for (QuickLike q : dropped) {
        forget(s, q);
      }
      dropped.clear();
    }
    if (s.likes.isEmpty()) {
      clearSignalled(s);
    }
  }

  /** Judges the component of the newest like. */
  private static void judge(State s, QuickLike newest, Context ctx) {
    Map<String, Integer> index = new HashMap<>();
    Set<String> authors = new HashSet<>();
    Set<String> likers = new HashSet<>();
    for (QuickLike q : s.likes) {
      index.putIfAbsent(q.liker(), index.size());
      index.putIfAbsent(q.author(), index.size());
      authors.add(q.author());
      likers.add(q.liker());
    }
    int[] parent = new int[index.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (QuickLike q : s.likes) {
      union(parent, index.get(q.liker()), index.get(q.author()));
    }
    int root = find(parent, index.get(newest.liker()));
    Set<String> mutual = new HashSet<>();
    for (QuickLike q : s.likes) {
      if (find(parent, index.get(q.liker())) == root && authors.contains(q.liker())) {
        mutual.add(q.liker());
      }
      if (find(parent, index.get(q.author())) == root && likers.contains(q.author())) {
        mutual.add(q.author());
      }
    }
    if (mutual.size() < MIN_MUTUAL) {
      return;
    }
    float strength = (float) Math.min(CAP, BASE + STEP * (mutual.size() - MIN_MUTUAL));
    int accounts = mutual.size();
    Map<String, Integer> onMutual = new HashMap<>();
    for (QuickLike q : s.likes) {
      if (!mutual.contains(q.liker()) && mutual.contains(q.author())) {
        onMutual.merge(q.liker(), 1, Integer::sum);
      }
    }
    Set<String> members = new HashSet<>(mutual);
    onMutual.forEach(
        (liker, n) -> {
          if (n >= MIN_FOLLOWER_LIKES && find(parent, index.get(liker)) == root) {
            members.add(liker);
          }
        });
    for (QuickLike q : s.likes) {
      if (!members.contains(q.liker()) || find(parent, index.get(q.liker())) != root) {
        continue;
      }
      signal(s, ctx, EntityKind.LIKE, q.like(), strength, accounts);
      signal(s, ctx, EntityKind.ACCOUNT, q.liker(), strength, accounts);
      signal(s, ctx, EntityKind.REVIEW, q.review(), strength, accounts);
    }
  }

  private static void signal(
      State s, Context ctx, EntityKind kind, String id, float strength, int accounts) {
    Map<String, Float> ofKind =
        switch (kind) {
          case LIKE -> s.likesSignalled;
          case ACCOUNT -> s.accountsSignalled;
          default -> s.reviewsSignalled;
        };
    Float before = ofKind.get(id);
    if (before != null && before >= strength) {
      return;
    }
    if (s.signalledCount >= MAX_SIGNALLED) {
      clearSignalled(s);
    }
    if (ofKind.put(id, strength) == null) {
      s.signalledCount++;
    }
    String origin = NAME + "/" + ctx.key(); // built only when a signal goes out
    String detail =
        accounts + " accounts reviewed shop " + ctx.key() + " and liked each other's reviews";
    ctx.emit(new Signal(kind, id, Likes.CODE, origin, strength, ctx.now(), detail));
  }

  private static void clearSignalled(State s) {
    s.likesSignalled.clear();
    s.accountsSignalled.clear();
    s.reviewsSignalled.clear();
    s.signalledCount = 0;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    prune(s, time + 1);
    if (!s.likes.isEmpty()) {
      s.wake = s.likes.get(s.likes.size() - 1).likedAt() + WINDOW_MILLIS;
      ctx.wakeAt(s.wake);
    }
  }

  /** A wake-up only forgets. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.likes.isEmpty();
  }
}
