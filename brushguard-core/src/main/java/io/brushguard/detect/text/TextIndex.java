package io.brushguard.detect.text;

import io.brushguard.flow.Fact;
import io.brushguard.flow.HashedTable;
import io.brushguard.flow.Stage;
import io.brushguard.flow.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The LSH index of {@link TemplateText}, one key per group of bands: per band of the group, the
 * reviews of the last {@link TemplateText#WINDOW_MILLIS} with each band value; finds a new review's
 * earlier near-identical reviews and emits them as a {@link TextMatch}.
 *
 * <p>A candidate (sharing a band value) counts when its estimated Jaccard similarity is at least
 * {@value TemplateText#THRESHOLD}, and only in the group that holds the first band the two
 * signatures share, so that each pair is reported once over all groups. A review re-delivered (same
 * id) is not its own neighbour.
 *
 * <p>Key: the group ({@code g0} … {@code g3}). Space: per band value one slot of a {@link
 * HashedTable} (40 to 80 bytes), holding one review or a ring of at most {@value
 * TemplateText#BUCKET_CAP} (the most recent, each with its time, a 32-byte sketch and its
 * signature: about 470 bytes a ring); a review's signature is shared by its slots in the embedded
 * runtime (about 350 bytes per review), one copy per group in Flink. A daily sweep forgets the
 * values last seen before the window. The text of a phrase everyone writes fills its bucket with
 * the most recent uses: that sample is what tells {@link TemplateShops} it is common.
 */
public final class TextIndex implements Stage<TextIndex.State> {
  public static final String NAME = "text-index";
  private static final long NONE = Long.MIN_VALUE;
  private static final long SWEEP_MS = TemplateText.DAY;
  private static final Wiring WIRING =
      new Wiring(Set.of(), Set.of(TextBands.class), Set.of(TextMatch.class));

  /** One group's buckets: by band value, an {@link Indexed} or a {@link Ring}. */
  public static final class State {
    final HashedTable<Object> buckets = new HashedTable<>();

    /**
     * The neighbours found for the review at hand, reused (an allocation per review touches memory
     * no cache holds): room for every candidate of the group, a bucket of each of its bands.
     */
    final ArrayList<Neighbour> found =
        new ArrayList<>(TemplateText.BANDS / TemplateText.GROUPS * TemplateText.BUCKET_CAP);

    long first = NONE;
    long sweep = NONE;
  }

  /**
   * The most recent reviews with one band value, oldest overwritten first; beside each, its time,
   * {@linkplain #sketch sketch} and signature, so that most candidates are ruled out without
   * reading them, and the others are compared without reading the review.
   */
  static final class Ring {
    final Indexed[] items = new Indexed[TemplateText.BUCKET_CAP];
    final int[][] signatures = new int[TemplateText.BUCKET_CAP][];
    final long[] ts = new long[TemplateText.BUCKET_CAP];
    final long[] sketches = new long[TemplateText.BUCKET_CAP * SKETCH_LONGS];
    int size;
    int next;

    void add(Indexed e, long[] sketch) {
      items[next] = e;
      signatures[next] = e.signature();
      ts[next] = e.member().ts();
      System.arraycopy(sketch, 0, sketches, next * SKETCH_LONGS, SKETCH_LONGS);
      next = (next + 1) % items.length;
      size = Math.min(size + 1, items.length);
    }
  }

  private static final int SKETCH_BITS = 4;
  private static final int LANES = Long.SIZE / SKETCH_BITS;
  static final int SKETCH_LONGS = (TemplateText.HASHES + LANES - 1) / LANES;

  /**
   * The {@value #SKETCH_BITS} lowest bits of each MinHash value (b-bit minwise hashing, Li and
   * König, WWW 2010), packed in {@value #SKETCH_LONGS} longs: where two sketches differ, the hashes
   * differ, so the differing lanes bound the equal hashes from above and rule a candidate out
   * exactly, without reading its signature. Two unequal hashes differ in their low bits with
   * probability 15/16, so a pair below about 0.35 similarity is ruled out here.
   */
  static long[] sketch(int[] signature) {
    long[] sketch = new long[SKETCH_LONGS];
    for (int i = 0; i < signature.length; i++) {
      sketch[i / LANES] |=
          (signature[i] & ((1L << SKETCH_BITS) - 1)) << (SKETCH_BITS * (i % LANES));
    }
    return sketch;
  }

  /** Whether the reviews of sketch {@code a} and of {@code b} at {@code from} may be neighbours. */
  static boolean mayMatch(long[] a, long[] b, int from) {
    int differ = 0;
    for (int i = 0; i < SKETCH_LONGS; i++) {
      long x = a[i] ^ b[from + i];
      x |= x >>> 1;
      x |= x >>> 2;
      differ += Long.bitCount(x & 0x1111_1111_1111_1111L);
    }
    return (TemplateText.HASHES - differ) / (double) TemplateText.HASHES >= TemplateText.THRESHOLD;
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
    return ((TextBands) fact).group();
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public void onFact(State s, Fact fact, Context ctx) {
    TextBands tb = (TextBands) fact;
    long now = ctx.now();
    if (s.first == NONE) {
      s.first = now;
    }
    int g = tb.group().charAt(1) - '0';
    Indexed x = tb.indexed();
    long oldest = now - TemplateText.WINDOW_MILLIS;
    long[] sk = sketch(x.signature());
    List<Neighbour> found = s.found;
    found.clear();
    for (int k = 0; k < tb.bands().length; k++) {
      int band = TemplateText.bandOf(g, k);
      long h = ((long) (band + 1) << 32) | (tb.bands()[k] & 0xffff_ffffL);
      Object held = s.buckets.get(h);
      if (held == null) {
        s.buckets.add(h, x);
      } else if (held instanceof Indexed one) {
        if (one.member().ts() >= oldest) {
          found = consider(x, one, one.signature(), band, found);
        }
        Ring ring = new Ring();
        ring.add(one, sketch(one.signature()));
        ring.add(x, sk);
        s.buckets.replace(h, ring);
      } else {
        Ring ring = (Ring) held;
        for (int i = 0; i < ring.size; i++) {
          if (ring.ts[i] >= oldest && mayMatch(sk, ring.sketches, i * SKETCH_LONGS)) {
            found = consider(x, ring.items[i], ring.signatures[i], band, found);
          }
        }
        ring.add(x, sk);
      }
      s.buckets.keepUntil(h, now + TemplateText.WINDOW_MILLIS);
    }
    if (s.sweep == NONE) {
      s.sweep = (Math.floorDiv(now, SWEEP_MS) + 1) * SWEEP_MS;
      ctx.wakeAt(s.sweep);
    }
    if (found.isEmpty()) {
      return;
    }
    // the most recent first; ties by review id, so that the order is the inputs' own
    found.sort(
        (a, b) ->
            a.member().ts() != b.member().ts()
                ? Long.compare(b.member().ts(), a.member().ts())
                : a.member().review().compareTo(b.member().review()));
    int n = Math.min(found.size(), TemplateText.MAX_NEIGHBOURS);
    boolean warm = now - s.first >= TemplateText.WARMUP_MILLIS;
    ctx.emit(new TextMatch(x.member(), List.copyOf(found.subList(0, n)), warm));
  }

  /**
   * Adds {@code c}, of the window and with signature {@code sc}, to {@code found} if it is a
   * neighbour; returns the list. The review itself is read last, for the few that match.
   */
  private static List<Neighbour> consider(
      Indexed x, Indexed c, int[] sc, int band, List<Neighbour> found) {
    if (TemplateText.firstBand(x.signature(), sc) != band) {
      return found; // reported by the group of an earlier shared band, or a collision of values
    }
    double similarity = TemplateText.similarity(x.signature(), sc);
    if (similarity >= TemplateText.THRESHOLD && !c.member().review().equals(x.member().review())) {
      found.add(new Neighbour(c.member(), similarity));
    }
    return found;
  }

  /** Forgets the band values last seen before the window; comes again while any is left. */
  @Override
  public void onWake(State s, long time, Context ctx) {
    if (time != s.sweep) {
      return;
    }
    s.sweep = NONE;
    s.buckets.retain(time, b -> false);
    if (s.buckets.size() > 0) {
      s.sweep = time + SWEEP_MS;
      ctx.wakeAt(s.sweep);
    }
  }

  @Override
  public boolean wakesOnlyForget() {
    return true;
  }

  @Override
  public boolean isEmpty(State s) {
    return s.buckets.size() == 0;
  }
}
