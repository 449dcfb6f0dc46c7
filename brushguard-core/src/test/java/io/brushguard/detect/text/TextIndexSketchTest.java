package io.brushguard.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sketch prefilter of the text index rules out only pairs below the similarity threshold. */
class TextIndexSketchTest {

  @Test
  void prefilter_neverRulesOutAPairAtOrAboveTheThreshold() {
    SplittableRandom random = new SplittableRandom(7);
    int ruledOut = 0;
    int atOrAbove = 0;
    for (int trial = 0; trial < 20_000; trial++) {
      int[] a = new int[TemplateText.HASHES];
      int[] b = new int[TemplateText.HASHES];
      int shared = random.nextInt(TemplateText.HASHES + 1); // every similarity from 0 to 1
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextInt();
        // a different hash: any other value, or one that keeps the low bits (the sketch must not
        // take those for equal hashes)
        int other =
            random.nextInt(10) > 0 ? random.nextInt() : a[i] ^ (random.nextInt(1, 256) << 4);
        b[i] = i < shared ? a[i] : other == a[i] ? ~a[i] : other;
      }
      long[] sa = TextIndex.sketch(a);
      long[] sb = TextIndex.sketch(b);
      boolean may = TextIndex.mayMatch(sa, sb, 0);
      boolean matches = TemplateText.similarity(a, b) >= TemplateText.THRESHOLD;
      if (matches) {
        atOrAbove++;
        assertThat(may).as("similarity %s", TemplateText.similarity(a, b)).isTrue();
      } else if (!may) {
        ruledOut++;
      }
    }
    assertThat(atOrAbove).isGreaterThan(5_000);
    assertThat(ruledOut)
        .as("the prefilter must rule out most dissimilar pairs")
        .isGreaterThan(3_000);
  }

  @Test
  void identicalSignatures_mayMatch_andUnrelatedOnesMostlyDoNot() {
    int[] a = new int[TemplateText.HASHES];
    int[] c = new int[TemplateText.HASHES];
    for (int i = 0; i < a.length; i++) {
      a[i] = i * 0x9E3779B9;
      c[i] = ~a[i]; // every low pair of bits differs
    }
    long[] sa = TextIndex.sketch(a);
    long[] sc = TextIndex.sketch(c);
    assertThat(TextIndex.mayMatch(sa, sa, 0)).isTrue();
    assertThat(TextIndex.mayMatch(sa, sc, 0)).isFalse();
  }
}
