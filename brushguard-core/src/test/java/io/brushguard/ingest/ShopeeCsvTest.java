package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShopeeCsvTest {
  private static final String HEADER = "orderid,shopid,userid,event_time\n";

  static final class Collected implements ShopeeCsv.Sink {
    final List<ShopeeCsv.Row> rows = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    long lines;

    @Override
    public void accept(ShopeeCsv.Row row) {
      rows.add(row);
    }

    @Override
    public void reject(Reject reject) {
      rejects.add(reject);
    }
  }

  private static Collected read(String csv) {
    Collected c = new Collected();
    c.lines = ShopeeCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c);
    return c;
  }

  private static long second(String localDateTime) {
    return LocalDateTime.parse(localDateTime.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
  }

  @Test
  void header_isSkipped_andRowsAreRead() {
    Collected c =
        read(
            HEADER
                + "31076582227611,93950878,30530270,2019-12-27 00:23:03\n"
                + "31118059853484,156423439,46057927,2019-12-27 11:54:20\n");
    assertThat(c.rejects).isEmpty();
    assertThat(c.rows)
        .containsExactly(
            new ShopeeCsv.Row(
                "31076582227611", "93950878", "30530270", second("2019-12-27 00:23:03")),
            new ShopeeCsv.Row(
                "31118059853484", "156423439", "46057927", second("2019-12-27 11:54:20")));
    assertThat(c.lines).isEqualTo(3);
  }

  @Test
  void withoutHeader_theFirstLineIsARow() {
    Collected c = read("1,2,3,2019-12-27 00:00:00\n");
    assertThat(c.rows).hasSize(1);
  }

  @Test
  void headerWithByteOrderMark_isSkipped() {
    Collected c = read("\uFEFF" + HEADER + "1,2,3,2019-12-27 00:00:00\n");
    assertThat(c.rejects).isEmpty();
    assertThat(c.rows).hasSize(1);
  }

  @Test
  void crlf_blankLines_spacesAndIsoT_areTolerated() {
    Collected c =
        read(
            HEADER.replace("\n", "\r\n")
                + "1, 2 ,3,2019-12-27 00:00:01\r\n"
                + "\r\n"
                + "   \n"
                + "4,5,6,2019-12-27T00:00:02 \n"
                + "7,8,9,2020-02-29 23:59:59");
    assertThat(c.rejects).isEmpty();
    assertThat(c.rows)
        .extracting(ShopeeCsv.Row::shop, ShopeeCsv.Row::second)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2", second("2019-12-27 00:00:01")),
            org.assertj.core.groups.Tuple.tuple("5", second("2019-12-27 00:00:02")),
            org.assertj.core.groups.Tuple.tuple("8", second("2020-02-29 23:59:59")));
  }

  @Test
  void badRows_areRejectedWithLineAndColumn_andReadingGoesOn() {
    Collected c =
        read(
            HEADER
                + "1,2,3,2019-12-27 00:00:00\n"
                + ",2,3,2019-12-27 00:00:00\n"
                + "1, ,3,2019-12-27 00:00:00\n"
                + "1,2,,2019-12-27 00:00:00\n"
                + "1,2,3,27/12/2019 00:00\n"
                + "1,2,3,2019-02-29 00:00:00\n"
                + "1,2,3\n"
                + "1,2,3,2019-12-27 00:00:00,extra\n"
                + "1,2,"
                + "9".repeat(129)
                + ",2019-12-27 00:00:00\n"
                + "orderid,shopid,userid,event_time\n"
                + "10,20,30,2019-12-31 23:59:59\n");
    assertThat(c.rows).extracting(ShopeeCsv.Row::order).containsExactly("1", "10");
    assertThat(c.rejects)
        .extracting(Reject::line, Reject::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "orderid"),
            org.assertj.core.groups.Tuple.tuple(4L, "shopid"),
            org.assertj.core.groups.Tuple.tuple(5L, "userid"),
            org.assertj.core.groups.Tuple.tuple(6L, "event_time"),
            org.assertj.core.groups.Tuple.tuple(7L, "event_time"),
            org.assertj.core.groups.Tuple.tuple(8L, null),
            org.assertj.core.groups.Tuple.tuple(9L, null),
            org.assertj.core.groups.Tuple.tuple(10L, "userid"),
            org.assertj.core.groups.Tuple.tuple(11L, "event_time"));
    assertThat(c.rejects.get(0).message()).isEqualTo("line 3: field \"orderid\" must not be empty");
    assertThat(c.rejects.get(5).message())
        .isEqualTo("line 8: expected 4 columns orderid,shopid,userid,event_time");
    assertThat(c.rejects.get(3).excerpt()).isEqualTo("1,2,3,27/12/2019 00:00");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2019-12-27 24:00:00",
        "2019-12-27 23:60:00",
        "2019-12-27 23:59:60",
        "2019-13-01 00:00:00",
        "2019-00-01 00:00:00",
        "2019-04-31 00:00:00",
        "2019-12-27 +1:00:00",
        "2019-12-27 -1:00:00",
        "2019-12-2٧ 00:00:00",
        "２019-12-27 00:00:00",
        "2019-12-27 00:00:0x",
        "2019-12-27_00:00:00",
        "2019-12-27 00:00",
        ""
      })
  void invalidEventTime_isRejectedNamingTheColumn(String time) {
    Collected c = read("1,2,3," + time + "\n");
    assertThat(c.rows).isEmpty();
    assertThat(c.rejects).extracting(Reject::field).containsExactly("event_time");
  }

  @Test
  void onlyBadRows_noException() {
    Collected c = read(HEADER + "x\ny\n,,,\n");
    assertThat(c.rows).isEmpty();
    assertThat(c.rejects).extracting(Reject::line).containsExactly(2L, 3L, 4L);
  }

  @Test
  void emptyInput_givesNothing() {
    Collected c = read("");
    assertThat(c.rows).isEmpty();
    assertThat(c.rejects).isEmpty();
    assertThat(c.lines).isZero();
  }

  @Test
  void localSecond_differencesAreExact() {
    assertThat(
            ShopeeCsv.localSecond("2019-12-27 01:00:00")
                - ShopeeCsv.localSecond("2019-12-27 00:00:00"))
        .isEqualTo(3600);
    assertThat(
            ShopeeCsv.localSecond("2020-01-01 00:00:00")
                - ShopeeCsv.localSecond("2019-12-31 23:59:59"))
        .isEqualTo(1);
    assertThat(ShopeeCsv.localSecond("1970-01-01 00:00:00")).isZero();
  }
}
