package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.Like;
import io.brushguard.event.Link;
import io.brushguard.event.Listing;
import io.brushguard.event.Login;
import io.brushguard.event.Logistics;
import io.brushguard.event.Order;
import io.brushguard.event.Payment;
import io.brushguard.event.Report;
import io.brushguard.event.Review;
import io.brushguard.event.Search;
import io.brushguard.event.SpotCheck;
import io.brushguard.event.View;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventWriterTest {
  private final EventParser parser = new EventParser();

  /** One event of every type with every optional field set, and one with only the required. */
  static List<Event> everyTypeFullAndMinimal() {
    long ts = 1_740_831_300_000L;
    return List.of(
        new Account("u1", ts, Account.Role.MERCHANT, "s1", "13800000001", "id:9f", "d1", "1.2.3.4"),
        new Account("u2", ts, null, null, null, null, null, null),
        new Login("u1", ts, "d1", "1.2.3.4"),
        new Login("u1", ts, null, null),
        new Search("u1", "保温杯 316不锈钢", ts, "ss1", "d1", "1.2.3.4"),
        new Search("u1", "", ts, null, null, null),
        new View("u1", "s1", ts, "i1", 48_000, "ss1", "保温杯"),
        new View("u1", "s1", ts, null, View.UNKNOWN, null, null),
        new Order(
            "o1", "u1", "s1", "i1", 5900, ts, 3, "USD", "d1", "1.2.3.4", "a:1", "pay-u1", 500,
            "c618", "ss1"),
        Order.of("o2", "u1", "s1", "i1", 0, ts),
        new Payment("p1", "pay-s1", "pay-u1", 1800, ts, Payment.Kind.RED_PACKET, "o1", "返现", "CNY"),
        new Payment("p2", "a", "b", 1, ts, null, null, null, null),
        new Link("u1", "pay-u1", ts),
        new Logistics("SF1", "o1", Logistics.Status.PICKED_UP, ts, "SF", "杭州", 350),
        new Logistics("SF1", "o1", Logistics.Status.DELIVERED, ts, null, null, Logistics.UNKNOWN),
        new Review(
            "r1",
            "u1",
            "s1",
            5,
            ts,
            "o1",
            "i1",
            "超赞！\"物美价廉\"\n👍",
            List.of("ab12", "cd34"),
            "d1",
            "1.2.3.4"),
        new Review("r2", "u1", "s1", 1, ts, null, null, null, null, null, null),
        new Like("u2", "r1", ts, "d2", "5.6.7.8"),
        new Like("u2", "r1", ts, null, null),
        new Listing("l1", "s1", "400-1234-567（点击咨询）", ts, "i1", "保险柜维修"),
        new Listing("l2", "s1", "", ts, null, null),
        new Report(
            "rp1",
            "u1",
            Report.TargetKind.SHOP,
            "s1",
            ts,
            Report.Category.CASHBACK_INVITE,
            "好评返现卡",
            List.of(
                new Report.Attachment(Report.Attachment.Kind.SCREENSHOT, "ab", "card.jpg"),
                new Report.Attachment(Report.Attachment.Kind.CHAT, null, null))),
        new Report("rp2", "u1", Report.TargetKind.REVIEW, "r1", ts, null, null, null),
        new SpotCheck(
            "c1", "s1", SpotCheck.Kind.QUALITY, SpotCheck.Result.FAIL, ts, "i1", "质检中心", "厚度不达标"),
        new SpotCheck(
            "c2", "s1", SpotCheck.Kind.QUALIFICATION, SpotCheck.Result.PASS, ts, null, null, null));
  }

  @Test
  void roundTrip_everyTypeWithAllAndWithOnlyRequiredFields_parsesBackEqual() {
    for (Event e : everyTypeFullAndMinimal()) {
      assertThat(parser.parse(EventWriter.toLine(e))).as(EventWriter.toLine(e)).isEqualTo(e);
    }
  }

  @Test
  void order_requiredFieldsOnly_writesTypeFirstAndLeavesDefaultsOut() {
    String line = EventWriter.toLine(Order.of("o1", "u1", "s1", "i1", 5900, 1_000L));

    assertThat(line)
        .isEqualTo(
            "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"u1\",\"shop\":\"s1\","
                + "\"item\":\"i1\",\"amount\":5900,\"ts\":1000}");
  }

  @Test
  void text_withQuotesControlCharactersAndLineSeparators_isEscapedOnOneLine() {
    String text = "a\"b\\c\nd\u0001e\u2028f";
    String line = EventWriter.toLine(new Listing("l1", "s1", text, 1_740_831_300_000L, null, null));

    assertThat(line).doesNotContain("\n").doesNotContain("\u2028");
    assertThat(((Listing) parser.parse(line)).text()).isEqualTo(text);
  }

  @Test
  void payment_defaultKind_isWrittenExplicitly() {
    String line =
        EventWriter.toLine(
            new Payment("p", "a", "b", 1, 1_740_831_300_000L, null, null, null, null));

    assertThat(line).contains("\"kind\":\"other\"").doesNotContain("currency");
  }

  /** Seeded random texts and ids (quotes, backslashes, control characters, CJK, emoji). */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void roundTrip_randomTextsAndIds_parsesBackEqual(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 50; round++) {
      String id = Rand.id(rnd);
      String text = Rand.text(rnd);
      long ts = rnd.nextLong(Timestamps.MIN_MILLIS, 4_102_444_800_000L);
      List<Event> events =
          List.of(
              new Review(id, id, id, 3, ts, id, id, text, List.of(text), text, text),
              new Search(id, text, ts, text, text, text),
              new Listing(id, id, text, ts, null, text),
              new Payment(id, id, id, ts, ts, Payment.Kind.TRANSFER, null, text, text),
              new Report(
                  id,
                  id,
                  Report.TargetKind.ACCOUNT,
                  id,
                  ts,
                  Report.Category.SPAM,
                  text,
                  List.of(new Report.Attachment(Report.Attachment.Kind.CHAT, text, text))));
      for (Event e : events) {
        assertThat(parser.parse(EventWriter.toLine(e))).as("seed %d: %s", seed, e).isEqualTo(e);
      }
    }
  }

  /** Random values for the round trip. */
  private static final class Rand {
    private static final String[] PREFIXES = {"u", "订单", "x\"y", "s\\", "1", "a b"};
    private static final String[] PIECES = {
      "👍", "😊🎉", "\n", "\t", "\u0001", "\u2028", "\"", "\\", "超赞", "é", "/"
    };

    static String id(SplittableRandom rnd) {
      return PREFIXES[rnd.nextInt(PREFIXES.length)] + rnd.nextLong(0, 1L << 40);
    }

    /** Valid Unicode (no lone surrogates, which UTF-8 cannot carry). */
    static String text(SplittableRandom rnd) {
      StringBuilder b = new StringBuilder();
      int n = rnd.nextInt(0, 40);
      for (int i = 0; i < n; i++) {
        if (rnd.nextInt(4) == 0) {
          b.append(PIECES[rnd.nextInt(PIECES.length)]);
        } else {
          char c = (char) rnd.nextInt(0, 0xD800);
          b.append(c);
        }
      }
      return b.toString();
    }
  }
}
