package io.brushguard.resolve;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Review;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entity resolution of review ↔ likes, keyed by review: a {@link LikeLinked} for each account that
 * likes a review, once per account, whether the like comes before or after the review (likes wait
 * for their review).
 *
 * <p><b>Bounds.</b> Per review at most {@value #MAX_LIKERS} distinct likers are announced (a
 * genuinely popular review has more; the like-farm detector needs the first waves, and the count of
 * the rest is kept) and at most {@value #MAX_LIKERS} likes wait for an unknown review. A review is
 * forgotten {@code retention} of event time after its last input.
 *
 * <p><b>Space.</b> Per review: about 90 bytes, plus about 40 bytes of arrays and 8 bytes per liker
 * kept once it has a like (the account strings are shared with the events).
 */
public final class ReviewLikes implements Stage<ReviewLikes.State> {
  public static final String NAME = "review-likes";
  static final int MAX_LIKERS = 256;
  private static final Wiring WIRING =
      Wiring.events(EventType.REVIEW, EventType.LIKE).produces(LikeLinked.class);

  private final long retentionMillis;

  public ReviewLikes(long retentionMillis) {
    this.retentionMillis = retentionMillis;
  }

  /** One review, its likers, and the likes waiting for it. */
  public static final class State extends Expiring {
    String author;
    String shop;
    int rating;
    // the distinct likers, in order; null until the first like
    String[] likers;
    int[] hashes; // String.hashCode() of each liker, compared before the string
    int size;
    List<Like> waiting; // likes before the review; null while none
    long more;

    /** Adds the liker unless known; false when known. */
    boolean addLiker(String account) {
      int hash = account.hashCode();
      for (int i = 0; i < size; i++) {
        if (hashes[i] == hash && likers[i].equals(account)) {
          return false;
        }
      }
      if (likers == null) {
        likers = new String[2];
        hashes = new int[2];
      } else if (size == likers.length) {
        int n = Math.min(MAX_LIKERS, 2 * size);
        likers = Arrays.copyOf(likers, n);
        hashes = Arrays.copyOf(hashes, n);
      }
      likers[size] = account;
      hashes[size++] = hash;
      return true;
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
  public String keyOf(Event e) {
    return e instanceof Review r ? r.review() : ((Like) e).review();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onEvent(State s, Event e, Context ctx) {
    if (e instanceof Review r) {
      if (s.author == null) {
        s.author = r.account();
        s.shop = r.shop();
        s.rating = r.rating();
        if (s.waiting != null) {
          for (Like l : s.waiting) {
            announce(s, l, ctx);
          }
          s.waiting = null;
        }
      }
    } else if (s.size >= MAX_LIKERS) {
      s.more++;
    } else if (s.addLiker(((Like) e).account())) {
      if (s.author != null) {
        announce(s, (Like) e, ctx);
      } else {
        if (s.waiting == null) {
          s.waiting = new ArrayList<>(2);
        }
        s.waiting.add((Like) e);
      }
    }
    s.touch(ctx, retentionMillis);
  }

  private static void announce(State s, Like l, Context ctx) {
    ctx.emit(new LikeLinked(ctx.key(), l.account(), s.author, s.shop, s.rating, l.ts()));
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, retentionMillis)) {
      s.author = null;
      s.shop = null;
      s.likers = null;
      s.hashes = null;
      s.size = 0;
      s.waiting = null;
      s.more = 0;
    }
  }

  /** Its wake-ups only forget. */
  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.author == null && s.size == 0;
  }
}
