package io.brushguard.detect.likes;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Review;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Like farms: many likers of one review within the hour who share phones.
 *
 * <p><b>Test.</b> On each like of a review, the distinct likers of the last {@value #WINDOW_MILLIS}
 * ms are grouped by device; a liker is <i>linked</i> when another liker of the window, or the
 * review's author, used the same device. Strangers do not share phones; a household shares a tablet
 * among two to four. The test fires at {@value #MIN_LINKED} linked likers: two households of that
 * size liking one review within one hour is not a thing a platform sees, while a farm of 15-60
 * accounts on 2-5 phones shows dozens. IPs and addresses never link alone: a carrier's NAT address
 * hides hundreds of strangers.
 *
 * <p><b>Strength</b> {@value #BASE} at {@value #MIN_LINKED} linked likers, {@value #STEP} more per
 * linked liker beyond, at most {@value #CAP}: on the likes and the linked accounts. The review is
 * signalled at the same strength (its likes are bought); its order and author at most {@value
 * #BUYER_CAP} (the review's author bought the likes, or a competitor could have).
 *
 * <p><b>Quick likes.</b> A like within {@value #QUICK_MILLIS} ms of its review (the review seen) is
 * handed to the shop as a {@link QuickLike} for {@link LikeRings}.
 *
 * <p><b>Window and memory.</b> Key: the review. Per review seen, its author, device, shop and order
 * (references into the review event, about 80 bytes with the state) for {@value #KEEP_MILLIS} ms
 * after it was posted; per like of the last hour a reference to the like event and a float (about
 * 60 bytes with the event), at most {@value #MAX_LIKES} (the oldest dropped). One wake-up per
 * review pending. A review with no like in the last hour and older than the keep is forgotten.
 */
public final class LikeBursts implements Stage<LikeBursts.State> {
  public static final String NAME = "like-farm";
  static final long MINUTE = 60_000L;
  static final long WINDOW_MILLIS = 60 * MINUTE;
  static final long QUICK_MILLIS = 2 * 60 * MINUTE;
  static final long KEEP_MILLIS = 7 * 24 * 60 * MINUTE;
  static final int MAX_LIKES = 256;
  static final int MIN_LINKED = 5;
  static final double BASE = 0.6;
  static final double STEP = 0.03;
  static final double CAP = 0.95;
  static final double BUYER_CAP = 0.7;
  private static final long NONE = Long.MIN_VALUE;

  private static final Wiring WIRING =
      Wiring.events(EventType.REVIEW, EventType.LIKE).produces(Signal.class, QuickLike.class);

  /**
   * What a like needs of its review: the ids and the time, not the event (whose text would be kept
   * a week with it).
   */
  record Posted(String review, String account, String shop, String order, String device, long ts) {
    static Posted of(Review r) {
      return new Posted(r.review(), r.account(), r.shop(), r.order(), r.device(), r.ts());
    }
  }

  /** One review: who wrote it, and its likes of the last hour. */
  public static final class State {
    Posted review;
    Like[] likes = new Like[0];
    float[] emitted = new float[0];
    int size;
    float reviewEmitted;
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
  public String keyOf(Event event) {
    return event instanceof Review r ? r.review() : ((Like) event).review();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event event, Context ctx) {
    if (event instanceof Review r) {
      if (s.review == null) {
        s.review = Posted.of(r);
        arm(s, ctx);
      }
      return;
    }
    Like like = (Like) event;
    long now = ctx.now();
    prune(s, now);
    if (s.review != null && like.account().equals(s.review.account())) {
      return;
    }
    for (int i = 0; i < s.size; i++) {
      if (s.likes[i].account().equals(like.account())) {
        return;
      }
    }
    add(s, like);
    arm(s, ctx);
    Posted r = s.review;
    if (r != null && now - r.ts() <= QUICK_MILLIS && now >= r.ts()) {
      ctx.emit(new QuickLike(r.shop(), r.review(), r.account(), like.account(), like.key(), now));
    }
    if (s.size >= MIN_LINKED) {
      judge(s, ctx);
    }
  }

  private static void add(State s, Like like) {
    if (s.size == MAX_LIKES) {
      System.arraycopy(s.likes, 1, s.likes, 0, s.size - 1);
      System.arraycopy(s.emitted, 1, s.emitted, 0, s.size - 1);
      s.size--;
    }
    if (s.size == s.likes.length) {
      int grown = Math.min(MAX_LIKES, Math.max(4, s.size * 2));
      s.likes = java.util.Arrays.copyOf(s.likes, grown);
      s.emitted = java.util.Arrays.copyOf(s.emitted, grown);
    }
    s.likes[s.size] = like;
    s.emitted[s.size] = 0;
    s.size++;
  }

  /** Drops the likes older than the window. */
  private static void prune(State s, long now) {
    int keep = 0;
    while (keep < s.size && s.likes[keep].ts() < now - WINDOW_MILLIS) {
      keep++;
    }
    if (keep == 0) {
      return;
    }
    int n = s.size - keep;
    System.arraycopy(s.likes, keep, s.likes, 0, n);
    System.arraycopy(s.emitted, keep, s.emitted, 0, n);
    java.util.Arrays.fill(s.likes, n, s.size, null);
    s.size = n;
    if (n == 0) {
      s.likes = new Like[0];
      s.emitted = new float[0];
    }
  }

  private static void judge(State s, Context ctx) {
    Map<String, Integer> perDevice = new HashMap<>(s.size * 2);
    String authorDevice = s.review == null ? null : s.review.device();
    for (int i = 0; i < s.size; i++) {
      String d = s.likes[i].device();
      if (d != null) {
        perDevice.merge(d, 1, Integer::sum);
      }
    }
    boolean[] linked = new boolean[s.size];
    int count = 0;
    int devices = 0;
    for (int i = 0; i < s.size; i++) {
      String d = s.likes[i].device();
      if (d != null && (perDevice.get(d) > 1 || d.equals(authorDevice))) {
        linked[i] = true;
        count++;
      }
    }
    for (int i = 0; i < s.size; i++) {
      if (linked[i] && perDevice.put(s.likes[i].device(), 0) != 0) {
        devices++;
      }
    }
    if (count < MIN_LINKED) {
      return;
    }
    Set<String> farmIps = new HashSet<>();
    for (int i = 0; i < s.size; i++) {
      if (linked[i] && s.likes[i].ip() != null) {
        farmIps.add(s.likes[i].ip());
      }
    }
    for (int i = 0; i < s.size; i++) {
      if (!linked[i] && s.likes[i].ip() != null && farmIps.contains(s.likes[i].ip())) {
        linked[i] = true;
        count++;
      }
    }
    float strength = (float) Math.min(CAP, BASE + STEP * (count - MIN_LINKED));
    String origin = NAME + "/" + ctx.key();
    long now = ctx.now();
    String detail = count + " likers within an hour on " + devices + " shared devices";
    for (int i = 0; i < s.size; i++) {
      if (linked[i] && s.emitted[i] < strength) {
        Like l = s.likes[i];
        ctx.emit(new Signal(EntityKind.LIKE, l.key(), Likes.CODE, origin, strength, now, detail));
        ctx.emit(
            new Signal(
                EntityKind.ACCOUNT,
                l.account(),
                Likes.CODE,
                origin,
                strength,
                now,
                "liked review " + ctx.key() + " with a farm: " + detail));
        s.emitted[i] = strength;
      }
    }
    if (s.reviewEmitted < strength) {
      s.reviewEmitted = strength;
      ctx.emit(
          new Signal(
              EntityKind.REVIEW,
              ctx.key(),
              Likes.CODE,
              origin,
              strength,
              now,
              "liked by a farm: " + detail));
      Posted r = s.review;
      if (r != null) {
        double buyer = Math.min(BUYER_CAP, strength);
        String why = "wrote review " + r.review() + ", liked by a farm: " + detail;
        ctx.emit(new Signal(EntityKind.ACCOUNT, r.account(), Likes.CODE, origin, buyer, now, why));
        if (r.order() != null) {
          ctx.emit(new Signal(EntityKind.ORDER, r.order(), Likes.CODE, origin, buyer, now, why));
        }
      }
    }
  }

  /** One wake-up at a time; it re-arms itself while the review or a like is still kept. */
  private static void arm(State s, Context ctx) {
    if (s.wake == NONE) {
      s.wake = due(s);
      ctx.wakeAt(s.wake);
    }
  }

  private static long due(State s) {
    long due = s.review == null ? NONE : s.review.ts() + KEEP_MILLIS;
    if (s.size > 0) {
      due = Math.max(due, s.likes[s.size - 1].ts() + WINDOW_MILLIS);
    }
    return due;
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.wake) {
      return;
    }
    s.wake = NONE;
    prune(s, time + 1);
    if (s.review != null && time >= s.review.ts() + KEEP_MILLIS) {
      s.review = null;
    }
    if (s.review != null || s.size > 0) {
      s.wake = due(s);
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
    return s.review == null && s.size == 0;
  }
}
