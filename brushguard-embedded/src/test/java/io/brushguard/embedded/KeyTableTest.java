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
        keys.add(key(random));
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

  /**
   * Keys of every shape the table tells apart: short, at and across the 8 and 16 characters packed
   * into entries, longer, not Latin-1, and strings of equal {@code hashCode} ("Aa" and "BB" hash
   * alike, so every string of such pairs collides with all others of its length).
   */
  private static String key(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return "k" + random.nextInt(100_000);
      case 1:
        return "d-"
            + String.format("%016x", random.nextLong()).substring(0, 6 + random.nextInt(10));
      case 2:
        return "addr-" + Long.toHexString(random.nextLong()) + random.nextInt(1000);
      case 3:
        return "店铺" + random.nextInt(1000);
      default:
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(2, 10); i > 0; i--) {
          b.append(random.nextBoolean() ? "Aa" : "BB");
        }
        return b.toString();
    }
  }

  @Test
  void collidingHashes_andPackedKeysOfOtherLengths_stayApart() {
    KeyTable<KeyTable.Entry> table = new KeyTable<>();
    List<KeyTable.Entry> added = new ArrayList<>();
    for (String k :
        List.of(
            "AaAa",
            "AaBB",
            "BBAa",
            "BBBB",
            "AaAaAaAaAa",
            "AaAaAaAaBB",
            "BBBBBBBBBB",
            "\u0001a",
            "a")) {
      KeyTable.Entry e = new KeyTable.Entry(k);
      table.add(e);
      added.add(e);
    }
    for (KeyTable.Entry e : added) {
      assertThat(table.get(new String(e.key))).isSameAs(e);
    }
    assertThat(table.get("AaAaBB")).isNull();
    assertThat(table.get("BBBBBBBBAa")).isNull();
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
