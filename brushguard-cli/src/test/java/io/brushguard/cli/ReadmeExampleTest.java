package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code ./brushguard scan --in examples/market.jsonl --out
 * findings.jsonl --rejects rejects.jsonl}, gives exactly the findings the README promises. The
 * expectations are worked out from the example by hand, with the default settings:
 *
 * <ul>
 *   <li>Shop s17 gets three orders from u100 alone within 35 minutes (o1 12:05:00Z, o2 12:17:31Z,
 *       o3 12:40:02Z): 3 orders ÷ 1 buyer reaches the ratio 3 inside one hour, so each order and
 *       the buyer get a CONCENTRATION signal at the base strength 0.6 (ratio and count exactly at
 *       the threshold): score 0.6, action review. The shop's own signal (0.45) stays below review.
 *   <li>o4 (s18, u200, epoch milliseconds 12:45:00Z) is a lone order: nothing.
 *   <li>The review r1 (13:00Z) is o1's: a fake order's review is a fake review, so it carries o1's
 *       judgement (FAKE_ORDER at 0.6, review) from the time it arrives. The like and the red packet
 *       (no {@code link} binds pay-s17 or pay-u100 to an account) add nothing.
 *   <li>Line 11 (rating 6) and line 12 (amount -5) break the contract and are rejected; line 13 (o6
 *       at 11:30Z) arrives after the payment at 14:00Z, 2.5 hours behind: late, not used. Had it
 *       been used it still would not join the burst (70 minutes before o3).
 *   <li>The account line at 00:00Z is 12 hours before the rest, within the 1-day ahead bound, and
 *       the first eight events' median (12:05Z) is what the stream's clock starts from.
 * </ul>
 */
class ReadmeExampleTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void readmeExample_givesTheBurstsOrdersItsReviewAndItsBuyer_exactly() throws Exception {
    Path in = Path.of("..", "examples", "market.jsonl");
    Path out = dir.resolve("findings.jsonl");
    Path rejects = dir.resolve("rejects.jsonl");

    int code =
        Main.run(
            "scan",
            "--in",
            in.toString(),
            "--out",
            out.toString(),
            "--rejects",
            rejects.toString());

    assertThat(code).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(8);
    // scores are calibrated (raw 0.6: orders 0.9976, the review 0.9596, the buyer 0.9796); the
    // action stays at review because calibration never raises it above the raw score's
    for (int i = 0; i < 3; i++) {
      String order = "o" + (i + 1);
      assertThat(lines.get(i))
          .startsWith(
              "{\"type\":\"finding\",\"entity\":\"order\",\"id\":\""
                  + order
                  + "\",\"score\":0.9976,\"action\":\"review\",\"reasons\":[{\"code\":\"CONCENTRATION\","
                  + "\"detail\":\"order by u100, one of 3 by this buyer inside brushing windows at"
                  + " shop s17 (latest window: 3 orders by 1 buyer in ")
          .endsWith(
              "\"evidence\":{\"strength\":0.6,\"origins\":1}}],\"ts\":\"2025-03-01T12:40:02.999Z\"}"); // decided when o3's second ended
    }
    assertThat(lines.get(3))
        .isEqualTo(
            "{\"type\":\"finding\",\"entity\":\"review\",\"id\":\"r1\",\"score\":0.9596,"
                + "\"action\":\"review\",\"reasons\":[{\"code\":\"FAKE_ORDER\","
                + "\"detail\":\"its order o1 is judged fake at 0.60 (CONCENTRATION)\","
                + "\"evidence\":{\"strength\":0.6,\"origins\":1}}],"
                + "\"ts\":\"2025-03-01T13:00:00Z\"}");
    assertThat(lines.get(4))
        .isEqualTo(
            "{\"type\":\"finding\",\"entity\":\"account\",\"id\":\"u100\",\"score\":0.9796,"
                + "\"action\":\"review\",\"reasons\":[{\"code\":\"CONCENTRATION\","
                + "\"detail\":\"top buyer of shop s17's orders inside brushing windows: 3 of 3;"
                + " corroborated: 3 separate shopping acts by this buyer\","
                + "\"evidence\":{\"strength\":0.6,\"origins\":1}}],"
                + "\"ts\":\"2025-03-01T12:40:02.999Z\"}");
    // sent to review: the orders and the review leave s17's corrected books (more likely fake than
    // not) and cost credit at half weight (12 × log2(1 + 1.5/2) + 6 × log2(1 + 0.5/2) ≈ 11.6), too
    // few for a penalty; s17's last change is the review
    assertThat(lines.subList(5, 7))
        .containsExactly(
            "{\"type\":\"shop\",\"shop\":\"s17\",\"credit\":88,\"grade\":\"B\",\"orders\":3,"
                + "\"fake_orders\":3,\"sales\":3,\"corrected_sales\":0,\"reviews\":1,"
                + "\"fake_reviews\":1,\"rating\":5,\"corrected_rating\":null,"
                + "\"spot_checks_failed\":0,\"reports_upheld\":0,\"penalties\":[],"
                + "\"evidence\":\"3 suspected fake orders, 1 suspected fake review\","
                + "\"ts\":\"2025-03-01T13:01:00Z\"}",
            "{\"type\":\"shop\",\"shop\":\"s18\",\"credit\":100,\"grade\":\"A\",\"orders\":1,"
                + "\"fake_orders\":0,\"sales\":1,\"corrected_sales\":1,\"reviews\":0,"
                + "\"fake_reviews\":0,\"rating\":null,\"corrected_rating\":null,"
                + "\"spot_checks_failed\":0,\"reports_upheld\":0,\"penalties\":[],"
                + "\"ts\":\"2025-03-01T12:46:00Z\"}");
    assertThat(lines.get(7))
        .startsWith("{\"type\":\"summary\",\"events\":10,\"rejected\":2,\"late\":1,\"seconds\":")
        .endsWith(",\"findings\":5,\"rings\":0,\"detector_errors\":0}");
    assertThat(Files.readAllLines(rejects))
        .hasSize(3)
        .satisfiesExactly(
            r ->
                assertThat(r)
                    .startsWith("{\"line\":11,\"field\":\"rating\",\"error\":\"must be 1..5"),
            r ->
                assertThat(r)
                    .startsWith(
                        "{\"line\":12,\"field\":\"amount\",\"error\":\"must not be negative"),
            r ->
                assertThat(r)
                    .startsWith("{\"line\":13,\"field\":\"ts\",\"error\":\"is later than"));
  }
}
