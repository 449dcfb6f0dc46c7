package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brushguard.event.Account;
import io.brushguard.event.Event;
import io.brushguard.event.InvalidEventException;
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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {
  /** 2025-03-01T20:15:00+08:00. */
  static final long T = Instant.parse("2025-03-01T12:15:00Z").toEpochMilli();

  private final EventParser parser = new EventParser();

  private Event parse(String line) {
    return parser.parse(line);
  }

  private InvalidEventException reject(String line) {
    return assertThrows(InvalidEventException.class, () -> parser.parse(line), line);
  }

  private InvalidEventException reject(byte[] line) {
    return assertThrows(InvalidEventException.class, () -> parser.parse(line, 0, line.length));
  }

  // ---- every event type ----

  @Nested
  class EveryType {
    @Test
    void account_allFields() {
      Event e =
          parse(
              "{\"type\":\"account\",\"account\":\"a1\",\"ts\":\"2025-03-01T20:15:00+08:00\","
                  + "\"role\":\"merchant\",\"shop\":\"s1\",\"phone\":\"13800000000\","
                  + "\"identity\":\"id#9f2c\",\"device\":\"d1\",\"ip\":\"10.0.0.1\"}");
      assertThat(e)
          .isEqualTo(
              new Account(
                  "a1",
                  T,
                  Account.Role.MERCHANT,
                  "s1",
                  "13800000000",
                  "id#9f2c",
                  "d1",
                  "10.0.0.1"));
    }

    @Test
    void account_minimal_defaultsToBuyer() {
      Event e = parse("{\"type\":\"account\",\"account\":\"a1\",\"ts\":" + T + "}");
      assertThat(e)
          .isEqualTo(new Account("a1", T, Account.Role.BUYER, null, null, null, null, null));
    }

    @Test
    void account_staffRole() {
      Account a =
          (Account)
              parse(
                  "{\"type\":\"account\",\"account\":\"a1\",\"ts\":1000000000000,\"role\":\"staff\"}");
      assertThat(a.role()).isEqualTo(Account.Role.STAFF);
    }

    @Test
    void login_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"login\",\"account\":\"a1\",\"ts\":"
                      + T
                      + ",\"device\":\"d1\",\"ip\":\"1.2.3.4\"}"))
          .isEqualTo(new Login("a1", T, "d1", "1.2.3.4"));
      assertThat(parse("{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + T + "}"))
          .isEqualTo(new Login("a1", T, null, null));
    }

    @Test
    void search_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"search\",\"account\":\"a1\",\"query\":\"蓝牙耳机 降噪\",\"ts\":"
                      + T
                      + ",\"session\":\"x1\",\"device\":\"d1\",\"ip\":\"1.2.3.4\"}"))
          .isEqualTo(new Search("a1", "蓝牙耳机 降噪", T, "x1", "d1", "1.2.3.4"));
      assertThat(parse("{\"type\":\"search\",\"account\":\"a1\",\"query\":\"\",\"ts\":" + T + "}"))
          .isEqualTo(new Search("a1", "", T, null, null, null));
    }

    @Test
    void view_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"view\",\"account\":\"a1\",\"shop\":\"s1\",\"ts\":"
                      + T
                      + ",\"item\":\"i1\",\"dwell_ms\":360000,\"session\":\"x1\","
                      + "\"query\":\"耳机\"}"))
          .isEqualTo(new View("a1", "s1", T, "i1", 360_000, "x1", "耳机"));
      assertThat(parse("{\"type\":\"view\",\"account\":\"a1\",\"shop\":\"s1\",\"ts\":" + T + "}"))
          .isEqualTo(new View("a1", "s1", T, null, View.UNKNOWN, null, null));
    }

    @Test
    void order_allFields() {
      Event e =
          parse(
              "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"a1\",\"shop\":\"s1\","
                  + "\"item\":\"i1\",\"amount\":19900,\"ts\":\"2025-03-01T12:15:00Z\","
                  + "\"quantity\":2,\"currency\":\"USD\",\"device\":\"d1\",\"ip\":\"1.2.3.4\","
                  + "\"address\":\"addr#1\",\"payer\":\"p1\",\"subsidy\":500,"
                  + "\"campaign\":\"618\",\"session\":\"x1\"}");
      assertThat(e)
          .isEqualTo(
              new Order(
                  "o1", "a1", "s1", "i1", 19_900, T, 2, "USD", "d1", "1.2.3.4", "addr#1", "p1", 500,
                  "618", "x1"));
    }

    @Test
    void order_minimal_defaultsQuantityCurrencySubsidy() {
      Order o =
          (Order)
              parse(
                  "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"a1\",\"shop\":\"s1\","
                      + "\"item\":\"i1\",\"amount\":0,\"ts\":"
                      + T
                      + "}");
      assertThat(o).isEqualTo(Order.of("o1", "a1", "s1", "i1", 0, T));
      assertThat(o.quantity()).isEqualTo(1);
      assertThat(o.currency()).isEqualTo("CNY");
      assertThat(o.subsidy()).isZero();
    }

    @Test
    void payment_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"payment\",\"payment\":\"pay1\",\"from\":\"pa\",\"to\":\"pb\","
                      + "\"amount\":888,\"ts\":"
                      + T
                      + ",\"kind\":\"red_packet\",\"order\":\"o1\",\"memo\":\"返现\","
                      + "\"currency\":\"CNY\"}"))
          .isEqualTo(
              new Payment("pay1", "pa", "pb", 888, T, Payment.Kind.RED_PACKET, "o1", "返现", "CNY"));
      assertThat(
              parse(
                  "{\"type\":\"payment\",\"payment\":\"pay1\",\"from\":\"pa\",\"to\":\"pb\","
                      + "\"amount\":888,\"ts\":"
                      + T
                      + "}"))
          .isEqualTo(new Payment("pay1", "pa", "pb", 888, T, Payment.Kind.OTHER, null, null, null));
    }

    @Test
    void link() {
      assertThat(parse("{\"type\":\"link\",\"account\":\"a1\",\"payer\":\"p1\",\"ts\":" + T + "}"))
          .isEqualTo(new Link("a1", "p1", T));
    }

    @Test
    void logistics_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"logistics\",\"waybill\":\"w1\",\"order\":\"o1\","
                      + "\"status\":\"picked_up\",\"ts\":"
                      + T
                      + ",\"carrier\":\"SF\",\"location\":\"310000\",\"weight_g\":12}"))
          .isEqualTo(new Logistics("w1", "o1", Logistics.Status.PICKED_UP, T, "SF", "310000", 12));
      assertThat(
              parse(
                  "{\"type\":\"logistics\",\"waybill\":\"w1\",\"order\":\"o1\","
                      + "\"status\":\"in_transit\",\"ts\":"
                      + T
                      + "}"))
          .isEqualTo(
              new Logistics(
                  "w1", "o1", Logistics.Status.IN_TRANSIT, T, null, null, Logistics.UNKNOWN));
    }

    @Test
    void review_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"review\",\"review\":\"r1\",\"account\":\"a1\",\"shop\":\"s1\","
                      + "\"rating\":5,\"ts\":"
                      + T
                      + ",\"order\":\"o1\",\"item\":\"i1\",\"text\":\"超赞！物美价廉 👍\","
                      + "\"images\":[\"a1b2c3d4e5f60718\",\"ffee\"],\"device\":\"d1\","
                      + "\"ip\":\"1.2.3.4\"}"))
          .isEqualTo(
              new Review(
                  "r1",
                  "a1",
                  "s1",
                  5,
                  T,
                  "o1",
                  "i1",
                  "超赞！物美价廉 👍",
                  List.of("a1b2c3d4e5f60718", "ffee"),
                  "d1",
                  "1.2.3.4"));
      assertThat(
              parse(
                  "{\"type\":\"review\",\"review\":\"r1\",\"account\":\"a1\",\"shop\":\"s1\","
                      + "\"rating\":1,\"ts\":"
                      + T
                      + "}"))
          .isEqualTo(new Review("r1", "a1", "s1", 1, T, null, null, null, List.of(), null, null));
    }

    @Test
    void like_allFieldsAndMinimal() {
      Like like =
          (Like)
              parse(
                  "{\"type\":\"like\",\"account\":\"a1\",\"review\":\"r1\",\"ts\":"
                      + T
                      + ",\"device\":\"d1\",\"ip\":\"1.2.3.4\"}");
      assertThat(like).isEqualTo(new Like("a1", "r1", T, "d1", "1.2.3.4"));
      assertThat(like.id()).isEqualTo("a1:r1");
      assertThat(parse("{\"type\":\"like\",\"account\":\"a1\",\"review\":\"r1\",\"ts\":" + T + "}"))
          .isEqualTo(new Like("a1", "r1", T, null, null));
    }

    @Test
    void listing_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"listing\",\"listing\":\"l1\",\"shop\":\"s1\","
                      + "\"text\":\"点击咨询 400-123-4567\",\"ts\":"
                      + T
                      + ",\"item\":\"i1\",\"title\":\"正品\"}"))
          .isEqualTo(new Listing("l1", "s1", "点击咨询 400-123-4567", T, "i1", "正品"));
      assertThat(
              parse(
                  "{\"type\":\"listing\",\"listing\":\"l1\",\"shop\":\"s1\",\"text\":\"\","
                      + "\"ts\":"
                      + T
                      + "}"))
          .isEqualTo(new Listing("l1", "s1", "", T, null, null));
    }

    @Test
    void report_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"report\",\"report\":\"rp1\",\"reporter\":\"a9\","
                      + "\"target_kind\":\"shop\",\"target\":\"s1\",\"ts\":"
                      + T
                      + ",\"category\":\"cashback_invite\",\"text\":\"好评返现5元\","
                      + "\"attachments\":[{\"kind\":\"screenshot\",\"sha256\":\"ab12\","
                      + "\"name\":\"1.png\"},{\"kind\":\"chat\"}]}"))
          .isEqualTo(
              new Report(
                  "rp1",
                  "a9",
                  Report.TargetKind.SHOP,
                  "s1",
                  T,
                  Report.Category.CASHBACK_INVITE,
                  "好评返现5元",
                  List.of(
                      new Report.Attachment(Report.Attachment.Kind.SCREENSHOT, "ab12", "1.png"),
                      new Report.Attachment(Report.Attachment.Kind.CHAT, null, null))));
      assertThat(
              parse(
                  "{\"type\":\"report\",\"report\":\"rp1\",\"reporter\":\"a9\","
                      + "\"target_kind\":\"review\",\"target\":\"r1\",\"ts\":"
                      + T
                      + "}"))
          .isEqualTo(
              new Report(
                  "rp1",
                  "a9",
                  Report.TargetKind.REVIEW,
                  "r1",
                  T,
                  Report.Category.OTHER,
                  null,
                  List.of()));
    }

    @Test
    void spotCheck_allFieldsAndMinimal() {
      assertThat(
              parse(
                  "{\"type\":\"spot_check\",\"check\":\"c1\",\"shop\":\"s1\",\"kind\":\"quality\","
                      + "\"result\":\"fail\",\"ts\":"
                      + T
                      + ",\"item\":\"i1\",\"agency\":\"CNAS\",\"note\":\"空包\"}"))
          .isEqualTo(
              new SpotCheck(
                  "c1",
                  "s1",
                  SpotCheck.Kind.QUALITY,
                  SpotCheck.Result.FAIL,
                  T,
                  "i1",
                  "CNAS",
                  "空包"));
      assertThat(
              parse(
                  "{\"type\":\"spot_check\",\"check\":\"c1\",\"shop\":\"s1\","
                      + "\"kind\":\"qualification\",\"result\":\"pass\",\"ts\":"
                      + T
                      + "}"))
          .isEqualTo(
              new SpotCheck(
                  "c1",
                  "s1",
                  SpotCheck.Kind.QUALIFICATION,
                  SpotCheck.Result.PASS,
                  T,
                  null,
                  null,
                  null));
    }

    @Test
    void optionalFieldsGivenAsNull_areAbsent() {
      Event e =
          parse(
              "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"a1\",\"shop\":\"s1\","
                  + "\"item\":\"i1\",\"amount\":5,\"ts\":"
                  + T
                  + ",\"quantity\":null,\"currency\":null,\"device\":null,\"payer\":null,"
                  + "\"subsidy\":null,\"campaign\":null}");
      assertThat(e).isEqualTo(Order.of("o1", "a1", "s1", "i1", 5, T));
    }
  }

  // ---- timestamps ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"2025-03-01T20:15:00+08:00\"",
        "\"2025-03-01T12:15:00Z\"",
        "\"2025-03-01T12:15:00z\"",
        "\"2025-03-01T07:15:00-05:00\"",
        "\"2025-03-01T12:15:00+00:00\"",
        "\"2025-03-01T12:15:00.000Z\"",
        "\"2025-03-01T20:15:00.0+08:00\"",
        "\"2025-03-01T12:15:00.000999999Z\"",
        "\"2025-03-01T12:15Z\"",
        "1740831300000"
      })
  void timestamp_everyForm_givesTheSameInstant(String ts) {
    assertThat(parse("{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + ts + "}").ts())
        .isEqualTo(T);
  }

  @Test
  void timestamp_fractionalSeconds_truncateToMillis() {
    assertThat(tsOf("\"2025-03-01T12:15:00.123Z\"")).isEqualTo(T + 123);
    assertThat(tsOf("\"2025-03-01T12:15:00.5Z\"")).isEqualTo(T + 500);
    assertThat(tsOf("\"2025-03-01T12:15:00.12Z\"")).isEqualTo(T + 120);
    assertThat(tsOf("\"2025-03-01T20:15:00.987654321+08:00\"")).isEqualTo(T + 987);
  }

  @Test
  void timestamp_rangeEdgesAndLeapDay() {
    assertThat(tsOf("946684800000")).isEqualTo(Timestamps.MIN_MILLIS);
    assertThat(tsOf("\"2000-01-01T08:00:00+08:00\"")).isEqualTo(Timestamps.MIN_MILLIS);
    assertThat(tsOf("253402300799999")).isEqualTo(Timestamps.MAX_MILLIS);
    assertThat(tsOf("\"9999-12-31T23:59:59.999Z\"")).isEqualTo(Timestamps.MAX_MILLIS);
    assertThat(tsOf("\"2024-02-29T00:00:00Z\""))
        .isEqualTo(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli());
  }

  private long tsOf(String ts) {
    return parse("{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + ts + "}").ts();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-03-01T20:15:00",
        "2025-03-01 20:15:00+08:00",
        "2025-03-01",
        "2025-02-30T00:00:00Z",
        "2025-13-01T00:00:00Z",
        "2025-03-01T24:00:00Z",
        "2025-03-01T20:15:00+0800",
        "2025-03-01T20:15:00+19:00",
        "2025-03-01T20:15:00+18:30",
        "2025-03-01T20:15:00.1234567890Z",
        "2025-03-01T20:15:00.١٢٣Z",
        "２０２５-03-01T20:15:00Z",
        "yesterday",
        ""
      })
  void timestamp_invalidText_rejectedNamingTs(String ts) {
    InvalidEventException e =
        reject("{\"type\":\"login\",\"account\":\"a1\",\"ts\":\"" + ts + "\"}");
    assertThat(e.field()).isEqualTo("ts");
    assertThat(e.reason()).contains("ISO-8601");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-1                     | must not be before 2000-01-01T00:00:00Z, was -1",
        "0                      | must not be before 2000-01-01T00:00:00Z, was 0",
        "-9223372036854775807   | must not be before 2000-01-01T00:00:00Z, was -9223372036854775807",
        "1740833100             | must not be before 2000-01-01T00:00:00Z (epoch seconds? ts is epoch"
            + " milliseconds), was 1740833100",
        "946684799999           | must not be before 2000-01-01T00:00:00Z, was 946684799999",
        "253402300800000        | must not be after 9999-12-31T23:59:59.999Z, was 253402300800000",
        "1740833100000000       | must not be after 9999-12-31T23:59:59.999Z (epoch microseconds? ts is"
            + " epoch milliseconds), was 1740833100000000",
        "1740833100000000000    | must not be after 9999-12-31T23:59:59.999Z (epoch nanoseconds? ts is"
            + " epoch milliseconds), was 1740833100000000000",
        "9223372036854775807    | must not be after 9999-12-31T23:59:59.999Z (epoch nanoseconds? ts is"
            + " epoch milliseconds), was 9223372036854775807",
        "'\"1999-12-31T23:59:59.999Z\"' | must not be before 2000-01-01T00:00:00Z, was"
            + " \"1999-12-31T23:59:59.999Z\"",
        "'\"1969-12-31T23:59:59Z\"' | must not be before 2000-01-01T00:00:00Z, was \"1969-12-31T23:59:59Z\"",
        "'\"+10000-01-01T00:00:00Z\"' | must not be after 9999-12-31T23:59:59.999Z, was"
            + " \"+10000-01-01T00:00:00Z\"",
        "'\"+999999999-12-31T23:59:59Z\"' | must be from 2000-01-01 to 9999-12-31, was"
            + " \"+999999999-12-31T23:59:59Z\""
      })
  void timestamp_outsideTheYears2000To9999_rejectedNamingTsAndValue(String ts, String reason) {
    InvalidEventException e = reject("{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + ts + "}");
    assertThat(e.field()).isEqualTo("ts");
    assertThat(e.reason()).isEqualTo(reason);
  }

  @Test
  void timestamp_farFutureBeyondMillisRange_rejectedNotThrownAsArithmetic() {
    InvalidEventException e =
        reject("{\"type\":\"login\",\"account\":\"a1\",\"ts\":\"+999999999-12-31T23:59:59Z\"}");
    assertThat(e.field()).isEqualTo("ts");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "false", "{}", "[1]", "1.5", "1e3"})
  void timestamp_wrongType_rejectedNamingTs(String ts) {
    InvalidEventException e = reject("{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + ts + "}");
    assertThat(e.field()).isEqualTo("ts");
  }

  // ---- leniency the contract asks for ----

  @Test
  void unknownFields_ofEveryKind_areIgnored() {
    Event e =
        parse(
            "{\"v\":2,\"type\":\"login\",\"extra\":{\"a\":[1,2.5e-3,{\"b\":null}],\"c\":\"x\"},"
                + "\"flag\":true,\"off\":false,\"nothing\":null,\"list\":[],\"obj\":{},"
                + "\"account\":\"a1\",\"ts\":"
                + T
                + ",\"trailing\":\"超赞\"}");
    assertThat(e).isEqualTo(new Login("a1", T, null, null));
  }

  @Test
  void idsGivenAsJsonNumbers_areTakenAsTheirText() {
    Order o =
        (Order)
            parse(
                "{\"type\":\"order\",\"order\":31076582227611,\"account\":0,\"shop\":-7,"
                    + "\"item\":42,\"amount\":100,\"ts\":"
                    + T
                    + ",\"payer\":9007199254740993}");
    assertThat(o.order()).isEqualTo("31076582227611");
    assertThat(o.account()).isEqualTo("0");
    assertThat(o.shop()).isEqualTo("-7");
    assertThat(o.item()).isEqualTo("42");
    assertThat(o.payer()).isEqualTo("9007199254740993");
  }

  @Test
  void whitespaceAroundTokens_isAllowed() {
    assertThat(
            parse(" \t{ \"type\" : \"login\" ,\r\n \"account\"\t:\"a1\" , \"ts\" : " + T + " } \r"))
        .isEqualTo(new Login("a1", T, null, null));
  }

  @Test
  void fieldGivenTwice_rejectedNamingIt_becauseReadersDisagreeOnWhichCounts() {
    InvalidEventException e =
        reject(
            "{\"type\":\"order\",\"order\":\"o1\",\"order\":\"o2\",\"account\":\"a1\","
                + "\"shop\":\"s1\",\"item\":\"i1\",\"amount\":1,\"ts\":1}");
    assertThat(e.field()).isEqualTo("order");
    assertThat(e.reason())
        .isEqualTo(
            "is given twice, at columns 17 and 30 (JSON readers disagree on which one counts)");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"ts\":2}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"account\":null}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"acc\\u006funt\":\"a2\"}",
        "{\"type\":\"login\",\"\\u0061ccount\":\"a1\",\"ts\":1,\"account\":\"a2\"}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"x\":1,\"x\":1}",
        "{\"type\":\"login\",\"type\":\"login\",\"account\":\"a1\",\"ts\":1}"
      })
  void fieldGivenTwice_evenEscapedOrUnknownOrEqual_rejected(String line) {
    assertThat(reject(line).reason()).startsWith("is given twice, at columns ");
  }

  @Test
  void sameNameInDifferentObjects_accepted() {
    assertThat(parse("{\"type\":\"login\",\"account\":\"a1\",\"x\":{\"ts\":2},\"ts\":" + T + "}"))
        .isEqualTo(new Login("a1", T, null, null));
  }

  @Test
  void attachmentFieldGivenTwice_rejected() {
    InvalidEventException e =
        reject(
            report("\"attachments\":[{\"kind\":\"chat\",\"name\":\"a\",\"kind\":\"screenshot\"}]"));
    assertThat(e.field()).isEqualTo("attachments");
    assertThat(e.reason()).startsWith("has the name \"kind\" twice in one object");
  }

  @Test
  void escapes_areDecoded() {
    Review r =
        (Review)
            parse(
                "{\"type\":\"review\",\"review\":\"r\\\"1\\\\\",\"account\":\"a\\/1\","
                    + "\"shop\":\"s1\",\"rating\":5,\"ts\":"
                    + T
                    + ",\"text\":\"line1\\nline2\\t\\\"quoted\\\" caf\\u00e9 \\b\\f\\r"
                    + " \\ud83d\\ude00 \\u8D85\\u8d5e\"}");
    assertThat(r.review()).isEqualTo("r\"1\\");
    assertThat(r.account()).isEqualTo("a/1");
    assertThat(r.text()).isEqualTo("line1\nline2\t\"quoted\" café \b\f\r 😀 超赞");
  }

  @Test
  void escapedFieldNames_matchTheirDecodedName() {
    assertThat(parse("{\"t\\u0079pe\":\"login\",\"\\u0061ccount\":\"a1\",\"ts\":" + T + "}"))
        .isEqualTo(new Login("a1", T, null, null));
  }

  @Test
  void chineseText_rawAndEscaped_decodeAlike() {
    Search raw =
        (Search)
            parse(
                "{\"type\":\"search\",\"account\":\"买家一号\",\"query\":\"五星好评\",\"ts\":1000000000000}");
    Search escaped =
        (Search)
            parse(
                "{\"type\":\"search\",\"account\":\"\\u4e70\\u5bb6\\u4e00\\u53f7\","
                    + "\"query\":\"\\u4e94\\u661f\\u597d\\u8bc4\",\"ts\":1000000000000}");
    assertThat(raw).isEqualTo(escaped);
    assertThat(raw.account()).isEqualTo("买家一号");
  }

  @Test
  void parserIsReusable_afterAReject() {
    reject("{\"type\":\"login\"");
    assertThat(parse("{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + T + "}"))
        .isEqualTo(new Login("a1", T, null, null));
  }

  @Test
  void manyFields_growTheScanner() {
    StringBuilder sb =
        new StringBuilder("{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000000");
    for (int i = 0; i < 100; i++) {
      sb.append(",\"f").append(i).append("\":").append(i);
    }
    assertThat(parse(sb.append(",\"device\":\"d9\"}").toString()))
        .isEqualTo(new Login("a1", 1000000000000L, "d9", null));
  }

  @Test
  void parsesASliceOfABuffer() {
    byte[] buf =
        ("garbage{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000005}more")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(buf, 7, buf.length - 4))
        .isEqualTo(new Login("a1", 1000000000005L, null, null));
  }

  // ---- malformed JSON: the line as a whole is at fault ----

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001",
        "\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001} x",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001}{\"type\":\"login\"}",
        "{'type':'login','account':'a1','ts':1}",
        "{type:\"login\",\"account\":\"a1\",\"ts\":1000000000001}",
        "{\"type\":\"login\" \"account\":\"a1\",\"ts\":1000000000001}",
        "{\"type\" \"login\",\"account\":\"a1\",\"ts\":1000000000001}",
        "{\"type\":\"login\",,\"account\":\"a1\",\"ts\":1000000000001}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":01}",
        "[{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001}]",
        "null",
        "",
        "   ",
        "}"
      })
  void malformedJson_rejectedWithoutField_namingTheColumn(String line) {
    InvalidEventException e = reject(line);
    assertThat(e.field()).isNull();
    assertThat(e.getMessage()).startsWith("malformed JSON at column ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":+1}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":.5}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":1.}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":1e}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":-}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":NaN}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":tru}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":nul}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":'a'}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":[1,]}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":{\"a\":1,}}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":{\"a\" 1}}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":{a:1}}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":[1 2]}",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"x\":[1,2}}"
      })
  void malformedValue_rejectedNamingItsField(String line) {
    InvalidEventException e = reject(line);
    assertThat(e.field()).isEqualTo("x");
    assertThat(e.reason()).startsWith("malformed JSON at column ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"login\",\"account\":\"a",
        "{\"type\":\"login\",\"account\":",
        "{\"type\":\"login\",\"account\"",
        "{\"type\":\"login\",\"acc",
        "{\"type\":\"login\",",
        "{\"type\"",
        "{\"",
        "{",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"x\":[1,{\"y\":\"z",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"x\":\"\\",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"x\":\"\\u12",
        "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1,\"x\":tr"
      })
  void truncatedLine_rejectedAsMalformed(String line) {
    assertThat(reject(line).reason()).startsWith("malformed JSON at column ");
  }

  @Test
  void malformedJson_namesTheColumn() {
    assertThat(reject("{\"type\":\"login\",\"ts\":1,}").getMessage())
        .isEqualTo("malformed JSON at column 24: expected a field name in double quotes");
    assertThat(reject("{'type':1}").getMessage())
        .isEqualTo("malformed JSON at column 2: expected a field name in double quotes");
    assertThat(reject("{\"type\":\"login\"} x").getMessage())
        .isEqualTo("malformed JSON at column 18: unexpected content after the JSON object");
  }

  @Test
  void truncatedLine_saysSo() {
    assertThat(reject("{\"type\":\"login\",\"ts\":1000000000001").reason()).contains("truncated");
    assertThat(reject("{\"type\":\"login\",\"account\":\"a").reason())
        .contains("unterminated string");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"a\u0001b\"",
        "\"tab\there\"",
        "\"new\nline\"",
        "\"bad \\x escape\"",
        "\"bad \\u12G4\"",
        "\"bad \\U0041\"",
        "\"lone high \\ud83d\"",
        "\"lone low \\ude00\"",
        "\"high then letter \\ud83d\\u0041\"",
        "\"high then text \\ud83dx\"",
        "\"two highs \\ud83d\\ud83d\""
      })
  void badStringContent_rejectedNamingTheField(String value) {
    InvalidEventException e =
        reject(
            "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"device\":"
                + value
                + "}");
    assertThat(e.field()).isEqualTo("device");
    assertThat(e.reason()).startsWith("malformed JSON at column ");
  }

  @Test
  void deepNesting_rejected() {
    String deep = "[".repeat(40) + "]".repeat(40);
    assertThat(
            reject(
                    "{\"type\":\"login\",\"x\":"
                        + deep
                        + ",\"account\":\"a1\",\"ts\":1000000000001}")
                .reason())
        .contains("nested deeper");
  }

  // ---- invalid UTF-8 ----

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("lone continuation byte", bytes(0x80)),
        Arguments.of("lone continuation byte after ASCII", bytes('a', 0xBF, 'b')),
        Arguments.of("overlong 2-byte '/'", bytes(0xC0, 0xAF)),
        Arguments.of("overlong 2-byte NUL", bytes(0xC1, 0x80)),
        Arguments.of("overlong 3-byte '/'", bytes(0xE0, 0x80, 0xAF)),
        Arguments.of("overlong 4-byte", bytes(0xF0, 0x80, 0x80, 0xAF)),
        Arguments.of("truncated 3-byte sequence", bytes(0xE4, 0xB8)),
        Arguments.of("truncated 2-byte sequence before ASCII", bytes(0xC3, 'a')),
        Arguments.of("truncated 4-byte sequence", bytes(0xF0, 0x9F, 0x98)),
        Arguments.of("UTF-16 surrogate code point", bytes(0xED, 0xA0, 0x80)),
        Arguments.of("low surrogate code point", bytes(0xED, 0xBF, 0xBF)),
        Arguments.of("above U+10FFFF", bytes(0xF4, 0x90, 0x80, 0x80)),
        Arguments.of("byte 0xF5", bytes(0xF5, 0x80, 0x80, 0x80)),
        Arguments.of("byte 0xFF", bytes(0xFF)),
        Arguments.of("byte 0xFE", bytes(0xFE)),
        Arguments.of("Latin-1 é", bytes(0xE9)),
        Arguments.of("GBK 中", bytes(0xD6, 0xD0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void invalidUtf8_insideAValue_rejectedNamingTheField(String what, byte[] bad) {
    byte[] line =
        concat(
            "{\"type\":\"search\",\"account\":\"a1\",\"ts\":1000000000001,\"query\":\"x",
            bad,
            "\"}");
    InvalidEventException e = reject(line);
    assertThat(e.field()).isEqualTo("query");
    assertThat(e.reason()).contains("UTF-8");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void invalidUtf8_insideAFieldName_rejected(String what, byte[] bad) {
    byte[] line =
        concat("{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001,\"k", bad, "\":1}");
    assertThat(reject(line).reason()).contains("UTF-8");
  }

  @Test
  void invalidUtf8_atTheVeryEndOfTheLine_rejectedAsTruncated() {
    byte[] line =
        concat(
            "{\"type\":\"search\",\"account\":\"a1\",\"ts\":1000000000001,\"query\":\"",
            bytes(0xE4),
            "");
    assertThat(reject(line).reason()).contains("UTF-8");
  }

  @Test
  void invalidUtf8_outsideStrings_rejected() {
    byte[] line =
        concat(
            "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1000000000001", bytes(0xC2, 0xA0), "}");
    assertThat(reject(line).getMessage()).startsWith("malformed JSON");
  }

  @Test
  void validUtf8_ofEveryLength_accepted() {
    // 2-, 3- and 4-byte sequences at their lowest and highest code points
    String text = "\u0080\u07ff\u0800\uffff\ud800\udc00\udbff\udfff é中😀";
    Search s =
        (Search)
            parse(
                "{\"type\":\"search\",\"account\":\"a1\",\"ts\":1000000000001,\"query\":\""
                    + text
                    + "\"}");
    assertThat(s.query()).isEqualTo(text);
  }

  static Stream<Arguments> utf16Lines() {
    String line = "{\"type\":\"login\",\"account\":\"a1\",\"ts\":1}";
    byte[] le = line.getBytes(StandardCharsets.UTF_16LE);
    byte[] be = line.getBytes(StandardCharsets.UTF_16BE);
    return Stream.of(
        Arguments.of("UTF-16LE", le),
        Arguments.of("UTF-16BE", be),
        Arguments.of("UTF-16LE", join(bytes(0xFF, 0xFE), le)),
        Arguments.of("UTF-16BE", join(bytes(0xFE, 0xFF), be)));
  }

  @ParameterizedTest(name = "{0} {index}")
  @MethodSource("utf16Lines")
  void utf16Line_rejectedSayingItIsUtf16(String order, byte[] line) {
    InvalidEventException e = reject(line);
    assertThat(e.field()).isNull();
    assertThat(e.reason()).startsWith("the input is " + order).contains("must be UTF-8");
  }

  // ---- wrong types ----

  @Test
  void amountAsString_rejected() {
    InvalidEventException e = reject(order("\"amount\":\"100\""));
    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.reason()).isEqualTo("must be an integer, was \"100\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4.5", "5.0", "5e0", "\"5\"", "true", "[5]"})
  void ratingNotAnInteger_rejected(String rating) {
    InvalidEventException e = reject(review(rating));
    assertThat(e.field()).isEqualTo("rating");
    assertThat(e.reason()).startsWith("must be an integer, was ");
  }

  @Test
  void tsAsBoolean_rejected() {
    InvalidEventException e = reject("{\"type\":\"login\",\"account\":\"a1\",\"ts\":true}");
    assertThat(e.field()).isEqualTo("ts");
    assertThat(e.reason()).isEqualTo("must be an ISO-8601 string or epoch milliseconds, was true");
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "{\"id\":1}", "[\"a1\"]"})
  void idOfWrongType_rejected(String id) {
    InvalidEventException e =
        reject("{\"type\":\"login\",\"account\":" + id + ",\"ts\":1000000000001}");
    assertThat(e.field()).isEqualTo("account");
    assertThat(e.reason()).startsWith("must be a string");
  }

  @Test
  void typeOfWrongType_rejected() {
    assertThat(reject("{\"type\":3,\"account\":\"a1\",\"ts\":1000000000001}").field())
        .isEqualTo("type");
    assertThat(reject("{\"type\":[\"login\"],\"account\":\"a1\",\"ts\":1000000000001}").field())
        .isEqualTo("type");
  }

  @Test
  void quantityFarBelowZero_rejectedNotWrapped() {
    InvalidEventException e = reject(order("\"amount\":1,\"quantity\":-4294967295"));
    assertThat(e.field()).isEqualTo("quantity");
    assertThat(e.reason()).contains("at least 1");
  }

  @Test
  void quantityAsString_rejected() {
    assertThat(reject(order("\"amount\":1,\"quantity\":\"2\"")).field()).isEqualTo("quantity");
  }

  @Test
  void imagesNotAListOfStrings_rejected() {
    assertThat(reject(review("5,\"images\":\"ab\"")).field()).isEqualTo("images");
    assertThat(reject(review("5,\"images\":[\"ab\",1]")).field()).isEqualTo("images");
    assertThat(reject(review("5,\"images\":[null]")).field()).isEqualTo("images");
  }

  @Test
  void attachmentsOfWrongShape_rejectedNamingTheElement() {
    assertThat(reject(report("\"attachments\":{\"kind\":\"chat\"}")).field())
        .isEqualTo("attachments");
    assertThat(reject(report("\"attachments\":[\"x\"]")).field()).isEqualTo("attachments[0]");
    assertThat(reject(report("\"attachments\":[{\"kind\":\"chat\"},{}]")).field())
        .isEqualTo("attachments[1].kind");
    InvalidEventException badKind = reject(report("\"attachments\":[{\"kind\":\"video\"}]"));
    assertThat(badKind.field()).isEqualTo("attachments[0].kind");
    assertThat(badKind.reason()).contains("screenshot, logistics_record, chat");
    assertThat(reject(report("\"attachments\":[{\"kind\":\"chat\",\"sha256\":12}]")).field())
        .isEqualTo("attachments[0].sha256");
    assertThat(reject(report("\"attachments\":[{\"kind\":\"chat\",\"name\":[]}]")).field())
        .isEqualTo("attachments[0].name");
  }

  // ---- missing required fields, per type ----

  /** The required fields of each type, in contract order, with a valid value. */
  static final Map<String, Map<String, String>> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put("account", fields("account", "\"a1\"", "ts", "1000000000001"));
    REQUIRED.put("login", fields("account", "\"a1\"", "ts", "1000000000001"));
    REQUIRED.put("search", fields("account", "\"a1\"", "query", "\"q\"", "ts", "1000000000001"));
    REQUIRED.put("view", fields("account", "\"a1\"", "shop", "\"s1\"", "ts", "1000000000001"));
    REQUIRED.put(
        "order",
        fields(
            "order",
            "\"o1\"",
            "account",
            "\"a1\"",
            "shop",
            "\"s1\"",
            "item",
            "\"i1\"",
            "amount",
            "1",
            "ts",
            "1000000000001"));
    REQUIRED.put(
        "payment",
        fields(
            "payment",
            "\"p1\"",
            "from",
            "\"pa\"",
            "to",
            "\"pb\"",
            "amount",
            "1",
            "ts",
            "1000000000001"));
    REQUIRED.put("link", fields("account", "\"a1\"", "payer", "\"p1\"", "ts", "1000000000001"));
    REQUIRED.put(
        "logistics",
        fields(
            "waybill",
            "\"w1\"",
            "order",
            "\"o1\"",
            "status",
            "\"created\"",
            "ts",
            "1000000000001"));
    REQUIRED.put(
        "review",
        fields(
            "review",
            "\"r1\"",
            "account",
            "\"a1\"",
            "shop",
            "\"s1\"",
            "rating",
            "3",
            "ts",
            "1000000000001"));
    REQUIRED.put("like", fields("account", "\"a1\"", "review", "\"r1\"", "ts", "1000000000001"));
    REQUIRED.put(
        "listing",
        fields("listing", "\"l1\"", "shop", "\"s1\"", "text", "\"t\"", "ts", "1000000000001"));
    REQUIRED.put(
        "report",
        fields(
            "report",
            "\"rp1\"",
            "reporter",
            "\"a1\"",
            "target_kind",
            "\"order\"",
            "target",
            "\"o1\"",
            "ts",
            "1000000000001"));
    REQUIRED.put(
        "spot_check",
        fields(
            "check",
            "\"c1\"",
            "shop",
            "\"s1\"",
            "kind",
            "\"quality\"",
            "result",
            "\"pass\"",
            "ts",
            "1000000000001"));
  }

  static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static String line(String type, Map<String, String> fields) {
    StringBuilder sb = new StringBuilder("{\"type\":\"").append(type).append('"');
    fields.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
    return sb.append('}').toString();
  }

  static Stream<Arguments> requiredFields() {
    List<Arguments> out = new ArrayList<>();
    REQUIRED.forEach(
        (type, fields) -> fields.keySet().forEach(f -> out.add(Arguments.of(type, f))));
    return out.stream();
  }

  @Test
  void everyTypesMinimalLine_parses() {
    REQUIRED.forEach(
        (type, fields) -> assertThat(parse(line(type, fields)).type().wire()).isEqualTo(type));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredFields")
  void missingRequiredField_rejectedNamingIt(String type, String field) {
    Map<String, String> without = new LinkedHashMap<>(REQUIRED.get(type));
    without.remove(field);
    InvalidEventException e = reject(line(type, without));
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.reason()).isEqualTo("is required");
  }

  @ParameterizedTest(name = "{0} with {1} null")
  @MethodSource("requiredFields")
  void requiredFieldGivenAsNull_rejectedNamingIt(String type, String field) {
    Map<String, String> nulled = new LinkedHashMap<>(REQUIRED.get(type));
    nulled.put(field, "null");
    InvalidEventException e = reject(line(type, nulled));
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.reason()).isEqualTo("is required");
  }

  @Test
  void missingType_rejected() {
    InvalidEventException e = reject("{\"account\":\"a1\",\"ts\":1000000000001}");
    assertThat(e.field()).isEqualTo("type");
    assertThat(e.reason()).isEqualTo("is required");
    assertThat(reject("{}").field()).isEqualTo("type");
  }

  @ParameterizedTest
  @ValueSource(strings = {"refund", "ORDER", "Order", "order ", "", "spot-check"})
  void unknownType_rejected(String type) {
    InvalidEventException e =
        reject("{\"type\":\"" + type + "\",\"account\":\"a1\",\"ts\":1000000000001}");
    assertThat(e.field()).isEqualTo("type");
    assertThat(e.reason()).startsWith("is not a known event type");
  }

  // ---- ids ----

  @Test
  void idOf128Characters_accepted_129_rejected() {
    String id128 = "x".repeat(128);
    assertThat(((Login) parse(login(id128))).account()).isEqualTo(id128);
    InvalidEventException e = reject(login("x".repeat(129)));
    assertThat(e.field()).isEqualTo("account");
    assertThat(e.reason()).isEqualTo("is longer than 128 characters (129)");
  }

  @Test
  void idLength_countsCharactersNotBytesOrUtf16Units() {
    String chinese128 = "买".repeat(128); // 384 bytes
    assertThat(((Login) parse(login(chinese128))).account()).isEqualTo(chinese128);
    String emoji128 = "😀".repeat(128); // 256 UTF-16 units, 512 bytes
    assertThat(((Login) parse(login(emoji128))).account()).isEqualTo(emoji128);
    assertThat(reject(login("😀".repeat(129))).field()).isEqualTo("account");
  }

  @ParameterizedTest
  @ValueSource(strings = {"u\\u0000x", "u\\u001fx", "\\u007f", "a\\u0085", "a\\n"})
  void idWithAControlCharacter_rejected(String escaped) {
    InvalidEventException e = reject(login(escaped));
    assertThat(e.field()).isEqualTo("account");
    assertThat(e.reason()).startsWith("must not contain control characters, has U+00");
  }

  @Test
  void idWithNul_rejectedNamingTheCharacterAndPosition() {
    InvalidEventException e = reject(order("\"amount\":1,\"payer\":\"u\\u0000x\""));
    assertThat(e.getMessage())
        .isEqualTo("field \"payer\" must not contain control characters, has U+0000 at position 2");
  }

  @Test
  void controlCharactersInFreeText_stillAccepted() {
    Search s =
        (Search)
            parse(
                "{\"type\":\"search\",\"account\":\"a1\",\"ts\":"
                    + T
                    + ",\"query\":\"a\\u0000\\tb\"}");
    assertThat(s.query()).isEqualTo("a\u0000\tb");
  }

  @Test
  void hugeId_rejectedWithAShortMessage() {
    InvalidEventException e = reject(login("x".repeat(100_000)));
    assertThat(e.field()).isEqualTo("account");
    assertThat(e.getMessage().length()).isLessThan(200);
  }

  @Test
  void hugeIdsInEveryIdField_rejectedNamingTheField() {
    String huge = "\"" + "9".repeat(129) + "\"";
    REQUIRED.forEach(
        (type, fields) ->
            fields.forEach(
                (field, value) -> {
                  if (!value.startsWith("\"") || isEnumOrText(field)) {
                    return;
                  }
                  Map<String, String> m = new LinkedHashMap<>(fields);
                  m.put(field, huge);
                  assertThat(reject(line(type, m)).field()).as(type + "." + field).isEqualTo(field);
                }));
  }

  private static boolean isEnumOrText(String field) {
    return List.of("status", "target_kind", "kind", "result", "query", "text").contains(field);
  }

  @Test
  void emptyId_rejected() {
    InvalidEventException e = reject(login(""));
    assertThat(e.field()).isEqualTo("account");
    assertThat(e.reason()).isEqualTo("must not be empty");
    assertThat(reject(order("\"amount\":1,\"payer\":\"\"")).field()).isEqualTo("payer");
  }

  @Test
  void hugeNumericId_rejected() {
    InvalidEventException e =
        reject("{\"type\":\"login\",\"account\":" + "1".repeat(200) + ",\"ts\":1000000000001}");
    assertThat(e.field()).isEqualTo("account");
  }

  // ---- ranges ----

  @ParameterizedTest
  @ValueSource(ints = {0, 6, -1, 10})
  void ratingOutside1to5_rejected(int rating) {
    InvalidEventException e = reject(review(Integer.toString(rating)));
    assertThat(e.field()).isEqualTo("rating");
    assertThat(e.reason()).isEqualTo("must be 1..5, was " + rating);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void rating1to5_accepted(int rating) {
    assertThat(((Review) parse(review(Integer.toString(rating)))).rating()).isEqualTo(rating);
  }

  @Test
  void negativeAmount_rejected() {
    InvalidEventException e = reject(order("\"amount\":-1"));
    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.reason()).isEqualTo("must not be negative, was -1");
    assertThat(
            reject(
                    "{\"type\":\"payment\",\"payment\":\"p1\",\"from\":\"a\",\"to\":\"b\","
                        + "\"amount\":-500,\"ts\":1000000000001}")
                .field())
        .isEqualTo("amount");
  }

  @Test
  void negativeOptionalQuantities_rejected() {
    assertThat(reject(order("\"amount\":1,\"subsidy\":-1")).field()).isEqualTo("subsidy");
    assertThat(reject(order("\"amount\":1,\"quantity\":0")).field()).isEqualTo("quantity");
    assertThat(reject(order("\"amount\":1,\"quantity\":-3")).field()).isEqualTo("quantity");
    for (String dwell : List.of("-1", "-5")) {
      assertThat(
              reject(
                      "{\"type\":\"view\",\"account\":\"a1\",\"shop\":\"s1\",\"ts\":1000000000001,"
                          + "\"dwell_ms\":"
                          + dwell
                          + "}")
                  .field())
          .isEqualTo("dwell_ms");
      assertThat(
              reject(
                      "{\"type\":\"logistics\",\"waybill\":\"w1\",\"order\":\"o1\","
                          + "\"status\":\"created\",\"ts\":1000000000001,\"weight_g\":"
                          + dwell
                          + "}")
                  .field())
          .isEqualTo("weight_g");
    }
  }

  @Test
  void quantityBeyondInt_rejectedNotClamped() {
    assertThat(reject(order("\"amount\":1,\"quantity\":2147483648")).field()).isEqualTo("quantity");
    assertThat(((Order) parse(order("\"amount\":1,\"quantity\":2147483647"))).quantity())
        .isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void integerOverflow_rejected() {
    InvalidEventException e = reject(order("\"amount\":9223372036854775808"));
    assertThat(e.field()).isEqualTo("amount");
    assertThat(e.reason()).startsWith("is out of range");
    assertThat(reject(order("\"amount\":99999999999999999999999")).field()).isEqualTo("amount");
    assertThat(
            reject("{\"type\":\"login\",\"account\":\"a1\",\"ts\":1" + "0".repeat(30) + "}")
                .field())
        .isEqualTo("ts");
    assertThat(((Order) parse(order("\"amount\":9223372036854775807"))).amount())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void hugeValuesOfTheWrongType_rejectedWithShortMessages() {
    String bigArray = "[" + "1,".repeat(50_000) + "1]";
    String bigString = "\"" + "y".repeat(100_000) + "\"";
    for (String line :
        List.of(
            "{\"type\":" + bigArray + ",\"account\":\"a1\",\"ts\":1000000000001}",
            "{\"type\":" + bigString + ",\"account\":\"a1\",\"ts\":1000000000001}",
            "{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + bigArray + "}",
            "{\"type\":\"login\",\"account\":\"a1\",\"ts\":" + bigString + "}",
            "{\"type\":\"login\",\"account\":" + bigArray + ",\"ts\":1000000000001}",
            "{\"type\":\"account\",\"account\":\"a1\",\"ts\":1000000000001,\"role\":"
                + bigString
                + "}",
            review("5,\"images\":[" + bigArray + "]"))) {
      assertThat(reject(line).getMessage().length()).isLessThan(300);
    }
  }

  @Test
  void hugeNumber_rejectedWithAShortMessage() {
    InvalidEventException e = reject(order("\"amount\":" + "9".repeat(10_000)));
    assertThat(e.getMessage().length()).isLessThan(200);
  }

  // ---- enums ----

  @Test
  void badRole_listsTheAllowedValues() {
    InvalidEventException e =
        reject("{\"type\":\"account\",\"account\":\"a1\",\"ts\":1000000000001,\"role\":\"admin\"}");
    assertThat(e.field()).isEqualTo("role");
    assertThat(e.reason()).isEqualTo("must be one of buyer, merchant, staff, was \"admin\"");
  }

  @Test
  void badPaymentKind_listsTheAllowedValues() {
    InvalidEventException e =
        reject(
            "{\"type\":\"payment\",\"payment\":\"p1\",\"from\":\"a\",\"to\":\"b\","
                + "\"amount\":1,\"ts\":1000000000001,\"kind\":\"gift\"}");
    assertThat(e.field()).isEqualTo("kind");
    assertThat(e.reason())
        .isEqualTo(
            "must be one of order, refund, transfer, red_packet, settlement, subsidy, other,"
                + " was \"gift\"");
  }

  @Test
  void badLogisticsStatus_listsTheAllowedValues() {
    InvalidEventException e =
        reject(
            "{\"type\":\"logistics\",\"waybill\":\"w1\",\"order\":\"o1\",\"status\":\"lost\","
                + "\"ts\":1000000000001}");
    assertThat(e.field()).isEqualTo("status");
    assertThat(e.reason())
        .isEqualTo(
            "must be one of created, picked_up, in_transit, delivered, returned, was \"lost\"");
  }

  @Test
  void badTargetKind_listsTheAllowedValues() {
    InvalidEventException e =
        reject(
            "{\"type\":\"report\",\"report\":\"rp1\",\"reporter\":\"a1\","
                + "\"target_kind\":\"user\",\"target\":\"u1\",\"ts\":1000000000001}");
    assertThat(e.field()).isEqualTo("target_kind");
    assertThat(e.reason()).isEqualTo("must be one of shop, review, order, account, was \"user\"");
  }

  @Test
  void badCategoryAndSpotCheckEnums_listTheAllowedValues() {
    assertThat(reject(report("\"category\":\"rude\"")).reason())
        .isEqualTo(
            "must be one of fake_review, brushing, cashback_invite, fake_logistics, spam, other,"
                + " was \"rude\"");
    InvalidEventException kind =
        reject(
            "{\"type\":\"spot_check\",\"check\":\"c1\",\"shop\":\"s1\",\"kind\":\"price\","
                + "\"result\":\"pass\",\"ts\":1000000000001}");
    assertThat(kind.field()).isEqualTo("kind");
    assertThat(kind.reason()).isEqualTo("must be one of qualification, quality, was \"price\"");
    InvalidEventException result =
        reject(
            "{\"type\":\"spot_check\",\"check\":\"c1\",\"shop\":\"s1\",\"kind\":\"quality\","
                + "\"result\":\"ok\",\"ts\":1000000000001}");
    assertThat(result.field()).isEqualTo("result");
    assertThat(result.reason()).isEqualTo("must be one of pass, fail, was \"ok\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"merchant\"", "\"MERCHANT\"", "\"Merchant\"", "\"mErChAnT\""})
  void enumValues_ignoreAsciiCase(String role) {
    Account a =
        (Account)
            parse(
                "{\"type\":\"account\",\"account\":\"a1\",\"ts\":1000000000001,\"role\":"
                    + role
                    + "}");
    assertThat(a.role()).isEqualTo(Account.Role.MERCHANT);
    Payment p =
        (Payment)
            parse(
                "{\"type\":\"payment\",\"payment\":\"p1\",\"from\":\"a\",\"to\":\"b\","
                    + "\"amount\":1,\"ts\":1000000000001,\"kind\":\"RED_packet\"}");
    assertThat(p.kind()).isEqualTo(Payment.Kind.RED_PACKET);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"merchant \"",
        "\" merchant\"",
        "\"\"",
        "\"merchants\"",
        "\"ſtaff\"",
        "1",
        "true"
      })
  void enumValues_otherwiseMustBeExact(String role) {
    InvalidEventException e =
        reject(
            "{\"type\":\"account\",\"account\":\"a1\",\"ts\":1000000000001,\"role\":" + role + "}");
    assertThat(e.field()).isEqualTo("role");
    assertThat(e.reason()).startsWith("must be one of buyer, merchant, staff, was ");
  }

  @Test
  void escapedEnumValue_isDecodedFirst() {
    Account a =
        (Account)
            parse(
                "{\"type\":\"account\",\"account\":\"a1\",\"ts\":1000000000001,\"role\":\"st\\u0061ff\"}");
    assertThat(a.role()).isEqualTo(Account.Role.STAFF);
  }

  @Test
  void reject_messageNamesFieldAndReason() {
    InvalidEventException e = reject(review("6"));
    assertThat(e.getMessage()).isEqualTo("field \"rating\" must be 1..5, was 6");
  }

  // ---- helpers ----

  static String login(String account) {
    return "{\"type\":\"login\",\"account\":\"" + account + "\",\"ts\":1000000000001}";
  }

  static String order(String amountAndMore) {
    return "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"a1\",\"shop\":\"s1\","
        + "\"item\":\"i1\",\"ts\":1000000000001,"
        + amountAndMore
        + "}";
  }

  static String review(String ratingAndMore) {
    return "{\"type\":\"review\",\"review\":\"r1\",\"account\":\"a1\",\"shop\":\"s1\",\"ts\":1000000000001,"
        + "\"rating\":"
        + ratingAndMore
        + "}";
  }

  static String report(String more) {
    return "{\"type\":\"report\",\"report\":\"rp1\",\"reporter\":\"a1\","
        + "\"target_kind\":\"shop\",\"target\":\"s1\",\"ts\":1000000000001,"
        + more
        + "}";
  }

  static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  static byte[] join(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] concat(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
