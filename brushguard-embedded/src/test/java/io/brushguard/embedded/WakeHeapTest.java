package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wake-up queue (a run plus a heap) against one priority queue by (time, order added). */
class WakeHeapTest {

  private record Wake(long time, long seq, int id) {}

  @Test
  void leavesInTimeThenAdditionOrder_likeOneHeap() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      WakeHeap<Integer> wakes = new WakeHeap<>();
      PriorityQueue<Wake> oracle =
          new PriorityQueue<>(
              (a, b) ->
                  a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
      List<Integer> got = new ArrayList<>();
      List<Integer> expected = new ArrayList<>();
      long now = 0;
      long seq = 0;
      int id = 0;
      for (int step = 0; step < 3_000; step++) {
        int what = random.nextInt(10);
        if (what < 6) {
          // mostly now + a constant retention (in order), sometimes earlier or equal times
          long time =
              random.nextInt(4) == 0 ? now + random.nextInt(50) : now + 100 - random.nextInt(2);
          wakes.add(time, id);
          oracle.add(new Wake(time, seq++, id++));
          now += random.nextInt(3);
        } else if (!oracle.isEmpty()) {
          assertThat(wakes.isEmpty()).isFalse();
          assertThat(wakes.topTime()).isEqualTo(oracle.peek().time());
          got.add(wakes.pollEntry());
          expected.add(oracle.poll().id());
        }
        assertThat(wakes.size()).isEqualTo(oracle.size());
      }
      while (!oracle.isEmpty()) {
        assertThat(wakes.topTime()).isEqualTo(oracle.peek().time());
        got.add(wakes.pollEntry());
        expected.add(oracle.poll().id());
      }
      assertThat(wakes.isEmpty()).isTrue();
      assertThat(got).isEqualTo(expected);
    }
  }
}
