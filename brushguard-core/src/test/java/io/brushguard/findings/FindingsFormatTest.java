package io.brushguard.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Reason;
import io.brushguard.detect.EntityKind;
import io.brushguard.event.Like;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact bytes of finding and summary lines: golden files and the Flink job compare them. */
class FindingsFormatTest {

  @Test
  void finding_fieldOrderScoreAndTimestamp_exact() {
    Finding f =
        new Finding(
            EntityKind.ORDER,
            "o1",
            0.97,
            Action.BLOCK,
            List.of(
                new Reason("cashback", "3 refunds", "ring-1", 0.9, 2),
                new Reason("burst", null, null)),
            Instant.parse("2025-03-01T12:15:00Z").toEpochMilli());
    assertThat(FindingsFormat.finding(f))
        .isEqualTo(
            "{\"type\":\"finding\",\"entity\":\"order\",\"id\":\"o1\",\"score\":0.97,"
                + "\"action\":\"block\",\"intercept\":\"hold_settlement\",\"reasons\":[{\"code\":"
                + "\"cashback\",\"detail\":\"3 refunds\",\"ring\":\"ring-1\",\"evidence\":"
                + "{\"strength\":0.9,\"origins\":2}},{\"code\":\"burst\"}],\"ts\":\"2025-03-01T12:15:00Z\"}");
  }

  @Test
  void finding_ofALike_namesAccountAndReviewApart_evenWhenTheyHoldColons() {
    Like like = new Like("u:1", "r:9", 1, null, null);

    assertThat(FindingsFormat.finding(Finding.clean(EntityKind.LIKE, like.key())))
        .isEqualTo(
            "{\"type\":\"finding\",\"entity\":\"like\",\"id\":\"u:1:r:9\",\"account\":\"u:1\","
                + "\"review\":\"r:9\",\"score\":0,\"action\":\"allow\",\"reasons\":[]}");
    assertThat(like.id()).isEqualTo("u:1:r:9");
  }

  @Test
  void shop_lineWithCreditAndRatingsToTwoDecimals_nullWithoutReviews() {
    assertThat(
            FindingsFormat.shop(
                new io.brushguard.credit.ShopStanding(
                    "s1",
                    61,
                    "C",
                    3,
                    1,
                    6,
                    3,
                    3,
                    1,
                    13,
                    8,
                    1,
                    2,
                    java.util.List.of("demote"),
                    "1 fake order, 1 failed spot check",
                    60_000)))
        .isEqualTo(
            "{\"type\":\"shop\",\"shop\":\"s1\",\"credit\":61,\"grade\":\"C\",\"orders\":3,"
                + "\"fake_orders\":1,\"sales\":6,\"corrected_sales\":3,\"reviews\":3,"
                + "\"fake_reviews\":1,\"rating\":4.33,\"corrected_rating\":4,"
                + "\"spot_checks_failed\":1,\"reports_upheld\":2,\"penalties\":[\"demote\"],"
                + "\"evidence\":\"1 fake order, 1 failed spot check\","
                + "\"ts\":\"1970-01-01T00:01:00Z\"}");
    assertThat(
            FindingsFormat.shop(
                new io.brushguard.credit.ShopStanding(
                    "s2", 100, "A", 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, java.util.List.of(), "", 1)))
        .contains("\"rating\":null,\"corrected_rating\":null")
        .contains("\"penalties\":[],\"ts\"");
  }

  @Test
  void finding_cleanEntity_hasNoTsAndAWholeScore() {
    assertThat(FindingsFormat.finding(Finding.clean(EntityKind.SHOP, "s1")))
        .isEqualTo(
            "{\"type\":\"finding\",\"entity\":\"shop\",\"id\":\"s1\",\"score\":0,"
                + "\"action\":\"allow\",\"reasons\":[]}");
  }

  @Test
  void finding_scoresRoundToFourDecimals_withoutExponent() {
    assertThat(score(1)).contains("\"score\":1,");
    assertThat(score(0.5)).contains("\"score\":0.5,");
    assertThat(score(0.00001)).contains("\"score\":0,");
    assertThat(score(0.00005)).contains("\"score\":0.0001,");
    assertThat(score(0.123456)).contains("\"score\":0.1235,");
    assertThat(score(0.3333333333)).contains("\"score\":0.3333,");
  }

  @Test
  void finding_escapesAsBefore_lowerCaseHex_lineSeparatorsEscaped() {
    String id = "a\"b\\c\n\r\t\b\f\u0001\u001f\u007f\u2028\u2029é中😀/";
    assertThat(FindingsFormat.finding(Finding.clean(EntityKind.ACCOUNT, id)))
        .contains(
            "\"id\":\"a\\\"b\\\\c\\n\\r\\t\\u0008\\u000c\\u0001\\u001f\u007f\\u2028\\u2029é中😀/\"");
  }

  @Test
  void finding_escapes_agreeWithJsonString_forEveryChar() {
    for (char c = 0; c < 0x3000; c++) {
      String id = "x" + c;
      StringBuilder expected = Json.string(new StringBuilder(), id);
      assertThat(FindingsFormat.finding(Finding.clean(EntityKind.ACCOUNT, id)))
          .as("U+%04X", (int) c)
          .contains("\"id\":" + expected + ",");
    }
  }

  @Test
  void summary_exact() {
    assertThat(FindingsFormat.summary(new Summary(1000, 3, 2, 1.23456, 17, 2, 0)))
        .isEqualTo(
            "{\"type\":\"summary\",\"events\":1000,\"rejected\":3,\"late\":2,\"seconds\":1.235,"
                + "\"findings\":17,\"rings\":2,\"detector_errors\":0}");
  }

  private static String score(double s) {
    return FindingsFormat.finding(
        new Finding(EntityKind.REVIEW, "r", s, Action.REVIEW, List.of(), 0));
  }
}
