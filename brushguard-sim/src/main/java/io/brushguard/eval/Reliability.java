package io.brushguard.eval;

import io.brushguard.detect.EntityKind;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * A reliability table: per entity kind, the entities whose score falls in each tenth of 0..1, their
 * mean score and the share of them that is fraud. A calibrated score has, in every bin, a fraud
 * share near its mean score ("among entities scored near 0.8, about 80% are fraud"). Entities with
 * score 0 (nothing said about them) are left out: they are the unflagged mass, not a calibrated
 * claim. Tables add up over markets ({@link #add}).
 */
public final class Reliability {
  public static final int BINS = 10;
  private final Map<EntityKind, long[]> counts = new EnumMap<>(EntityKind.class);
  private final Map<EntityKind, long[]> frauds = new EnumMap<>(EntityKind.class);
  private final Map<EntityKind, double[]> sums = new EnumMap<>(EntityKind.class);

  /** Counts every scored entity of the findings against the labels. */
  public static Reliability of(Labels labels, Findings findings) {
    Reliability r = new Reliability();
    for (EntityKind kind : EntityKind.values()) {
      for (Scored s : findings.of(kind)) {
        Label l = labels.get(kind, s.id());
        r.add(kind, s.score(), l != null && l.fraud());
      }
    }
    return r;
  }

  /** Counts one entity. */
  public void add(EntityKind kind, double score, boolean fraud) {
    if (!(score > 0)) {
      return;
    }
    int bin = Math.min(BINS - 1, (int) (score * BINS));
    counts.computeIfAbsent(kind, k -> new long[BINS])[bin]++;
    frauds.computeIfAbsent(kind, k -> new long[BINS])[bin] += fraud ? 1 : 0;
    sums.computeIfAbsent(kind, k -> new double[BINS])[bin] += score;
  }

  /** Adds another table's counts to this one. */
  public void add(Reliability other) {
    for (EntityKind kind : other.counts.keySet()) {
      long[] c = counts.computeIfAbsent(kind, k -> new long[BINS]);
      long[] f = frauds.computeIfAbsent(kind, k -> new long[BINS]);
      double[] m = sums.computeIfAbsent(kind, k -> new double[BINS]);
      for (int i = 0; i < BINS; i++) {
        c[i] += other.counts.get(kind)[i];
        f[i] += other.frauds.get(kind)[i];
        m[i] += other.sums.get(kind)[i];
      }
    }
  }

  public long count(EntityKind kind, int bin) {
    long[] c = counts.get(kind);
    return c == null ? 0 : c[bin];
  }

  /** The share of fraud in a bin, NaN when empty. */
  public double fraudRate(EntityKind kind, int bin) {
    long n = count(kind, bin);
    return n == 0 ? Double.NaN : (double) frauds.get(kind)[bin] / n;
  }

  /** The mean score in a bin, NaN when empty. */
  public double meanScore(EntityKind kind, int bin) {
    long n = count(kind, bin);
    return n == 0 ? Double.NaN : sums.get(kind)[bin] / n;
  }

  /**
   * The expected calibration error of a kind: the count-weighted mean of {@code |fraud share - mean
   * score|} over bins; NaN when nothing was scored.
   */
  public double calibrationError(EntityKind kind) {
    long total = 0;
    double err = 0;
    for (int i = 0; i < BINS; i++) {
      long n = count(kind, i);
      if (n > 0) {
        total += n;
        err += n * Math.abs(fraudRate(kind, i) - meanScore(kind, i));
      }
    }
    return total == 0 ? Double.NaN : err / total;
  }

  /**
   * As Markdown: a row per kind with entities, a column per bin, each cell {@code fraud share (n)};
   * the last column the calibration error.
   */
  public String markdown() {
    StringBuilder md = new StringBuilder("| kind");
    StringBuilder rule = new StringBuilder("|---");
    for (int i = 0; i < BINS; i++) {
      md.append(String.format(Locale.ROOT, " | %.1f-%.1f", i / (double) BINS, (i + 1.0) / BINS));
      rule.append("|---:");
    }
    md.append(" | error |\n").append(rule).append("|---:|\n");
    for (EntityKind kind : counts.keySet()) {
      md.append("| ").append(kind.wire());
      for (int i = 0; i < BINS; i++) {
        long n = count(kind, i);
        md.append(
            n == 0 ? " | -" : String.format(Locale.ROOT, " | %.2f (%,d)", fraudRate(kind, i), n));
      }
      md.append(String.format(Locale.ROOT, " | %.3f |%n", calibrationError(kind)));
    }
    return md.toString();
  }
}
