package io.brushguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.concentration.ShopeeBrushing;
import io.brushguard.ingest.Reject;
import io.brushguard.ingest.ShopeeCsv;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShopeeLogGeneratorTest {

  @Test
  void contestConfig_writesTheContestShape_thatShopeeCsvReadsWithoutRejects() {
    byte[] csv = ShopeeLogGenerator.generate(ShopeeLogGenerator.Config.CONTEST).toCsvBytes();
    String text = new String(csv, StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    assertThat(lines[0]).isEqualTo("orderid,shopid,userid,event_time");
    assertThat(lines).hasSize(222_750 + 1);
    assertThat(lines[1]).matches("\\d+,\\d+,\\d+,2019-12-(27|28|29|30|31) \\d\\d:\\d\\d:\\d\\d");

    List<ShopeeCsv.Row> rows = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ShopeeCsv.read(
        new ByteArrayInputStream(csv),
        new ShopeeCsv.Sink() {
          @Override
          public void accept(ShopeeCsv.Row row) {
            rows.add(row);
          }

          @Override
          public void reject(Reject reject) {
            rejects.add(reject);
          }
        });
    assertThat(rejects).isEmpty();
    assertThat(rows).hasSize(222_750);
    Set<String> orders = new HashSet<>();
    Set<String> shops = new HashSet<>();
    Set<String> buyers = new HashSet<>();
    for (ShopeeCsv.Row r : rows) {
      orders.add(r.order());
      shops.add(r.shop());
      buyers.add(r.buyer());
    }
    assertThat(orders).hasSize(222_750);
    assertThat(shops).hasSize(18_770);
    assertThat(buyers.size()).isBetween(85_000, 100_000);

    long brushing =
        ShopeeBrushing.contest().solve(rows).values().stream().filter(b -> !b.isEmpty()).count();
    assertThat(brushing).as("shops that brushed").isBetween(150L, 450L);
  }

  @Test
  void sameSeed_sameLog_otherSeed_otherLog() {
    ShopeeLogGenerator.Config small = new ShopeeLogGenerator.Config(2_000, 100, 500, 5, 10, 1);
    byte[] a = ShopeeLogGenerator.generate(small).toCsvBytes();
    byte[] b = ShopeeLogGenerator.generate(small).toCsvBytes();
    ShopeeLogGenerator.Config other = new ShopeeLogGenerator.Config(2_000, 100, 500, 5, 10, 2);
    assertThat(a).isEqualTo(b).isNotEqualTo(ShopeeLogGenerator.generate(other).toCsvBytes());
  }
}
