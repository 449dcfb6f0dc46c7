package io.brushguard.detect.text;

import info.debatty.java.lsh.LSHMinHash;
import info.debatty.java.lsh.MinHash;
import io.brushguard.flow.Stage;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Templated reviews (TEMPLATE_TEXT): near-identical texts from several accounts, concentrated at
 * one shop (paid praise, a group-control ring's reviews, reverse brushing's praise for its victim)
 * or repeated by a few new accounts across many shops (professional bad reviewers' complaints).
 *
 * <p><b>How the fraud works.</b> A review service hands its workers one template per campaign; they
 * paste it with a synonym swapped, an emoji or some punctuation added, so that no two are byte for
 * byte equal. What gives them away is the sameness across accounts, in a short window, where a text
 * that is common in the whole population (物美价廉, 默认好评, "great value") would not be so concentrated.
 *
 * <p><b>The stages.</b>
 *
 * <ol>
 *   <li>{@link TextSignatures} ({@code text-signatures}, 64 partitions of the accounts): knows
 *       which accounts are new (an {@code account} event within {@link #NEW_MILLIS}) or linked (a
 *       {@code Linked} device, phone or identity shared with another account); normalises each
 *       review's text and takes its shingles ({@link Shingles}); a text with fewer than {@value
 *       #MIN_SHINGLES} distinct shingles (好评, "good") is not indexed: too little content for a
 *       match to mean anything. Computes the MinHash signature ({@value #HASHES} hashes, java-lsh's
 *       {@link MinHash}) and its {@value #BANDS} LSH bands of {@value #ROWS} rows (java-lsh's
 *       {@link LSHMinHash#hashSignature}), and sends each of {@value #GROUPS} groups of bands to
 *       its key of the next stage.
 *   <li>{@link TextIndex} ({@code text-index}, keyed by the group of bands: a partition of the
 *       global index, at most {@value #GROUPS} subtasks): per band, the recent reviews with each
 *       band value (a bucket of at most {@value #BUCKET_CAP}, the most recent, within {@link
 *       #WINDOW_MILLIS}); verifies each candidate by its estimated Jaccard similarity (the share of
 *       equal hashes, at least {@value #THRESHOLD}) and emits the {@link TextMatch}.
 *   <li>{@link TemplateShops} ({@code template-text-shops}, by shop): the shop's recent reviews
 *       compared among themselves by their band values (the index's candidates without its bucket
 *       cap, so that a template other gangs paste at many shops at once does not crowd a shop's own
 *       pairs out of the buckets), as a graph of near-identical pairs, and their matches elsewhere
 *       from the index; a connected cluster of at least {@value #MIN_ACCOUNTS_FRESH} accounts
 *       ({@value #MIN_ACCOUNTS_AGED} when fewer than two are new or linked), whose texts are found
 *       at this shop at least as often as elsewhere in the population, is a campaign; one of aged
 *       accounts is raised to {@value #DOMINANT_STRENGTH} when it dominates the shop (a core pasted
 *       with one rating, and with its linked reviews at least {@value #DOMINANT_SHARE} of the
 *       shop's reviews while it runs), and then {@value #MIN_ACCOUNTS_DOMINANT} accounts are
 *       enough. A text found elsewhere in lumps (other campaigns of the same template, or the
 *       crowds of popular shops) makes a campaign only of a cluster that dominates its shop.
 *   <li>{@link TemplateAccounts} ({@code template-text-accounts}, by account): a new or linked
 *       account whose near-identical texts, shared with at most {@value #CROWD} other accounts,
 *       stand at {@value #MIN_SHOPS} shops or more.
 * </ol>
 *
 * <p><b>Accuracy.</b> With {@value #BANDS} bands of {@value #ROWS} rows a pair of Jaccard
 * similarity {@code J} becomes a candidate with probability {@code 1 - (1 - J^3)^20}: 0.73 at 0.4,
 * 0.93 at 0.5, 0.99 at 0.6; the estimate from {@value #HASHES} hashes has a standard error of about
 * 0.06 at 0.4. A cluster does not need every pair: one path is enough.
 *
 * <p><b>Signals</b> (code {@value #CODE}) on the reviews of the cluster and their authors (the
 * orders follow their reviews through {@code review-to-order}); never on the shop: a shop may be
 * the victim (reverse brushing, a bad reviewer's target), and its rating is corrected by the
 * reviews found fake. Strength {@value #BASE}, up to {@value #STRONG} as the share of new or linked
 * accounts grows.
 *
 * <p><b>Memory.</b> Per indexed review (the window's reviews with enough text): the signature and
 * its record, about 350 bytes, and one slot per band in its group's table (40 to 80 bytes), about
 * 1.5 kB in all, and at its shop about 230 bytes more (at most {@value #MAX_MEMBERS} per shop); per
 * account partition 40 to 80 bytes per new or linked account; per account, the matched reviews of
 * the window (at most {@value #MAX_MEMBERS}, about 150 bytes each).
 *
 * <p>References: A. Z. Broder, "On the resemblance and containment of documents" (1997); A.
 * Rajaraman and J. Ullman, <i>Mining of Massive Datasets</i>, ch. 3 (LSH for MinHash); N. Jindal
 * and B. Liu, "Opinion spam and analysis", WSDM 2008 (duplicate reviews across accounts).
 */
public final class TemplateText {
  public static final String CODE = "TEMPLATE_TEXT";
  public static final int HASHES = 60;
  public static final int BANDS = 20;
  public static final int ROWS = HASHES / BANDS;
  public static final int GROUPS = 4;
  public static final double THRESHOLD = 0.4;
  public static final double CLOSE = 0.7;
  public static final int MIN_SHINGLES = 8;
  public static final int BUCKET_CAP = 8;
  public static final int MAX_NEIGHBOURS = 32;
  public static final int MAX_MEMBERS = 512;
  public static final long DAY = 86_400_000L;
  public static final long WINDOW_MILLIS = 7 * DAY;
  public static final long WARMUP_MILLIS = DAY;
  public static final long NEW_MILLIS = 30 * DAY;
  public static final int MIN_ACCOUNTS_FRESH = 3;
  public static final int MIN_ACCOUNTS_AGED = 8;
  public static final double CONCENTRATION = 0.5;
  public static final int ELSEWHERE_PER_SHOP = 2;

  /**
   * The fewest accounts of a cluster that dominates its shop ({@code TemplateShops}): fewer than
   * {@link #MIN_ACCOUNTS_AGED}, since the share of the shop's reviews already tells it from a
   * popular shop's buyers who write alike.
   */
  public static final int MIN_ACCOUNTS_DOMINANT = 5;

  public static final double DOMINANT_SHARE = 0.5;

  /**
   * The least share of a dominant cluster's reviews that carry its core's rating: one rating, give
   * or take a genuine review that reads like the template.
   */
  public static final double ONE_RATING_SHARE = 0.8;

  /**
   * A pasted core that dominates its shop's reviews while it runs ({@code TemplateShops}): as
   * strong as a cluster half of new or linked accounts, whoever wrote it.
   */
  public static final double DOMINANT_STRENGTH = 0.775;

  public static final int CROWD = 8;
  public static final int MIN_SHOPS = 3;
  public static final double BASE = 0.6;

  /**
   * A cluster mostly of aged, unlinked accounts (fewer than two new or linked among them, or fewer
   * than half: a popular shop's buyers include some by chance): below review alone. Genuine buyers
   * of one popular item write alike (9-14 of them at a shop in a week on the simulated markets);
   * what tells a hired crowd of aged accounts from them is what a campaign shares besides its
   * wording (its photos, its orders' evidence), so the text needs that corroboration.
   */
  public static final double AGED_ONLY = 0.45;

  public static final double STRONG = 0.95;
  private static final long SEED = 0x7e3a_11ceL;

  private static final MinHash MIN_HASH = new MinHash(HASHES, Integer.MAX_VALUE, SEED);
  private static final LSHMinHash LSH = new LSHMinHash(BANDS, Integer.MAX_VALUE, 16, SEED);

  private TemplateText() {}

  /** The four stages, in order. */
  public static List<Stage<?>> stages(long retentionMillis) {
    return List.of(
        new TextSignatures(retentionMillis),
        new TextIndex(),
        new TemplateShops(),
        new TemplateAccounts());
  }

  /** The MinHash signature of a non-empty set of shingles (sorted, distinct). */
  public static int[] signature(int[] shingles) {
    return MIN_HASH.signature(asSet(shingles));
  }

  /** The LSH band values of a signature, one per band. */
  public static int[] bands(int[] signature) {
    return LSH.hashSignature(signature);
  }

  /** The band index of the {@code k}th band of group {@code g}. */
  static int bandOf(int g, int k) {
    return g + GROUPS * k;
  }

  /** Estimated Jaccard similarity: the share of equal hashes. */
  static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) a.length;
  }

  /** The first band in which two signatures agree, or -1. */
  static int firstBand(int[] a, int[] b) {
    for (int band = 0; band < BANDS; band++) {
      int from = band * ROWS;
      boolean same = true;
      for (int i = from; i < from + ROWS && same; i++) {
        same = a[i] == b[i];
      }
      if (same) {
        return band;
      }
    }
    return -1;
  }

  /** A read-only set view of sorted distinct ints, for java-lsh's {@code Set<Integer>} API. */
  private static Set<Integer> asSet(int[] sorted) {
    return new AbstractSet<>() {
      @Override
      public Iterator<Integer> iterator() {
        return new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return i < sorted.length;
          }

          @Override
          public Integer next() {
            if (i >= sorted.length) {
              throw new NoSuchElementException();
            }
            return sorted[i++];
          }
        };
      }

      @Override
      public int size() {
        return sorted.length;
      }
    };
  }

  /** The strength of a cluster with {@code accounts} accounts, {@code flagged} new or linked. */
  static double strength(int accounts, int flagged) {
    if (flagged < 2 || 2 * flagged < accounts) {
      return AGED_ONLY;
    }
    double share = accounts == 0 ? 0 : flagged / (double) accounts;
    return Math.min(STRONG, BASE + (STRONG - BASE) * share);
  }
}
