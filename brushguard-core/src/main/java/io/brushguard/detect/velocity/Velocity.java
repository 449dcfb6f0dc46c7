package io.brushguard.detect.velocity;

import io.brushguard.flow.Stage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * VELOCITY: high-frequency ordering, reviewing and liking, as group-control rings, like farms and
 * insider-subsidy crews produce it, and as carrier NAT addresses, dorms, family tablets and loyal
 * reorderers do not.
 *
 * <p><b>How the fraud works.</b> A ring's operator drives dozens of accounts from a few phones
 * behind a few proxies; on his signal most of them order one item (or review one shop, or like one
 * review) within minutes. He rotates accounts and addresses, not his target. An insider's crew of a
 * few buyers on one or two phones places order after order for hours. What separates this from the
 * look-alikes is not "many accounts on one token": a carrier address hides hundreds of strangers, a
 * dorm ships to one building, a family shares a tablet. It is <em>many accounts behind one token
 * acting on the same target within minutes</em>, while strangers act on unrelated targets, and a
 * token's rate far above its own history.
 *
 * <p><b>Three tests</b>, each with a stated false-alarm rate or a stated population bound:
 *
 * <ol>
 *   <li><b>Lockstep</b> ({@link TokenVelocity}, per device, IP, IP prefix, address, payment
 *       account): {@code c} distinct accounts behind the token act on one target (an item for
 *       orders, a shop for reviews, a review for likes) within {@link Config#lockstepMillis}, while
 *       {@code n} distinct accounts are active behind it. Under the null (each of the others hits
 *       this target independently with probability at most {@code q}, a generous population bound
 *       that covers a flash sale drawing a large share of traffic to one item) the count of others
 *       on the target is Poisson with mean {@code (n - 1) q}; the test fires when {@code P(X ≥ c -
 *       1) < α}. A NAT address with 40 active strangers needs 9 of them on one item for what 5 of 5
 *       behind a ring's phone show.
 *   <li><b>Burst</b> ({@link TokenVelocity}, per account, device, payment account: tokens of one
 *       person or household): the orders (likes) in the last {@link Config#burstOrderMillis}
 *       ({@link Config#burstLikeMillis}) against the token's own rate, learned with exponential
 *       decay (half-life {@link Config#halfLifeMillis}) over what left the window, shrunk to a
 *       population prior (a gamma prior worth {@link Config#priorDays} of exposure at {@link
 *       Config#priorOrdersPerDay}), times the day-night peak factor {@link Config#peak}. Fires when
 *       the Poisson tail is below {@link Config#burstAlpha}.
 *   <li><b>Linked crowd</b> ({@link TargetVelocity}, per item, shop, review): the accounts acting
 *       on one target within the window, joined when they share a device or a payment account
 *       (never an IP or an address alone, which strangers share); fires when one component holds at
 *       least {@link Config#linkedAccounts} accounts. A household shares a tablet among two to
 *       four; a ring that spreads thinly over ten phones still forms one component on its target.
 *       If devices and payment accounts do not join enough, IPs join too, and the component counts
 *       only with at least two accounts per device ({@code TargetVelocity.FEW_DEVICES}): a rack
 *       behind proxies, not strangers behind a carrier's address, who come on their own phones.
 * </ol>
 *
 * <p><b>Follow-ups.</b> A review liked by a linked crowd was planted: it, its order and its author
 * are signalled ({@link TargetVelocity}, keyed by review). An account whose order was flagged in a
 * wave ({@link Wave}) has its reviews at that shop and its likes in the next 30 days signalled
 * ({@link Followup}): the ring's reviews in the same hour and its likes on each other's reviews.
 *
 * <p><b>Signals</b> (code {@value #CODE}): every order, review and like in the lockstep cluster,
 * burst or linked component, and its accounts. Lockstep behind an IP, an IP prefix or an address is
 * weak ({@value #WEAK}): strangers share those. Lockstep behind a device or a payment account, and
 * linked crowds, are self-sufficient evidence: 0.55 at the threshold, rising 0.05 per decade of the
 * tail below {@code α} (linked crowds 0.03 per account above the threshold), at most 0.85. A burst
 * on a device or payment account of two or more accounts is self-sufficient too; a burst of one
 * account alone (a shopping spree happens) is weak, {@value #WEAK}.
 *
 * <p><b>Window and memory.</b> Per token or target with actions in its window (10 minutes to 3
 * hours): about 130 bytes (the state, its window object, the history) and 40 to 80 bytes in its
 * partition's table, plus about 40 bytes per action held (a timestamp, two bytes, seven references
 * to the events' own strings), at most {@link Config#cap} actions. A token keeps its history (two
 * decayed counts) after its window empties only while its own rate is above the prior, and forgets
 * it {@link Config#idleMillis} after its last action; a token at or below the prior with an empty
 * window is forgotten. What is forgotten goes at the token's next action or at the latest at its
 * partition's next sweep, an hour of event time later. {@link Followup}: about 100 bytes per
 * account flagged in a wave, for 30 days; a review waiting for likes ({@link TargetVelocity}): its
 * state and the review, for two days.
 *
 * <p><b>References.</b> Group control (群控) and like farms as described in DESIGN.md; the Poisson
 * tail against a shrunk rate follows the usual count-anomaly tests (e.g. Kulldorff's scan
 * statistic, and the gamma-Poisson empirical-Bayes rate).
 */
public final class Velocity {
  public static final String CODE = "VELOCITY";
  static final double WEAK = 0.25;
  static final double BASE = 0.55;
  static final double CAP = 0.85;

  private Velocity() {}

  /**
   * Settings of the velocity stages.
   *
   * @param lockstepMillis window of the lockstep and linked-crowd tests for orders (reviews and
   *     likes use six times it: a ring's reviews come within the hour)
   * @param sameTarget q: the chance, at most, that another account behind a token acts on the same
   *     target by chance within the window (population bound)
   * @param alpha false-alarm rate of one lockstep test
   * @param burstOrderMillis window of the burst test for orders
   * @param burstLikeMillis window of the burst test for likes
   * @param burstAlpha false-alarm rate of one burst test
   * @param priorOrdersPerDay population prior: the orders (and likes) a day of a busy household
   * @param priorDays how much exposure the prior is worth
   * @param peak how far the day-night cycle lifts an hour above the mean
   * @param halfLifeMillis half-life of a token's own history
   * @param linkedAccounts accounts in one linked component on one target that fire the crowd test
   * @param cap actions held per key
   * @param idleMillis how long a token's history is kept after its last action
   */
  public record Config(
      long lockstepMillis,
      double sameTarget,
      double alpha,
      long burstOrderMillis,
      long burstLikeMillis,
      double burstAlpha,
      double priorOrdersPerDay,
      double priorDays,
      double peak,
      long halfLifeMillis,
      int linkedAccounts,
      int cap,
      long idleMillis) {
    public static final Config DEFAULT =
        new Config(
            Duration.ofMinutes(10).toMillis(),
            0.02,
            1e-5,
            Duration.ofHours(3).toMillis(),
            Duration.ofHours(1).toMillis(),
            1e-7,
            2,
            1,
            3,
            Duration.ofDays(7).toMillis(),
            5,
            128,
            Duration.ofDays(30).toMillis());

    public Config {
      if (lockstepMillis <= 0 || burstOrderMillis <= 0 || burstLikeMillis <= 0) {
        throw new IllegalArgumentException("velocity: windows must be positive");
      }
      if (!(sameTarget > 0 && sameTarget < 1) || !(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("velocity: same-target chance and alpha in (0, 1)");
      }
      if (!(burstAlpha > 0 && burstAlpha < 1) || !(priorOrdersPerDay > 0) || !(priorDays > 0)) {
        throw new IllegalArgumentException("velocity: burst alpha in (0, 1), positive prior");
      }
      if (!(peak >= 1) || halfLifeMillis <= 0 || linkedAccounts < 2 || cap < 8) {
        throw new IllegalArgumentException("velocity: peak >= 1, linked >= 2, cap >= 8");
      }
      if (idleMillis <= 0) {
        throw new IllegalArgumentException("velocity: idle must be positive");
      }
    }

    long reviewWindow() {
      return 6 * lockstepMillis;
    }

    /** The longest window any test looks back. */
    long longest() {
      return Math.max(reviewWindow(), Math.max(burstOrderMillis, burstLikeMillis));
    }
  }

  /**
   * The standard velocity stages: the device's lockstep and burst, the three linked-crowd stages
   * and the follow-up. Every stage is a hop of the dataflow for each event it reads (a few hundred
   * nanoseconds with its wake-ups), so the standard set keeps to the stages whose signals decide on
   * their own: the crowds already cover lockstep behind a payment account, and the lockstep behind
   * an IP, a prefix or an address and the one-account burst are weak. {@link #everyStage} adds
   * those for a platform that can afford them.
   */
  public static List<Stage<?>> stages(Config config) {
    List<Stage<?>> stages = new ArrayList<>();
    stages.add(new TokenVelocity(VelocityToken.DEVICE_ORDERS_LIKES, config));
    stages.add(new TargetVelocity(TargetVelocity.Target.ITEM, config));
    stages.add(new TargetVelocity(TargetVelocity.Target.SHOP, config));
    stages.add(new TargetVelocity(TargetVelocity.Target.REVIEW, config));
    stages.add(new Followup());
    return stages;
  }

  /** Every velocity stage: one per token kind, one per target kind, the follow-up. */
  public static List<Stage<?>> everyStage(Config config) {
    List<Stage<?>> stages = new ArrayList<>();
    for (VelocityToken token : VelocityToken.values()) {
      if (token != VelocityToken.DEVICE_ORDERS_LIKES) {
        stages.add(new TokenVelocity(token, config));
      }
    }
    for (TargetVelocity.Target target : TargetVelocity.Target.values()) {
      stages.add(new TargetVelocity(target, config));
    }
    stages.add(new Followup());
    return stages;
  }

  /** A self-sufficient strength from a tail {@code p} below {@code alpha}. */
  static double strength(double p, double alpha) {
    double decades = p <= 0 ? 10 : Math.log10(alpha / p);
    double s = BASE + 0.05 * Math.max(0, decades);
    return Math.min(CAP, Math.round(s * 1000) / 1000.0);
  }

  /** A tail for evidence, two significant digits. */
  static String tail(double p) {
    return p < 1e-300 ? "<1e-300" : String.format(java.util.Locale.ROOT, "%.1e", p);
  }
}
