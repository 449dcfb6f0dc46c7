package io.brushguard.detect.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The members of a block that keep meeting the same accounts stay; the others leave it. */
class RecurrenceTest {
  private final RingGraph g = new RingGraph(7 * 24 * 60);
  private final List<Integer> cols = new ArrayList<>();

  private int shopHour(String shop, int hour) {
    int c = g.col(RingGraph.shopHourKey(shop, hour), RingGraph.SHOP_HOUR, shop);
    if (!cols.contains(c)) {
      cols.add(c);
    }
    return c;
  }

  private int token(byte kind, String id) {
    int c = g.col(RingGraph.tokenKey(kind, id), kind, null);
    if (!cols.contains(c)) {
      cols.add(c);
    }
    return c;
  }

  private Peeling.Block block(int... rows) {
    int[] c = cols.stream().mapToInt(Integer::intValue).toArray();
    return new Peeling.Block(rows, c, 1.5, 1.5 * (rows.length + c.length));
  }

  private static String[] ids(RingGraph g, int[] rows) {
    return Arrays.stream(rows).mapToObj(r -> g.rowId[r]).sorted().toArray(String[]::new);
  }

  @Test
  void ringMembersMeetingTwice_stay_andShoppersMeetingEachStrangerOnce_leave() {
    int[] ring = new int[6];
    for (int k = 0; k < 6; k++) {
      ring[k] = g.row("u" + k);
      g.touch(ring[k], shopHour("s1", 10), 600);
      g.touch(ring[k], shopHour("s1", 34), 2040);
    }
    // three heavy shoppers, each at one of the ring's hours with a different partner set, and at
    // their own hours with each other once
    int[] heavy = {g.row("h0"), g.row("h1"), g.row("h2")};
    g.touch(heavy[0], shopHour("s1", 10), 610);
    g.touch(heavy[1], shopHour("s1", 34), 2050);
    g.touch(heavy[0], shopHour("s2", 50), 3000);
    g.touch(heavy[1], shopHour("s2", 50), 3001);
    g.touch(heavy[2], shopHour("s3", 60), 3600);
    g.touch(heavy[0], shopHour("s3", 60), 3601);

    int[] all = {
      ring[0], ring[1], ring[2], ring[3], ring[4], ring[5], heavy[0], heavy[1], heavy[2]
    };
    Peeling.Block core = new Recurrence().prune(g, block(all), 5);

    assertThat(core).isNotNull();
    assertThat(ids(g, core.rows())).containsExactly("u0", "u1", "u2", "u3", "u4", "u5");
    // only the ring's two shop-hours are left, each with its 6 members
    assertThat(core.cols()).hasSize(2);
    assertThat(core.weight())
        .isCloseTo(12 * Peeling.weight(7), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void oneShopHourAndASharedDevice_recur_butOneShopHourAndASharedIp_doNot() {
    int[] rows = new int[5];
    for (int k = 0; k < 5; k++) {
      rows[k] = g.row("d" + k);
      g.touch(rows[k], shopHour("s1", 5), 300);
      g.touch(rows[k], token(RingGraph.DEVICE, "phone"), 300);
    }
    assertThat(new Recurrence().prune(g, block(rows), 5).rows()).hasSize(5);

    RingGraph other = new RingGraph(7 * 24 * 60);
    int[] strangers = new int[5];
    int sh = other.col(RingGraph.shopHourKey("s1", 5), RingGraph.SHOP_HOUR, "s1");
    int ip = other.col(RingGraph.tokenKey(RingGraph.IP, "1.2.3.4"), RingGraph.IP, null);
    for (int k = 0; k < 5; k++) {
      strangers[k] = other.row("n" + k);
      other.touch(strangers[k], sh, 300);
      other.touch(strangers[k], ip, 300);
    }
    Peeling.Block b = new Peeling.Block(strangers, new int[] {sh, ip}, 1.0, 7.0);
    assertThat(new Recurrence().prune(other, b, 5)).isNull();
  }

  @Test
  void aCoupleMeetingOften_isNoGroup() {
    // two accounts meet at three shop-hours, three others each once: nobody has two partners
    int a = g.row("a");
    int b = g.row("b");
    for (int h = 0; h < 3; h++) {
      g.touch(a, shopHour("s1", h), h * 60);
      g.touch(b, shopHour("s1", h), h * 60 + 1);
    }
    int[] others = {g.row("x"), g.row("y"), g.row("z")};
    for (int k = 0; k < 3; k++) {
      g.touch(others[k], shopHour("s1", k), k * 60 + 2);
    }
    assertThat(new Recurrence().prune(g, block(a, b, others[0], others[1], others[2]), 2)).isNull();
  }
}
