package io.brushguard.detect.text;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.flow.Expiring;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * Accounts that paste one text at many shops: professional bad reviewers' complaints, a hired
 * account's praise for several clients.
 *
 * <p>An account's review counts when it is near-identical to an earlier review (its own or
 * another's) and its text is rare: matched by at most {@value TemplateText#CROWD} other accounts (a
 * crew, not the population). The account is flagged when such reviews stand at {@value
 * TemplateText#MIN_SHOPS} or more shops within {@link TemplateText#WINDOW_MILLIS} and it is new or
 * linked: an aged account that writes its own habitual line everywhere, or a lazy buyer's default
 * review, is not a bad reviewer. The shops are the targets and get nothing from here.
 *
 * <p>Key: the account. Space: its matched reviews of the window, at most {@value
 * TemplateText#MAX_MEMBERS}, each with at most {@value TemplateText#CROWD} + 1 other accounts
 * (about 200 bytes each); forgotten {@link TemplateText#WINDOW_MILLIS} after its last match.
 */
public final class TemplateAccounts implements Stage<TemplateAccounts.State> {
  public static final String NAME = "template-text-accounts";
  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(TextMatch.class), Set.of(Signal.class));

  /** One account's matched reviews. */
  public static final class State extends Expiring {
    final LinkedHashMap<String, Own> reviews = new LinkedHashMap<>();
    double accountEmitted;
  }

  /**
   * One of the account's reviews, whether it matches another of the account's, and the other
   * accounts whose texts match it.
   */
  static final class Own {
    final Member member;
    final Set<String> others = new HashSet<>(4);
    boolean repeated;
    double emitted;

    Own(Member member) {
      this.member = member;
    }

    /** Near-identical to another review of the account, and shared with a crew at most. */
    boolean counts() {
      return repeated && others.size() <= TemplateText.CROWD;
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
  public String keyOf(Fact fact) {
    return ((TextMatch) fact).review().account();
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
    long before = now - TemplateText.WINDOW_MILLIS;
    s.reviews.values().removeIf(o -> o.member.ts() < before);
    Own x = own(s, m.review());
    for (Neighbour nb : m.neighbours()) {
      Member n = nb.member();
      if (n.account().equals(m.review().account())) {
        own(s, n).repeated = true;
        x.repeated = true;
      } else if (x.others.size() <= TemplateText.CROWD) {
        x.others.add(n.account());
      }
    }
    if (m.warm() && (m.review().fresh() || m.review().linked())) {
      judge(s, m.review(), ctx);
    }
  }

  private static Own own(State s, Member m) {
    Own o = s.reviews.get(m.review());
    if (o == null) {
      if (s.reviews.size() >= TemplateText.MAX_MEMBERS) {
        Iterator<Own> oldest = s.reviews.values().iterator();
        oldest.next();
        oldest.remove();
      }
      o = new Own(m);
      s.reviews.put(m.review(), o);
    }
    return o;
  }

  private static void judge(State s, Member latest, Context ctx) {
    Set<String> shops = new HashSet<>();
    Set<String> others = new HashSet<>();
    int rare = 0;
    for (Own o : s.reviews.values()) {
      if (o.counts()) {
        shops.add(o.member.shop());
        others.addAll(o.others);
        rare++;
      }
    }
    if (shops.size() < TemplateText.MIN_SHOPS) {
      return;
    }
    // a crew of new accounts is strong evidence; one linked aged account less so
    double strength = latest.fresh() ? TemplateText.STRONG : TemplateText.BASE + 0.1;
    String origin = NAME + "/" + ctx.key();
    String detail = null;
    long now = ctx.now();
    for (Own o : s.reviews.values()) {
      if (!o.counts() || o.emitted >= strength) {
        continue;
      }
      if (detail == null) {
        detail = detail(s, latest, rare, shops.size(), others);
      }
      o.emitted = strength;
      ctx.emit(
          new Signal(
              EntityKind.REVIEW,
              o.member.review(),
              TemplateText.CODE,
              origin,
              strength,
              now,
              detail));
    }
    if (s.accountEmitted < strength) {
      if (detail == null) {
        detail = detail(s, latest, rare, shops.size(), others);
      }
      s.accountEmitted = strength;
      ctx.emit(
          new Signal(
              EntityKind.ACCOUNT, ctx.key(), TemplateText.CODE, origin, strength, now, detail));
    }
  }

  private static String detail(State s, Member latest, int reviews, int shops, Set<String> others) {
    StringBuilder b = new StringBuilder(160);
    b.append(reviews)
        .append(" near-identical reviews by ")
        .append(latest.fresh() ? "new" : "linked")
        .append(" account ")
        .append(latest.account())
        .append(" at ")
        .append(shops)
        .append(" shops within ")
        .append(TemplateText.WINDOW_MILLIS / TemplateText.DAY)
        .append(" days, the text shared with ")
        .append(others.size())
        .append(" other accounts; e.g. ");
    int k = 0;
    for (Own o : s.reviews.values()) {
      if (o.counts() && k < 5) {
        b.append(k++ == 0 ? "" : ", ").append(o.member.review());
      }
    }
    return b.toString();
  }

  @Override
  public void onWake(State s, long time, Context ctx) {
    if (s.expired(time, ctx, TemplateText.WINDOW_MILLIS)) {
      s.reviews.clear();
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.reviews.isEmpty() && !s.pending();
  }
}
