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
 *   <li>fake orders the shop is to blame for: {@code 12 × log2(1 + n / 2)}, at most 50;
 *   <li>fake reviews it is to blame for: {@code 6 × log2(1 + n / 2)}, at most 20;
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
 * are proposed for a person to confirm, never imposed: {@code warning} below 90, {@code demote} (in
 * search) below 75, {@code hold_settlement} below 55, {@code suspend} below 35. A penalty never
 * follows from one signal: a warning needs one kind of evidence that is itself more than one signal
 * (at least 3 fake orders, 3 fake reviews or 2 upheld reports) or a failed spot check; every step
 * after it needs two independent kinds.
 *
 * @param blamedOrders fake orders the shop is to blame for
 * @param blamedReviews fake reviews the shop is to blame for
 * @param upheldReports consumer reports the detections uphold
 * @param failedQualification failed qualification checks
 * @param failedQuality failed quality checks
 * @param passedChecks passed checks of either kind
 * @param shopFlagged whether the shop's own finding is {@code review} or more
 */
public record Credit(
    long blamedOrders,
    long blamedReviews,
    long upheldReports,
    int failedQualification,
    int failedQuality,
    int passedChecks,
    boolean shopFlagged) {

  /** How long a shop's deductions take to halve when nothing new is held against it. */
  public static final long RECOVERY_HALF_LIFE = 90 * 86_400_000L;

  /** Points off 100 before recovery. */
  public double deduction() {
    double d =
        Math.min(50, 12 * log2(1 + blamedOrders / 2.0))
            + Math.min(20, 6 * log2(1 + blamedReviews / 2.0))
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
    k += blamedOrders >= 3 ? 1 : 0;
    k += blamedReviews >= 3 ? 1 : 0;
    k += upheldReports >= 2 ? 1 : 0;
    k += failedQualification + failedQuality > 0 ? 1 : 0;
    k += shopFlagged ? 1 : 0;
    return k;
  }

  /** The penalties proposed at this credit: a warning alone, or the steps of the ladder reached. */
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
    if (steps.isEmpty() && kinds >= 1 && credit < 90) {
      steps.add("warning");
    }
    return List.copyOf(steps);
  }

  /** What is held against the shop, in words, for the person who confirms a penalty. */
  public String evidence() {
    List<String> parts = new ArrayList<>(6);
    count(parts, blamedOrders, "fake order");
    count(parts, blamedReviews, "fake review");
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
