package io.brushguard.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Login;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Review;
import io.brushguard.flow.Fact;
import io.brushguard.flow.RecordingContext;
import io.brushguard.flow.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The entity-resolution stages, driven key by key: what each relation announces, and its bounds.
 */
class ResolutionTest {
  private static final long DAY = 86_400_000L;
  private final RecordingContext ctx = new RecordingContext();

  /** Feeds events to one stage, keeping a state per key; returns what it emitted. */
  private static final class Driver<S> {
    final Stage<S> stage;
    final Map<String, S> states = new HashMap<>();
    final RecordingContext ctx;

    Driver(Stage<S> stage, RecordingContext ctx) {
      this.stage = stage;
      this.ctx = ctx;
    }

    List<Fact> event(Event e) {
      String key = stage.keyOf(e);
      if (key != null) {
        stage.onEvent(states.computeIfAbsent(key, k -> stage.newState()), e, ctx.at(key, e.ts()));
      }
      return ctx.take();
    }

    List<Fact> fact(Fact f, long t) {
      String key = stage.keyOf(f);
      if (key != null) {
        stage.onFact(states.computeIfAbsent(key, k -> stage.newState()), f, ctx.at(key, t));
      }
      return ctx.take();
    }

    void wake(String key, long t) {
      stage.onWake(states.get(key), t, ctx.at(key, t));
    }
  }

  private static Login login(String account, String device, long t) {
    return new Login(account, t, device, null);
  }

  private static Order order(String id, String account, String payer, long t) {
    return new Order(
        id, account, "s1", "i1", 990, t, 1, "CNY", null, null, null, payer, 0, null, null);
  }

  @Test
  void tokenLinks_announceEachAccountOnceAndSaturateAtTheCap() {
    Driver<TokenLinks.State> d = new Driver<>(new TokenLinks(TokenKind.DEVICE, 30 * DAY, 3), ctx);

    assertThat(d.event(login("u1", "dev", 1)))
        .containsExactly(new Linked(TokenKind.DEVICE, "dev", "u1", 1, false));
    assertThat(d.event(login("u1", "dev", 2))).as("seen again: nothing new").isEmpty();
    assertThat(d.event(login("u2", "dev", 3)))
        .containsExactly(new Linked(TokenKind.DEVICE, "dev", "u2", 2, false));
    d.event(login("u3", "dev", 4));
    assertThat(d.event(login("u4", "dev", 5)))
        .as("past the cap the least recently seen goes and the token is saturated")
        .containsExactly(new Linked(TokenKind.DEVICE, "dev", "u4", 3, true));
    assertThat(d.event(login("u1", "dev", 6)))
        .as("u1 was the least recently seen: it comes back as new")
        .containsExactly(new Linked(TokenKind.DEVICE, "dev", "u1", 3, true));
    assertThat(d.event(login("u5", null, 7))).as("no device, no link").isEmpty();
  }

  @Test
  void tokenLinks_forgetAccountsByEventTime() {
    Driver<TokenLinks.State> d = new Driver<>(new TokenLinks(TokenKind.PAYER, 10 * DAY, 64), ctx);
    d.event(new Link("u1", "p1", 0));
    d.event(order("o1", "u2", "p1", 5 * DAY));

    d.wake("p1", ctx.wakes.first());
    assertThat(d.stage.isEmpty(d.states.get("p1"))).isFalse();
    d.wake("p1", ctx.wakes.last());

    assertThat(ctx.wakes).containsExactly(10 * DAY, 15 * DAY);
    assertThat(d.stage.isEmpty(d.states.get("p1"))).isTrue();
  }

  @Test
  void merchants_announceThePayerWhicheverComesFirst() {
    Driver<Merchants.State> d = new Driver<>(new Merchants(30 * DAY), ctx);
    Account merchant = new Account("m1", 10, Account.Role.MERCHANT, "s9", null, null, null, null);
    Account buyer = new Account("u1", 10, Account.Role.BUYER, null, null, null, null, null);

    assertThat(d.fact(new Linked(TokenKind.PAYER, "pm1", "m1", 1, false), 5)).isEmpty();
    assertThat(d.event(merchant)).containsExactly(new MerchantPayer("s9", "m1", "pm1"));
    assertThat(d.fact(new Linked(TokenKind.PAYER, "pm2", "m1", 1, false), 20))
        .containsExactly(new MerchantPayer("s9", "m1", "pm2"));
    assertThat(d.event(buyer)).isEmpty();
    assertThat(d.stage.keyOf(new Linked(TokenKind.DEVICE, "d", "m1", 1, false))).isNull();
  }

  @Test
  void orderThreads_joinPartsBeforeAndAfterTheOrder_onceEach() {
    Driver<OrderThreads.State> d = new Driver<>(new OrderThreads(30 * DAY), ctx);
    Logistics scan = new Logistics("w1", "o1", Logistics.Status.PICKED_UP, 5, null, null, 0);

    assertThat(d.event(scan)).as("the order is not known yet: it waits").isEmpty();
    assertThat(d.event(order("o1", "u1", null, 10)))
        .containsExactly(
            new OrderLinked("o1", "s1", "u1", 990, 10, OrderLinked.Part.WAYBILL, "w1"));
    assertThat(d.event(scan)).as("the same waybill again").isEmpty();
    Review r = new Review("r1", "u1", "s1", 5, 30, "o1", null, "好评", List.of(), null, null);
    assertThat(d.event(r))
        .containsExactly(new OrderLinked("o1", "s1", "u1", 990, 10, OrderLinked.Part.REVIEW, "r1"));
    for (int i = 0; i < 100; i++) {
      d.event(new Logistics("w-" + i, "o1", Logistics.Status.IN_TRANSIT, 40 + i, null, null, 0));
    }
    assertThat(d.states.get("o1").size).isEqualTo(OrderThreads.MAX_PARTS);
    assertThat(d.states.get("o1").dropped).isEqualTo(2 + 100 - OrderThreads.MAX_PARTS);
  }

  @Test
  void reviewLikes_joinEachLikerOnce_likesMayComeFirst() {
    Driver<ReviewLikes.State> d = new Driver<>(new ReviewLikes(30 * DAY), ctx);

    assertThat(d.event(new Like("u7", "r1", 5, null, null))).isEmpty();
    assertThat(
            d.event(new Review("r1", "u1", "s1", 5, 10, null, null, "超赞", List.of(), null, null)))
        .containsExactly(new LikeLinked("r1", "u7", "u1", "s1", 5, 5));
    assertThat(d.event(new Like("u7", "r1", 20, null, null))).isEmpty();
    assertThat(d.event(new Like("u8", "r1", 30, null, null)))
        .containsExactly(new LikeLinked("r1", "u8", "u1", "s1", 5, 30));
  }
}
