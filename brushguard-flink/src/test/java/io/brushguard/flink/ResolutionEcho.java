package io.brushguard.flink;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import io.brushguard.resolve.LikeLinked;
import io.brushguard.resolve.Linked;
import io.brushguard.resolve.MerchantPayer;
import io.brushguard.resolve.OrderLinked;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test subscriber to every entity-resolution fact, so that the resolution stages run in the
 * equivalence and savepoint tests: it turns what it hears into weak signals whose strength grows
 * with what was resolved (tokens per account, parts per order, likes given, a shop's payment
 * accounts), so both runtimes must resolve exactly alike for the scores to agree.
 */
final class ResolutionEcho implements Stage<TreeSet<String>> {
  @Override
  public String name() {
    return "resolution-echo";
  }

  @Override
  public Wiring wiring() {
    return new Wiring(
        Set.of(),
        Set.of(Linked.class, OrderLinked.class, LikeLinked.class, MerchantPayer.class),
        Set.of(Signal.class));
  }

  @Override
  public String keyOf(Fact fact) {
    if (fact instanceof Linked l) {
      return "account:" + l.account();
    } else if (fact instanceof OrderLinked o) {
      return "order:" + o.order();
    } else if (fact instanceof LikeLinked l) {
      return "liker:" + l.liker();
    }
    return "shop:" + ((MerchantPayer) fact).shop();
  }

  @Override
  public TreeSet<String> newState() {
    return new TreeSet<>();
  }

  @Override
  public void onFact(TreeSet<String> seen, Fact fact, Context ctx) {
    String id = ctx.key().substring(ctx.key().indexOf(':') + 1);
    if (fact instanceof Linked l) {
      seen.add(l.kind().wire() + "=" + l.token() + (l.fanout() > 2 ? "(shared)" : ""));
      emit(EntityKind.ACCOUNT, id, "TOKENS", seen, ctx);
    } else if (fact instanceof OrderLinked o) {
      seen.add(o.part() + "=" + o.ref() + " of " + o.buyer() + " at " + o.shop());
      emit(EntityKind.ORDER, id, "PARTS", seen, ctx);
    } else if (fact instanceof LikeLinked l) {
      seen.add(l.review() + " by " + l.author() + " at " + l.shop() + " rated " + l.rating());
      emit(EntityKind.ACCOUNT, id, "LIKES_GIVEN", seen, ctx);
    } else {
      seen.add(((MerchantPayer) fact).payer());
      emit(EntityKind.SHOP, id, "MERCHANT_PAYERS", seen, ctx);
    }
  }

  private static void emit(
      EntityKind kind, String id, String code, TreeSet<String> seen, Context ctx) {
    double strength = Math.min(0.45, 0.05 * seen.size());
    ctx.emit(
        new Signal(
            kind, id, code, "resolution-echo/" + ctx.key(), strength, ctx.now(), seen.toString()));
  }

  @Override
  public boolean isEmpty(TreeSet<String> seen) {
    return false;
  }
}
