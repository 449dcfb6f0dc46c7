package io.brushguard.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hashed table against a {@link HashMap} oracle: adds, replacements, deadlines, sweeps. */
class HashedTableTest {

  @Test
  void hashedTable_agreesWithAMap_throughAddsAndSweeps() {
    SplittableRandom rnd = new SplittableRandom(21);
    HashedTable<Long> table = new HashedTable<>();
    Map<Long, Long> values = new HashMap<>();
    Map<Long, Long> until = new HashMap<>();
    for (int step = 0; step < 60_000; step++) {
      long h = 1 + rnd.nextInt(3000) * 0x9E3779B97F4A7C15L; // clustered low bits on purpose
      if (h == 0) {
        continue;
      }
      int op = rnd.nextInt(10);
      if (op < 6) {
        if (table.get(h) == null) {
          table.add(h, (long) step);
          values.put(h, (long) step);
          until.put(h, Long.MIN_VALUE);
        } else {
          table.replace(h, (long) step);
          values.put(h, (long) step);
        }
        long t = step + rnd.nextInt(1000);
        table.keepUntil(h, t);
        until.put(h, t);
      } else if (op < 9 || rnd.nextInt(5) > 0) {
        assertThat(table.get(h)).isEqualTo(values.get(h));
      } else {
        long time = step;
        Map<Long, Integer> asked = new HashMap<>();
        table.retain(
            time,
            v -> {
              asked.merge(v, 1, Integer::sum);
              return v % 3 == 0;
            });
        assertThat(asked.values()).allMatch(c -> c == 1);
        values.entrySet().removeIf(e -> until.get(e.getKey()) <= time && e.getValue() % 3 != 0);
        until.keySet().retainAll(values.keySet());
        assertThat(table.size()).isEqualTo(values.size());
        for (var e : values.entrySet()) {
          assertThat(table.get(e.getKey())).isEqualTo(e.getValue());
        }
      }
    }
  }
}
