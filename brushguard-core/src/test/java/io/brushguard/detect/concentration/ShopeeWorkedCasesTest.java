package io.brushguard.detect.concentration;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.ingest.ShopeeCsv;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four worked cases of the Shopee Code League 2020 order-brushing guidelines. */
class ShopeeWorkedCasesTest {
  private final ShopeeBrushing shopee = ShopeeBrushing.contest();
  private final List<ShopeeCsv.Row> log = new ArrayList<>();
  private int nextOrder = 1;

  private void order(String shop, String user, String time) {
    long second = LocalDateTime.parse(time.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
    log.add(new ShopeeCsv.Row("o" + nextOrder++, shop, user, second));
  }

  @Test
  void case1_sixOrdersByTwoUsersInAnHour_isBrushing() {
    order("8996761", "215382704", "2019-12-31 11:48:49");
    order("8996761", "2136861", "2019-12-31 11:52:10");
    order("8996761", "215382704", "2019-12-31 12:01:00");
    order("8996761", "215382704", "2019-12-31 12:20:33");
    order("8996761", "2136861", "2019-12-31 12:40:00");
    order("8996761", "215382704", "2019-12-31 12:48:49"); // exactly one hour later: included

    assertThat(shopee.solve(log).get("8996761")).containsExactly("215382704");
  }

  @Test
  void case1_lastOrderOneSecondPastTheHour_isNotBrushing() {
    order("8996761", "215382704", "2019-12-31 11:48:49");
    order("8996761", "2136861", "2019-12-31 11:52:10");
    order("8996761", "215382704", "2019-12-31 12:01:00");
    order("8996761", "215382704", "2019-12-31 12:20:33");
    order("8996761", "2136861", "2019-12-31 12:40:00");
    order("8996761", "215382704", "2019-12-31 12:48:50");

    assertThat(shopee.solve(log).get("8996761")).isEmpty();
  }

  @Test
  void case2_laterWindowWithoutTheFirstBuyer_isBrushing() {
    // 2a: from 07:51:59, 4 orders by 2 users = 2, not brushing; 2b: from 07:53:35, 3 by 1 = 3
    order("27121667", "50769054", "2019-12-31 07:51:59");
    order("27121667", "183926374", "2019-12-31 07:53:35");
    order("27121667", "183926374", "2019-12-31 08:10:02");
    order("27121667", "183926374", "2019-12-31 08:41:45");

    assertThat(shopee.solve(log).get("27121667")).containsExactly("183926374");
  }

  @Test
  void case3_onlyOrdersInsideBrushingPeriodsCount_topBuyerIsSuspicious() {
    String shop = "145777302";
    String[] times = {
      "12:07:49", "12:10:00", "12:15:30", "12:22:11", "12:30:00", "12:41:09", "12:52:00"
    };
    for (String t : times) {
      order(shop, "201343856", "2019-12-28 " + t);
    }
    order(shop, "107406", "2019-12-28 12:33:33");
    order(shop, "101582282", "2019-12-28 13:07:49");
    order(shop, "201343856", "2019-12-30 09:00:00"); // outside any brushing period

    assertThat(shopee.solve(log).get(shop)).containsExactly("201343856");
  }

  @Test
  void case4_twoBrushingPeriods_tieListsBothBuyersInNumericOrder() {
    String shop = "181009364";
    order(shop, "214208720", "2019-12-27 00:20:33");
    order(shop, "214208720", "2019-12-27 00:40:00");
    order(shop, "214208720", "2019-12-27 01:20:33");
    order(shop, "101832161", "2019-12-29 13:54:31");
    order(shop, "101832161", "2019-12-29 14:20:00");
    order(shop, "101832161", "2019-12-29 14:54:31");
    order(shop, "214208720", "2019-12-30 18:00:00"); // outside: must not break the tie

    assertThat(shopee.solve(log).get(shop)).containsExactly("101832161", "214208720");
  }

  @Test
  void windowNotStartingOrEndingAtAnOrder_isFound() {
    // Windows that start or end at an order all hold 2 buyers; [00:00:01, 01:00:01] holds only A.
    order("s", "X", "2019-12-27 00:00:00");
    order("s", "A", "2019-12-27 00:01:40");
    order("s", "A", "2019-12-27 00:03:20");
    order("s", "A", "2019-12-27 00:05:00");
    order("s", "B", "2019-12-27 01:00:50");

    assertThat(shopee.solve(log).get("s")).containsExactly("A");
  }

  @Test
  void everyShopGetsARow_nonBrushingShopsAreEmpty() {
    order("1", "u1", "2019-12-27 00:00:00");
    order("2", "u2", "2019-12-27 00:00:00");
    order("2", "u2", "2019-12-27 00:00:01");

    assertThat(shopee.solve(log))
        .containsOnlyKeys("1", "2")
        .allSatisfy((s, b) -> assertThat(b).isEmpty());
  }

  @Test
  void idsCompareNumerically() {
    assertThat(ShopeeBrushing.compareIds("9", "10")).isNegative();
    assertThat(ShopeeBrushing.compareIds("10", "9")).isPositive();
    assertThat(ShopeeBrushing.compareIds("u1", "9")).isPositive();
  }
}
