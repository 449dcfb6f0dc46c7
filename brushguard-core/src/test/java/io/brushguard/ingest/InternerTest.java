package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InternerTest {

  @Test
  void sameIdOnTwoLines_isOneInstance_equalToTheText() {
    Interner interner = new Interner();
    byte[] a = "{\"account\":\"u-000123\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] b = "xx u-000123 yy".getBytes(StandardCharsets.ISO_8859_1);
    String first = interner.latin1(a, 12, 20);
    String second = interner.latin1(b, 3, 11);
    assertThat(first).isEqualTo("u-000123").isSameAs(second);
    assertThat(first.hashCode()).isEqualTo("u-000123".hashCode());
  }

  @Test
  void differentIds_inTheSameSlot_eachComeOutRight() {
    Interner interner = new Interner();
    Random rnd = new Random(3);
    // far more ids than slots: collisions replace slots, and every result must still be right
    for (int i = 0; i < 3 * Interner.SLOTS; i++) {
      String id = "o" + rnd.nextInt(5 * Interner.SLOTS);
      byte[] bytes = id.getBytes(StandardCharsets.ISO_8859_1);
      assertThat(interner.latin1(bytes, 0, bytes.length)).isEqualTo(id);
    }
  }

  @Test
  void longText_isNotKept_butComesOutRight() {
    Interner interner = new Interner();
    String text = "x".repeat(Interner.MAX_LENGTH + 1);
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    String one = interner.latin1(bytes, 0, bytes.length);
    assertThat(one).isEqualTo(text).isNotSameAs(interner.latin1(bytes, 0, bytes.length));
  }

  @Test
  void highLatin1Bytes_andTheEmptyString_comeOutRight() {
    Interner interner = new Interner();
    byte[] bytes = {(byte) 0xe9, 'a', (byte) 0xff};
    assertThat(interner.latin1(bytes, 0, 3)).isEqualTo("éa\u00ff");
    assertThat(interner.latin1(bytes, 1, 1)).isEmpty();
  }

  @Test
  @Timeout(60)
  void threadsRacingOnTheSameSlots_eachGetTheirOwnText() throws Exception {
    Interner interner = new Interner();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = t;
        done.add(
            pool.submit(
                () -> {
                  Random rnd = new Random(seed);
                  int wrong = 0;
                  for (int i = 0; i < 200_000; i++) {
                    String id = "s" + rnd.nextInt(2_000);
                    byte[] bytes = id.getBytes(StandardCharsets.ISO_8859_1);
                    wrong += interner.latin1(bytes, 0, bytes.length).equals(id) ? 0 : 1;
                  }
                  return wrong;
                }));
      }
      for (Future<Integer> f : done) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
