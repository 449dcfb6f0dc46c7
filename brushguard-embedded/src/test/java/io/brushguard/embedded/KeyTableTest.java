package io.brushguard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyTableTest {

  @Test
  void randomAddsAndRemoves_agreeWithAHashMap() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      KeyTable<KeyTable.Entry> table = new KeyTable<>();
      Map<String, KeyTable.Entry> oracle = new HashMap<>();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        keys.add("k" + random.nextInt(100_000));
      }
      for (int op = 0; op < 20_000; op++) {
        String key = new String(keys.get(random.nextInt(keys.size()))); // equal, not identical
        KeyTable.Entry known = oracle.get(key);
        assertThat(table.get(key)).isSameAs(known);
        if (known == null) {
          KeyTable.Entry e = new KeyTable.Entry(key);
          table.add(e);
          oracle.put(key, e);
        } else if (random.nextInt(3) == 0) {
          table.remove(known);
          oracle.remove(key);
        }
        assertThat(table.size()).isEqualTo(oracle.size());
      }
      for (String key : keys) {
        assertThat(table.get(key)).isSameAs(oracle.get(key));
      }
    }
  }

  @Test
  void removingAnEntryNotInTheTable_changesNothing() {
    KeyTable<KeyTable.Entry> table = new KeyTable<>();
    KeyTable.Entry a = new KeyTable.Entry("a");
    table.add(a);
    table.remove(new KeyTable.Entry("a"));
    assertThat(table.get("a")).isSameAs(a);
    assertThat(table.size()).isEqualTo(1);
  }
}
