package io.brushguard.flink;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import io.brushguard.event.Like;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A test-only multi-stage detector that leans on everything the dataflow must get right across
 * keys: three stages keyed by three different things, facts that arrive before and after the event
 * they join with, facts and events of equal time, expiry by wake-up, and signals raised and then
 * withdrawn.
 *
 * <pre>
 * review, like ─► {@link ReviewAuthor} (by review) ─LikeOnAuthor─► {@link Admired} (by author)
 *                                                                     │ Signal ADMIRED
 *                                            order ─► {@link AdmirerOrders} (by liker) ◄─Admirer
 *                                                       │ Signal ADMIRER_ORDER
 * </pre>
 */
final class LikeChain {
  private LikeChain() {}

  static List<Stage<?>> stages() {
    return List.of(new ReviewAuthor(), new Admired(), new AdmirerOrders());
  }

  /** A like joined with the author of the liked review. */
  record LikeOnAuthor(String liker, String author, String review, long likedAt) implements Fact {}

  /** An account that liked the author's reviews. */
  record Admirer(String liker, String author) implements Fact {}

  /**
   * Keyed by review: joins likes with the review's author. A like that comes before its review
   * waits (at most 20 per review); the author is forgotten 30 minutes after the review, and waiting
   * likes then too.
   */
  static final class ReviewAuthor implements Stage<ReviewAuthor.State> {
    static final long KEEP = 30 * 60_000L;

    static final class State {
      String author;
      long expires = Long.MIN_VALUE;
      final ArrayList<String> waiting = new ArrayList<>();
      final ArrayList<Long> waitingAt = new ArrayList<>();
    }

    @Override
    public String name() {
      return "review-author";
    }

    @Override
    public Wiring wiring() {
      return Wiring.events(EventType.REVIEW, EventType.LIKE).produces(LikeOnAuthor.class);
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
        s.author = r.account();
        for (int i = 0; i < s.waiting.size(); i++) {
          ctx.emit(new LikeOnAuthor(s.waiting.get(i), s.author, ctx.key(), s.waitingAt.get(i)));
        }
        s.waiting.clear();
        s.waitingAt.clear();
      } else if (s.author != null) {
        ctx.emit(new LikeOnAuthor(((Like) event).account(), s.author, ctx.key(), event.ts()));
      } else if (s.waiting.size() < 20) {
        s.waiting.add(((Like) event).account());
        s.waitingAt.add(event.ts());
      }
      s.expires = event.ts() + KEEP;
      ctx.wakeAt(s.expires);
    }

    @Override
    public void onWake(State s, long time, Context ctx) {
      if (time >= s.expires) {
        s.author = null;
        s.waiting.clear();
        s.waitingAt.clear();
      }
    }

    @Override
    public boolean isEmpty(State s) {
      return s.author == null && s.waiting.isEmpty();
    }
  }

  /**
   * Keyed by author: the distinct accounts that liked the author's reviews in the last hour. With
   * two or more the author is signalled, withdrawn when they expire; each new liker is announced to
   * its own key as an {@link Admirer}.
   */
  static final class Admired implements Stage<Admired.State> {
    static final long WINDOW = 60 * 60_000L;

    static final class State {
      final TreeMap<String, Long> likers = new TreeMap<>();
      boolean signalled;
    }

    @Override
    public String name() {
      return "admired";
    }

    @Override
    public Wiring wiring() {
      return new Wiring(
          java.util.Set.of(),
          java.util.Set.of(LikeOnAuthor.class),
          java.util.Set.of(Signal.class, Admirer.class));
    }

    @Override
    public String keyOf(Fact fact) {
      return ((LikeOnAuthor) fact).author();
    }

    @Override
    public State newState() {
      return new State();
    }

    @Override
    public void onFact(State s, Fact fact, Context ctx) {
      LikeOnAuthor like = (LikeOnAuthor) fact;
      if (like.liker().equals(like.author())) {
        return;
      }
      if (s.likers.put(like.liker(), ctx.now()) == null) {
        ctx.emit(new Admirer(like.liker(), like.author()));
      }
      ctx.wakeAt(ctx.now() + WINDOW);
      judge(s, ctx);
    }

    @Override
    public void onWake(State s, long time, Context ctx) {
      s.likers.values().removeIf(t -> t <= time - WINDOW);
      judge(s, ctx);
    }

    private static void judge(State s, Context ctx) {
      int n = s.likers.size();
      if (n >= 2) {
        s.signalled = true;
        ctx.emit(
            new Signal(
                EntityKind.ACCOUNT,
                ctx.key(),
                "ADMIRED",
                "admired/" + ctx.key(),
                Math.min(0.9, 0.3 * n),
                ctx.now(),
                n + " accounts liked this author within an hour: " + s.likers.keySet()));
      } else if (s.signalled) {
        s.signalled = false;
        ctx.emit(
            new Signal(
                EntityKind.ACCOUNT,
                ctx.key(),
                "ADMIRED",
                "admired/" + ctx.key(),
                0,
                ctx.now(),
                null));
      }
    }

    @Override
    public boolean isEmpty(State s) {
      return s.likers.isEmpty() && !s.signalled;
    }
  }

  /**
   * Keyed by liker: orders placed within 20 minutes after the account became someone's admirer are
   * signalled; an order at the same time as the fact counts (events come first at one time, so it
   * does not: the runtimes must agree on that too).
   */
  static final class AdmirerOrders implements Stage<AdmirerOrders.State> {
    static final long WITHIN = 20 * 60_000L;

    static final class State {
      final ArrayDeque<Long> admiredAt = new ArrayDeque<>();
      final ArrayDeque<String> authors = new ArrayDeque<>();
    }

    @Override
    public String name() {
      return "admirer-orders";
    }

    @Override
    public Wiring wiring() {
      return Wiring.events(EventType.ORDER).consumes(Admirer.class).produces(Signal.class);
    }

    @Override
    public String keyOf(Event event) {
      return ((Order) event).account();
    }

    @Override
    public String keyOf(Fact fact) {
      return ((Admirer) fact).liker();
    }

    @Override
    public State newState() {
      return new State();
    }

    @Override
    public void onFact(State s, Fact fact, Context ctx) {
      s.admiredAt.addLast(ctx.now());
      s.authors.addLast(((Admirer) fact).author());
      ctx.wakeAt(ctx.now() + WITHIN);
    }

    @Override
    public void onEvent(State s, Event event, Context ctx) {
      if (s.admiredAt.isEmpty()) {
        return;
      }
      Order o = (Order) event;
      ctx.emit(
          new Signal(
              EntityKind.ORDER,
              o.order(),
              "ADMIRER_ORDER",
              "admirer-orders/" + ctx.key(),
              0.92, // intercepted: the shop's corrected sales leave it out
              ctx.now(),
              "placed by an admirer of " + s.authors));
    }

    @Override
    public void onWake(State s, long time, Context ctx) {
      while (!s.admiredAt.isEmpty() && s.admiredAt.peekFirst() <= time - WITHIN) {
        s.admiredAt.pollFirst();
        s.authors.pollFirst();
      }
    }

    @Override
    public boolean isEmpty(State s) {
      return s.admiredAt.isEmpty();
    }
  }
}
