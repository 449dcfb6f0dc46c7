package io.brushguard.detect.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.Account;
import io.brushguard.event.Order;
import io.brushguard.flow.StageFlow;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rings of accounts acting together on shops, found by peeling the windowed graph. */
class RingsTest {
  private static final long T0 = 1_740_830_400_000L;
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private final StageFlow flow = new StageFlow(List.of(Rings.standard()));
  private int orders;

  private void order(String account, String shop, long t, String device, String ip) {
    flow.feed(
        new Order(
            "o" + orders++,
            account,
            shop,
            "i1",
            1_000,
            t,
            1,
            null,
            device,
            ip,
            null,
            null,
            0,
            null,
            null));
  }

  /** {@code n} accounts on 3 devices and 2 proxies, ordering at shop {@code s1} in 3 waves. */
  private void ring(String prefix, int n, long start) {
    for (int w = 0; w < 3; w++) {
      for (int k = 0; k < n; k++) {
        order(
            prefix + k,
            "s1",
            start + w * DAY + k * 10_000L,
            prefix + "-dev" + k % 3,
            "10.0.0." + k % 2);
      }
    }
  }

  /** Genuine shoppers: each its own device and IP, at popular shops, at random times. */
  private void background(int accounts, int ordersEach, long start, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] times = new long[accounts * ordersEach];
    String[][] what = new String[times.length][];
    for (int k = 0; k < times.length; k++) {
      int a = k / ordersEach;
      times[k] = start + rnd.nextLong(4 * DAY);
      what[k] = new String[] {"g" + a, "p" + rnd.nextInt(5)};
    }
    Integer[] idx = new Integer[times.length];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = k;
    }
    java.util.Arrays.sort(idx, (a, b) -> Long.compare(times[a], times[b]));
    for (int k : idx) {
      String a = what[k][0];
      order(a, what[k][1], times[k], "d-" + a, "ip-" + a);
    }
  }

  @Test
  void waveRingOnFewDevices_amidGenuineShoppers_isOneRingWithEveryAccountAndOrder() {
    background(300, 6, T0, 3);
    ring("u", 20, T0 + 10 * HOUR);
    flow.finish();

    var accounts = flow.strongest(EntityKind.ACCOUNT);
    assertThat(accounts).hasSize(20).containsEntry("u0", Rings.WITH_TOKENS);
    assertThat(flow.strongest(EntityKind.ORDER)).hasSize(60);
    List<RingFound> found =
        flow.facts.stream().filter(f -> f instanceof RingFound).map(f -> (RingFound) f).toList();
    assertThat(found).isNotEmpty().allMatch(r -> r.ring().equals("R-u0"));
    RingFound last = found.get(found.size() - 1);
    assertThat(last.accounts()).hasSize(20);
    assertThat(last.shops()).containsExactly("s1");
    assertThat(last.sharedDevices()).isEqualTo(3);
    assertThat(last.orders()).isEqualTo(60);
    assertThat(flow.signals).allMatch(s -> "R-u0".equals(s.ring()));
  }

  @Test
  void ringAlone_isNoSurprise_underTheConfigurationModel() {
    ring("u", 20, T0 + 10 * HOUR); // a graph that is all ring: every edge is where chance puts it
    flow.finish();

    assertThat(flow.signals).isEmpty();
  }

  @Test
  void genuineShoppersAtPopularShops_formNoRing() {
    background(300, 6, T0, 7);
    flow.finish();

    assertThat(flow.signals).isEmpty();
  }

  @Test
  void ringWithCamouflageAtPopularShops_isFound_andItsCamouflageOrdersAreNotFlagged() {
    background(300, 6, T0, 11);
    ring("u", 20, T0 + 10 * HOUR);
    for (int k = 0; k < 20; k++) {
      order("u" + k, "p" + k % 5, T0 + 3 * DAY + k * HOUR, "u-dev" + k % 3, "10.0.0." + k % 2);
    }
    flow.finish();

    assertThat(flow.strongest(EntityKind.ACCOUNT).keySet())
        .allMatch(a -> a.startsWith("u"))
        .hasSize(20);
    List<String> flaggedOrders =
        flow.signals.stream().filter(s -> s.entity() == EntityKind.ORDER).map(Signal::id).toList();
    assertThat(flaggedOrders).hasSize(60); // the three waves at s1, not the camouflage
  }

  @Test
  void familyOnOneDevice_shoppingTogether_isNoRing() {
    for (int d = 0; d < 5; d++) {
      for (int k = 0; k < 4; k++) {
        order("f" + k, "s1", T0 + d * DAY + k * MINUTE, "family-dev", "home-ip");
      }
    }
    flow.finish();

    assertThat(flow.signals).isEmpty();
  }

  @Test
  void edgesExpireAfterTheWindow() {
    Rings rings = new Rings(DAY);
    StageFlow short_ = new StageFlow(List.of(rings));
    short_.feed(new Account("a", T0, Account.Role.BUYER, null, null, "id", "dev", "ip"));
    short_.feed(new Account("b", T0 + 3 * DAY, Account.Role.BUYER, null, null, "id2", "d2", "i2"));
    short_.finish();
    assertThat(short_.keys(0)).isEqualTo(1); // b's edges are still in the window at its wake-up
  }

  @Test
  void windowShorterThanAnHour_isRefused() {
    assertThatThrownBy(() -> new Rings(MINUTE)).hasMessageContaining("at least an hour");
  }
}
