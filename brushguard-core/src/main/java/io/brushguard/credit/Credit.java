package io.brushguard.credit;

import java.util.ArrayList;
import java.util.List;

/**
 * The merchant credit rule: from what a shop's books and checks say, a credit of 0 to 100, a grade
 * and the penalties proposed. One published rule, the same for every shop, with every number stated
 * here (docs/detectors.md, "Merchant credit").
 *
 * <p><b>Deductions</b> (points off 100), each growing with the evidence and capped, so that no one
 * kind of evidence can ruin a shop alone:
 *
 * <ul>
 *   <li>fake orders the shop is to blame for: {@code 12 × log2(1 + n / 2)}, at most 50, where
 *       {@code n} counts each intercepted one ({@code block}) as 1 and each suspected one (in
 *       {@code review}, awaiting a person) as {@value #SUSPECTED_WEIGHT};
 *   <li>fake reviews it is to blame for: {@code 6 × log2(1 + n / 2)}, at most 20, {@code n} the
 *       same;
 *   <li>consumer reports the detections uphold: 3 each, at most 15;
 *   <li>failed third-party spot checks: 15 for a qualification check, 10 for a quality check, at
 *       most 40; each passed check takes 2 off the deductions, at most 6;
 *   <li>the shop's own finding (a detector's verdict on the shop itself) sent to review: 10.
 * </ul>
 *
 * <p><b>Recovery.</b> Deductions halve with every {@link #RECOVERY_HALF_LIFE} of clean time: event
 * time since the last change that added to them.
 *
 * <p><b>Grades and the ladder.</b> A from 90, B from 75, C from 55, D from 35, E below. Penalties
 * are proposed for a person to confirm, never imposed: {@code warning} with one kind of evidence
 * while it still costs credit (below 100), {@code demote} (in search) below 75, {@code
 * hold_settlement} below 55, {@code suspend} below 35. A penalty never follows from one signal: a
 * warning needs one kind of evidence that is itself more than one signal (fake orders or fake
 * reviews counting at least 3 as above, so at least 6 suspected ones, or 2 upheld reports), a
 * failed spot check or the shop's own finding; every step after it needs two independent kinds. The
 * warning follows the kind, not a credit threshold: a kind of evidence is what a person needs to
 * look at, whatever its points (3 intercepted fake reviews cost 8, a failed quality check or the
 * shop's own finding 10, and at "below 90" none of them proposed anything alone); once the
 * deductions have recovered away, so has the warning. A shop that buys brushing has many fakes in
 * its favour, so counting suspected ones (at half weight, and twice as many of them needed) lets a
 * person see the proposal while the fakes await review; a shop a stray suspected fake or two lands
 * on gets nothing from them.
 *
 * @param blamedOrders intercepted fake orders the shop is to blame for
 * @param blamedReviews intercepted fake reviews the shop is to blame for
 * @param suspectedOrders fake orders in {@code review} the shop would be to blame for
 * @param suspectedReviews fake reviews in {@code review} the shop would be to blame for
 * @param upheldReports consumer reports the detections uphold
 * @param failedQualification failed qualification checks
 * @param failedQuality failed quality checks
 * @param passedChecks passed checks of either kind
 * @param shopFlagged whether the shop's own finding is {@code review} or more
 */
public record Credit(
    long blamedOrders,
    long blamedReviews,
    long suspectedOrders,
    long suspectedReviews,
    long upheldReports,
    int failedQualification,
    int failedQuality,
    int passedChecks,
    boolean shopFlagged) {

  /** How long a shop's deductions take to halve when nothing new is held against it. */
  public static final long RECOVERY_HALF_LIFE = 90 * 86_400_000L;

  /** What a suspected fake (in {@code review}) counts for, against 1 for an intercepted one. */
  public static final double SUSPECTED_WEIGHT = 0.5;

  /** Fake orders held against the shop: intercepted ones, and suspected ones at their weight. */
  public double fakeOrders() {
    return blamedOrders + SUSPECTED_WEIGHT * suspectedOrders;
  }

  /** Fake reviews held against the shop: intercepted ones, and suspected ones at their weight. */
  public double fakeReviews() {
    return blamedReviews + SUSPECTED_WEIGHT * suspectedReviews;
  }

  /** Points off 100 before recovery. */
  public double deduction() {
    double d =
        Math.min(50, 12 * log2(1 + fakeOrders() / 2.0))
            + Math.min(20, 6 * log2(1 + fakeReviews() / 2.0))
            + Math.min(15, 3.0 * upheldReports)
            + Math.min(40, 15.0 * failedQualification + 10.0 * failedQuality)
            + (shopFlagged ? 10 : 0);
    return Math.max(0, d - Math.min(6, 2.0 * passedChecks));
  }

  /** The credit after {@code cleanMillis} of clean event time, 0..100. */
  public int score(long cleanMillis) {
    double recovered =
        deduction() * Math.pow(0.5, Math.max(0, cleanMillis) / (double) RECOVERY_HALF_LIFE);
    return (int) Math.max(0, Math.min(100, Math.round(100 - recovered)));
  }

  /** The grade of a credit. */
  public static String grade(int credit) {
    if (credit >= 90) {
      return "A";
    }
    if (credit >= 75) {
      return "B";
    }
    if (credit >= 55) {
      return "C";
    }
    return credit >= 35 ? "D" : "E";
  }

  /** Independent kinds of evidence held against the shop, each more than one signal. */
  public int kinds() {
    int k = 0;
    k += fakeOrders() >= 3 ? 1 : 0;
    k += fakeReviews() >= 3 ? 1 : 0;
    k += upheldReports >= 2 ? 1 : 0;
    k += failedQualification + failedQuality > 0 ? 1 : 0;
    k += shopFlagged ? 1 : 0;
    return k;
  }

  /**
   * Whether the detections themselves hold a kind of evidence against the shop (fake orders or
   * reviews that count, or its own finding): what a report about the shop needs to be upheld.
   */
  public boolean detectionsHoldKind() {
    return fakeOrders() >= 3 || fakeReviews() >= 3 || shopFlagged;
  }

  /**
   * The penalties proposed at this credit: the steps of the ladder reached with two kinds of
   * evidence, else a warning with one kind while it still costs credit.
   */
  public List<String> penalties(int credit) {
    int kinds = kinds();
    List<String> steps = new ArrayList<>(3);
    if (kinds >= 2) {
      if (credit < 75) {
        steps.add("demote");
      }
      if (credit < 55) {
        steps.add("hold_settlement");
      }
      if (credit < 35) {
        steps.add("suspend");
      }
    }
    if (steps.isEmpty() && kinds >= 1 && credit < 100) {
      steps.add("warning");
    }
    return List.copyOf(steps);
  }

  /** What is held against the shop, in words, for the person who confirms a penalty. */
  public String evidence() {
    List<String> parts = new ArrayList<>(8);
    count(parts, blamedOrders, "fake order");
    count(parts, suspectedOrders, "suspected fake order");
    count(parts, blamedReviews, "fake review");
    count(parts, suspectedReviews, "suspected fake review");
    count(parts, upheldReports, "upheld report");
    count(parts, failedQualification + failedQuality, "failed spot check");
    if (shopFlagged) {
      parts.add("the shop's own finding");
    }
    count(parts, passedChecks, "passed spot check");
    return String.join(", ", parts);
  }

  private static void count(List<String> parts, long n, String what) {
    if (n > 0) {
      parts.add(n + " " + what + (n == 1 ? "" : "s"));
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
