package io.brushguard.detect.photos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ring of one band value's photos: oldest first, growing, capped, wrapping. */
class PhotoIndexStateTest {

  @Test
  void ring_keepsTheMostRecentInOrder_acrossGrowthCapAndWrap() {
    PhotoIndex.State s = new PhotoIndex.State();
    int total = PhotoIndex.MAX_ENTRIES + 1_000;
    for (int i = 0; i < total; i++) {
      s.add(new PhotoBand(0, 1, i + 1L, "r" + i, "a" + i, null, "s", i));
      if (i % 7 == 0 && i < 300) {
        s.dropOldest(); // interleaved pruning, so that head moves while the ring grows
      }
    }
    assertThat(s.size).isEqualTo(PhotoIndex.MAX_ENTRIES);
    long previous = -1;
    for (int i = 0; i < s.size; i++) {
      int at = s.slot(i);
      assertThat(s.times[at]).isGreaterThan(previous);
      assertThat(s.hashes[at]).isEqualTo(s.times[at] + 1);
      assertThat(s.photos[at].at()).isEqualTo(s.times[at]);
      previous = s.times[at];
    }
    assertThat(previous).isEqualTo(total - 1);
    assertThat(s.oldestTime()).isEqualTo(total - PhotoIndex.MAX_ENTRIES);
  }
}
