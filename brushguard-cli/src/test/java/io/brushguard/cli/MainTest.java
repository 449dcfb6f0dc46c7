package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void scan_writesFindingsThenASummaryLine_andReportsRejects() throws Exception {
    Path in = dir.resolve("events.jsonl");
    Files.write(
        in,
        List.of(
            "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"u1\",\"shop\":\"s1\",\"item\":\"i\",\"amount\":100,\"session\":\"ss-o1\",\"ts\":\"2025-03-01T20:00:00+08:00\"}",
            "{\"type\":\"order\",\"order\":\"o2\",\"account\":\"u1\",\"shop\":\"s1\",\"item\":\"i\",\"amount\":100,\"session\":\"ss-o2\",\"ts\":\"2025-03-01T20:10:00+08:00\"}",
            "not json",
            "{\"type\":\"order\",\"order\":\"o3\",\"account\":\"u1\",\"shop\":\"s1\",\"item\":\"i\",\"amount\":100,\"session\":\"ss-o3\",\"ts\":\"2025-03-01T12:20:00Z\"}"));
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
    assertThat(lines).hasSize(6); // 3 orders, the account, the shop, the summary
    assertThat(lines.get(0)).startsWith("{\"type\":\"finding\",\"entity\":\"order\",\"id\":\"o1\"");
    // sent to review: more likely fake than not, so out of the corrected sales; suspected, so each
    // counts half: 12 × log2(1 + 1.5/2) ≈ 9.7 credit, and one kind of evidence is below 3, so no
    // penalty is proposed
    assertThat(lines.get(4))
        .isEqualTo(
            "{\"type\":\"shop\",\"shop\":\"s1\",\"credit\":90,\"grade\":\"A\",\"orders\":3,"
                + "\"fake_orders\":3,\"sales\":3,\"corrected_sales\":0,\"reviews\":0,"
                + "\"fake_reviews\":0,\"rating\":null,\"corrected_rating\":null,"
                + "\"spot_checks_failed\":0,\"reports_upheld\":0,\"penalties\":[],"
                + "\"evidence\":\"3 suspected fake orders\",\"ts\":\"2025-03-01T12:21:00Z\"}");
    assertThat(lines.get(5))
        .startsWith("{\"type\":\"summary\",\"events\":3,\"rejected\":1,\"late\":0,");
    assertThat(Files.readAllLines(rejects))
        .singleElement()
        .asString()
        .startsWith("{\"line\":3,\"field\":null,\"error\":\"malformed JSON at column 1");
    assertThat(console.err()).contains("line 3: malformed JSON");
  }

  @Test
  void scan_updates_foldToTheFindingsFile() throws Exception {
    Path in = dir.resolve("events.jsonl");
    List<String> events = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) { // u1 orders at s1 every 10 minutes: concentrated, then not
      events.add(
          "{\"type\":\"order\",\"order\":\"o"
              + i
              + "\",\"account\":\""
              + (i < 3 ? "u1" : "u" + i)
              + "\",\"shop\":\"s1\",\"item\":\"i\",\"amount\":100,\"ts\":"
              + (1_740_000_000_000L + i * 600_000L)
              + "}");
    }
    Files.write(in, events);
    Path out = dir.resolve("findings.jsonl");
    Path updates = dir.resolve("updates.jsonl");

    assertThat(
            Main.run(
                "scan",
                "--in",
                in.toString(),
                "--out",
                out.toString(),
                "--updates",
                updates.toString()))
        .isZero();

    java.util.Map<String, String> fold = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(updates)) {
      fold.put(
          line.replaceAll(
              "^\\{\"type\":\"(\\w+)\",(\"entity\":\"\\w+\",)?\"\\w+\":(\"[^\"]*\").*", "$1$2$3"),
          line);
    }
    List<String> written = Files.readAllLines(out);
    assertThat(fold.values().stream().filter(l -> !l.contains("\"action\":\"allow\"")))
        .containsExactlyInAnyOrderElementsOf(written.subList(0, written.size() - 1));
    assertThat(Files.readAllLines(updates).size()).isGreaterThan(written.size() - 1);
  }

  @Test
  void scan_allScores_writesEveryEntitySeen() throws Exception {
    Path in = dir.resolve("events.jsonl");
    Files.write(
        in,
        List.of(
            "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"u1\",\"shop\":\"s1\",\"item\":\"i\",\"amount\":100,\"ts\":1000000000001}",
            "{\"type\":\"like\",\"account\":\"u2\",\"review\":\"r9\",\"ts\":1000000000002}"));
    Path out = dir.resolve("findings.jsonl");

    assertThat(Main.run("scan", "--in", in.toString(), "--out", out.toString(), "--all-scores"))
        .isZero();

    assertThat(Files.readAllLines(out))
        .filteredOn(l -> l.contains("\"type\":\"finding\""))
        .extracting(l -> l.replaceAll(".*\"entity\":\"(\\w+)\",\"id\":\"([^\"]+)\".*", "$1:$2"))
        .containsExactly("order:o1", "like:u2:r9", "account:u1", "account:u2", "shop:s1");
  }

  @Test
  void usageError_exits2WithAOneLineMessage() {
    assertThat(Main.run("scan", "--in", "x.jsonl")).isEqualTo(2);
    assertThat(console.err().strip().lines()).hasSize(1).first().asString().contains("--out");
    assertThat(Main.run("no-such-command")).isEqualTo(2);
  }

  @Test
  void failedScan_exits1AndLeavesNoHalfWrittenFiles() throws Exception {
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
      for (int i = 0; i < 2000; i++) {
        z.write(("{\"type\":\"login\",\"account\":\"u" + i + "\",\"ts\":" + i + "}\n").getBytes());
      }
    }
    byte[] bytes = gz.toByteArray();
    Path in = dir.resolve("cut.jsonl.gz");
    Files.write(in, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // truncated stream
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

    assertThat(code).isEqualTo(1);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cut.jsonl.gz");
    }
  }

  @Test
  void outputIntoAMissingDirectory_failsBeforeScanning() throws Exception {
    Path in = dir.resolve("e.jsonl");
    Files.writeString(in, "");

    int code =
        Main.run("scan", "--in", in.toString(), "--out", dir.resolve("no/such/f").toString());

    assertThat(code).isEqualTo(1);
    assertThat(console.err()).contains("no such directory");
  }

  private Path loginsAfterOne(String firstTs) throws Exception {
    Path in = dir.resolve("events.jsonl");
    List<String> lines = new java.util.ArrayList<>();
    lines.add("{\"type\":\"login\",\"account\":\"u0\",\"ts\":\"" + firstTs + "\"}");
    for (int i = 1; i <= 20; i++) {
      lines.add(
          "{\"type\":\"login\",\"account\":\"u"
              + i
              + "\",\"ts\":\"2025-03-01T12:"
              + (10 + i)
              + ":00Z\"}");
    }
    Files.write(in, lines);
    return in;
  }

  @Test
  void eventWithAClockFarAhead_isRejected_andEveryLaterEventIsUsed() throws Exception {
    Path in = loginsAfterOne("2205-03-01T12:00:00Z"); // a mistyped year
    Path out = dir.resolve("f");

    assertThat(Main.run("scan", "--in", in.toString(), "--out", out.toString())).isZero();

    assertThat(console.err())
        .contains(
            "line 1: field \"ts\" is 2205-03-01T12:00:00Z, more than 1d ahead of the stream's"
                + " time 2025-03-01T12:14:00Z") // the median of the first eight
        .doesNotContain("warning");
    assertThat(Files.readAllLines(out).get(0))
        .startsWith("{\"type\":\"summary\",\"events\":20,\"rejected\":1,\"late\":0,");
  }

  @Test
  void eventWithAClockAheadByLessThanTheBound_makesLaterEventsLate_andTheScanWarns()
      throws Exception {
    Path in = loginsAfterOne("2025-03-01T15:00:00Z"); // three hours ahead: within the 1d bound

    assertThat(Main.run("scan", "--in", in.toString(), "--out", dir.resolve("f").toString()))
        .isZero();

    assertThat(console.err()).contains("warning: 20 of 21 events").contains("clock ahead");
  }

  @Test
  void aFewLateEvents_areReportedWithoutAWarning() throws Exception {
    Path in = dir.resolve("events.jsonl");
    Files.write(
        in,
        List.of(
            "{\"type\":\"login\",\"account\":\"u0\",\"ts\":\"2025-03-01T01:00:00Z\"}",
            "{\"type\":\"login\",\"account\":\"u1\",\"ts\":\"2025-03-01T00:00:00Z\"}"));

    assertThat(Main.run("scan", "--in", in.toString(), "--out", dir.resolve("f").toString()))
        .isZero();

    assertThat(console.err()).contains("line 2: field \"ts\" is later").doesNotContain("warning");
  }

  @Test
  void missingInput_exits1AndSaysWhy() {
    assertThat(Main.run("scan", "--in", dir.resolve("nope.jsonl").toString(), "--out", "x"))
        .isEqualTo(1);
    assertThat(console.err()).contains("no such file");
  }

  @Test
  void badConfig_exits1NamingTheKey() throws Exception {
    Path in = dir.resolve("e.jsonl");
    Files.writeString(in, "");
    Path cfg = dir.resolve("c.properties");
    Files.writeString(cfg, "decide.block_at = lots\nconcentraton.ratio = 3\n");

    int code =
        Main.run(
            "scan",
            "--in",
            in.toString(),
            "--out",
            dir.resolve("o").toString(),
            "--config",
            cfg.toString());

    assertThat(code).isEqualTo(1);
    assertThat(console.err())
        .contains("decide.block_at")
        .contains("concentraton.ratio: unknown setting");
  }

  @Test
  void shopee_writesOneRowPerShop_withSuspiciousBuyersJoinedByAmpersand() throws Exception {
    Path in = dir.resolve("orders.csv");
    Files.write(
        in,
        List.of(
            "orderid,shopid,userid,event_time",
            "1,20,7,2019-12-27 00:00:00",
            "2,20,7,2019-12-27 00:10:00",
            "3,20,7,2019-12-27 00:20:00",
            "4,20,10,2019-12-28 00:00:00",
            "5,20,10,2019-12-28 00:10:00",
            "6,20,10,2019-12-28 00:20:00",
            "7,3,7,2019-12-27 00:00:00",
            "8,3,bad-row",
            "9,100,8,2019-12-27 00:00:00"));
    Path out = dir.resolve("submission.csv");

    assertThat(Main.run("shopee", "--in", in.toString(), "--out", out.toString())).isZero();

    assertThat(Files.readAllLines(out)).containsExactly("shopid,userid", "3,0", "20,7&10", "100,0");
    assertThat(console.err()).contains("line 9");
  }
}
