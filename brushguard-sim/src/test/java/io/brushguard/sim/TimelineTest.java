package io.brushguard.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineTest {
  record Entry(long t, long seq, byte tag) {}

  /** Against a reference: sort by (time, insertion), with entries added while draining. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void next_handsOutEntriesInTimeThenInsertionOrder_includingThoseAddedWhileDraining(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long end = 3 * Sim.DAY;
    Timeline timeline = new Timeline(0, end);
    List<Entry> expected = new ArrayList<>();
    long seq = 0;
    for (int i = 0; i < 2_000; i++) {
      long t = rnd.nextInt(4) == 0 ? 5 * Timeline.BUCKET_MS : rnd.nextLong(end); // many ties
      Entry e = new Entry(t, seq++, (byte) rnd.nextInt(128));
      timeline.add(t, e, e.tag());
      expected.add(e);
    }
    List<Entry> got = new ArrayList<>();
    while (timeline.next()) {
      Entry e = (Entry) timeline.payload();
      assertThat(timeline.time()).isEqualTo(e.t());
      assertThat(timeline.tag()).isEqualTo(e.tag());
      got.add(e);
      if (got.size() < 3_000 && rnd.nextInt(3) == 0) {
        long t = timeline.now() + (rnd.nextBoolean() ? 0 : rnd.nextLong(3 * Timeline.BUCKET_MS));
        Entry added = new Entry(t, seq++, (byte) 1);
        if (timeline.add(t, added, added.tag())) {
          expected.add(added);
        }
      }
    }
    expected.sort(Comparator.comparingLong(Entry::t).thenComparingLong(Entry::seq));
    assertThat(got).containsExactlyElementsOf(expected);
    assertThat(timeline.pending()).isZero();
  }

  @Test
  void add_pastTheEnd_isDropped_andInThePast_isClampedToNow() {
    Timeline timeline = new Timeline(1_000, 1_000 + Sim.DAY);
    assertThat(timeline.add(1_000 + Sim.DAY, "late", Tag.NONE)).isFalse();
    assertThat(timeline.dropped()).isEqualTo(1);
    timeline.add(50_000, "first", Tag.NONE);
    assertThat(timeline.next()).isTrue();
    timeline.add(10, "past", Tag.NONE);
    assertThat(timeline.next()).isTrue();
    assertThat(timeline.payload()).isEqualTo("past");
    assertThat(timeline.time()).isEqualTo(50_000);
    assertThat(timeline.next()).isFalse();
  }
}
