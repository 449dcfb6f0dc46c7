package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Event;
import io.brushguard.event.Listing;
import io.brushguard.event.Login;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class EventReaderTest {
  @TempDir Path dir;

  /** Everything a read produced, in order. */
  static final class Collected implements EventReader.Sink {
    final List<Event> events = new ArrayList<>();
    final List<Long> eventLines = new ArrayList<>();
    final List<Reject> rejects = new ArrayList<>();
    long lines;

    @Override
    public void accept(Event event, long line) {
      events.add(event);
      eventLines.add(line);
    }

    @Override
    public void reject(Reject reject) {
      rejects.add(reject);
    }

    List<Long> rejectLines() {
      return rejects.stream().map(Reject::line).toList();
    }
  }

  static String login(String account) {
    return "{\"type\":\"login\",\"account\":\"" + account + "\",\"ts\":1740831300000}";
  }

  private static Collected read(byte[] input) {
    return read(new ByteArrayInputStream(input));
  }

  private static Collected read(String input) {
    return read(input.getBytes(StandardCharsets.UTF_8));
  }

  private static Collected read(InputStream in) {
    Collected c = new Collected();
    c.lines = new EventReader().read(in, c);
    return c;
  }

  @Test
  void rejects_carryTheirLineNumberFieldAndExcerpt_andReadingGoesOn() {
    Collected c =
        read(
            login("a1")
                + "\n"
                + "{\"type\":\"login\",\"account\":\"a2\"}\n"
                + "\n"
                + "not json\n"
                + "{\"type\":\"review\",\"review\":\"r\",\"account\":\"a\",\"shop\":\"s\","
                + "\"rating\":6,\"ts\":1000000000001}\n"
                + login("a6")
                + "\n");
    assertThat(c.events).extracting(e -> ((Login) e).account()).containsExactly("a1", "a6");
    assertThat(c.eventLines).containsExactly(1L, 6L);
    assertThat(c.rejectLines()).containsExactly(2L, 4L, 5L);
    assertThat(c.rejects.get(0).field()).isEqualTo("ts");
    assertThat(c.rejects.get(0).reason()).isEqualTo("is required");
    assertThat(c.rejects.get(0).excerpt()).isEqualTo("{\"type\":\"login\",\"account\":\"a2\"}");
    assertThat(c.rejects.get(1).field()).isNull();
    assertThat(c.rejects.get(1).message()).startsWith("line 4: malformed JSON at column 1");
    assertThat(c.rejects.get(2).message())
        .isEqualTo("line 5: field \"rating\" must be 1..5, was 6");
    assertThat(c.lines).isEqualTo(6);
  }

  @Test
  void crlfLineEndings_parseAndCountAlike() {
    Collected c = read(login("a1") + "\r\n" + "oops\r\n" + login("a3") + "\r\n");
    assertThat(c.events).containsExactly(login1("a1"), login1("a3"));
    assertThat(c.eventLines).containsExactly(1L, 3L);
    assertThat(c.rejectLines()).containsExactly(2L);
    assertThat(c.rejects.get(0).excerpt()).isEqualTo("oops");
  }

  @Test
  void lastLineWithoutNewline_isRead() {
    Collected c = read(login("a1") + "\n" + login("a2"));
    assertThat(c.events).containsExactly(login1("a1"), login1("a2"));
    assertThat(c.eventLines).containsExactly(1L, 2L);
    assertThat(c.lines).isEqualTo(2);
  }

  @Test
  void lastLineTruncatedWithoutNewline_isRejectedWithItsNumber() {
    Collected c = read(login("a1") + "\n" + login("a2").substring(0, 20));
    assertThat(c.events).hasSize(1);
    assertThat(c.rejectLines()).containsExactly(2L);
    assertThat(c.rejects.get(0).reason()).contains("truncated");
  }

  @Test
  void blankLines_areSkippedButCounted() {
    Collected c = read("\n  \n\t\r\n" + login("a1") + "\n\n\n" + login("a2") + "\n \n");
    assertThat(c.rejects).isEmpty();
    assertThat(c.eventLines).containsExactly(4L, 7L);
    assertThat(c.lines).isEqualTo(8);
  }

  @Test
  void emptyFile_givesNothing() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    Collected c;
    try (InputStream in = EventReader.open(empty)) {
      c = read(in);
    }
    assertThat(c.events).isEmpty();
    assertThat(c.rejects).isEmpty();
    assertThat(c.lines).isZero();
  }

  @Test
  void fileOfOnlyBadLines_rejectsEveryOne_withoutException() {
    String bad =
        String.join(
            "\n",
            "{",
            "{\"type\":\"nope\",\"ts\":1000000000001}",
            "{\"type\":\"order\",\"order\":\"o\",\"account\":\"a\",\"shop\":\"s\",\"item\":\"i\","
                + "\"amount\":-1,\"ts\":1000000000001}",
            "[]",
            "{\"type\":\"login\",\"account\":\"" + "x".repeat(129) + "\",\"ts\":1000000000001}",
            "{'type':'login'}",
            "\u0000",
            "{\"type\":\"login\",\"account\":\"a\",\"ts\":\"2025-03-01T20:15:00\"}");
    Collected c = read(bad);
    assertThat(c.events).isEmpty();
    assertThat(c.rejectLines()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(c.rejects)
        .extracting(Reject::field)
        .containsExactly(null, "type", "amount", null, "account", null, null, "ts");
  }

  @Test
  void invalidUtf8Line_isRejected_andItsExcerptIsPrintable() {
    byte[] input =
        EventParserTest.concat(
            login("a1")
                + "\n{\"type\":\"search\",\"account\":\"a\",\"ts\":1000000000001,\"query\":\"",
            EventParserTest.bytes(0xC0, 0xAF, 0xFF),
            "\"}\n" + login("a3") + "\n");
    Collected c = read(input);
    assertThat(c.eventLines).containsExactly(1L, 3L);
    assertThat(c.rejectLines()).containsExactly(2L);
    assertThat(c.rejects.get(0).field()).isEqualTo("query");
    assertThat(c.rejects.get(0).excerpt()).contains("\uFFFD");
  }

  @Test
  void byteOrderMark_atTheStart_isIgnored() {
    byte[] input =
        EventParserTest.concat(
            "", EventParserTest.bytes(0xEF, 0xBB, 0xBF), login("a1") + "\n" + login("a2") + "\n");
    Collected c = read(input);
    assertThat(c.rejects).isEmpty();
    assertThat(c.events).containsExactly(login1("a1"), login1("a2"));
  }

  @Test
  void gzipFile_isDetectedByItsMagicBytes() throws IOException {
    Path gz = dir.resolve("events.jsonl.gz");
    String text = login("a1") + "\nbad\n" + login("a3") + "\n";
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    EventReader reader = new EventReader();
    Collected c = new Collected();
    try (InputStream in = EventReader.open(gz)) {
      c.lines = reader.read(in, c);
    }
    assertThat(c.events).containsExactly(login1("a1"), login1("a3"));
    assertThat(c.rejectLines()).containsExactly(2L);
    assertThat(reader.bytesRead()).isEqualTo(text.length());
  }

  @Test
  void plainFile_isReadAsIs_evenWithAGzSuffix() throws IOException {
    Path plain = dir.resolve("events.jsonl.gz");
    Files.writeString(plain, login("a1") + "\n");
    try (InputStream in = EventReader.open(plain)) {
      assertThat(read(in).events).containsExactly(login1("a1"));
    }
  }

  @Test
  void lineOverTheLimit_isRejected_andTheNextLineStillParses() throws IOException {
    // a valid event, but longer than the limit: 1 MiB and a half
    String huge = listing("l1", "长".repeat(EventReader.MAX_LINE_BYTES / 2));
    Path file = dir.resolve("huge.jsonl");
    Files.writeString(file, login("a1") + "\n" + huge + "\n" + login("a3") + "\n");
    Collected c;
    try (InputStream in = EventReader.open(file)) {
      c = read(in);
    }
    assertThat(c.eventLines).containsExactly(1L, 3L);
    assertThat(c.rejectLines()).containsExactly(2L);
    assertThat(c.rejects.get(0).reason()).isEqualTo("line is longer than 1048576 bytes");
    assertThat(c.rejects.get(0).excerpt()).startsWith("{\"type\":\"listing\"").hasSizeLessThan(250);
  }

  @Test
  void lineFarOverTheLimit_isSkippedAcrossManyReads() {
    String huge = listing("l1", "x".repeat(5 * EventReader.MAX_LINE_BYTES));
    Collected c = read(huge + "\n" + login("a2") + "\n" + huge + "\n" + login("a4"));
    assertThat(c.eventLines).containsExactly(2L, 4L);
    assertThat(c.rejectLines()).containsExactly(1L, 3L);
    assertThat(c.lines).isEqualTo(4);
  }

  @Test
  void overLongLastLine_withoutNewline_isRejectedOnce() {
    Collected c = read(login("a1") + "\n" + "x".repeat(3 * EventReader.MAX_LINE_BYTES));
    assertThat(c.eventLines).containsExactly(1L);
    assertThat(c.rejectLines()).containsExactly(2L);
    assertThat(c.lines).isEqualTo(2);
  }

  @Test
  void lineOfExactlyTheLimit_isAccepted_oneByteMore_isNot() {
    String prefix =
        "{\"type\":\"listing\",\"listing\":\"l1\",\"shop\":\"s1\",\"ts\":1000000000001,\"text\":\"";
    int fill = EventReader.MAX_LINE_BYTES - prefix.length() - 2;
    String exact = prefix + "x".repeat(fill) + "\"}";
    String over = prefix + "x".repeat(fill + 1) + "\"}";
    assertThat(exact.length()).isEqualTo(EventReader.MAX_LINE_BYTES);
    for (InputStream in :
        List.of(
            new ByteArrayInputStream(bytes(exact + "\n" + over + "\n" + exact)),
            new Trickle(bytes(exact + "\n" + over + "\n" + exact), new Random(1), 70_000))) {
      Collected c = read(in);
      assertThat(c.eventLines).containsExactly(1L, 3L);
      assertThat(c.rejectLines()).containsExactly(2L);
    }
  }

  @Test
  void linesSpanningTheBufferBoundary_allParse() throws IOException {
    // over 3 MiB of ordinary lines of varying length, with multi-byte text, so that lines and
    // UTF-8 sequences straddle the reader's 1 MiB buffer boundary many times
    StringBuilder sb = new StringBuilder();
    Random rnd = new Random(7);
    List<String> ids = new ArrayList<>();
    while (sb.length() < 3 * EventReader.MAX_LINE_BYTES) {
      String id = "l" + ids.size();
      ids.add(id);
      sb.append(listing(id, "超赞物美价廉".repeat(rnd.nextInt(60)) + "x".repeat(rnd.nextInt(7))));
      sb.append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
    }
    Path file = dir.resolve("big.jsonl");
    Files.writeString(file, sb);
    Collected c;
    try (InputStream in = EventReader.open(file)) {
      c = read(in);
    }
    assertThat(c.rejects).isEmpty();
    assertThat(c.events).extracting(e -> ((Listing) e).listing()).containsExactlyElementsOf(ids);
    assertThat(c.lines).isEqualTo(ids.size());
  }

  @Test
  void tinyAndRandomReads_giveTheSameResultAsOneBigRead() {
    StringBuilder sb = new StringBuilder();
    Random rnd = new Random(11);
    for (int i = 0; i < 3000; i++) {
      switch (rnd.nextInt(6)) {
        case 0 -> sb.append("bad line ").append(i);
        case 1 -> sb.append("  ");
        case 2 -> sb.append(listing("l" + i, "好评返现".repeat(rnd.nextInt(30))));
        default -> sb.append(login("a" + i));
      }
      sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
    }
    byte[] input = bytes(sb.toString());
    Collected whole = read(input);
    for (int maxChunk : new int[] {1, 3, 17, 4096}) {
      Collected pieces = read(new Trickle(input, new Random(maxChunk), maxChunk));
      assertThat(pieces.events).as("chunks of up to %d", maxChunk).isEqualTo(whole.events);
      assertThat(pieces.eventLines).isEqualTo(whole.eventLines);
      assertThat(pieces.rejects).isEqualTo(whole.rejects);
      assertThat(pieces.lines).isEqualTo(whole.lines);
    }
    assertThat(whole.rejects).isNotEmpty();
  }

  @Test
  void bytesRead_countsTheWholeInput() {
    byte[] input = bytes(login("a1") + "\n\n" + login("a2"));
    EventReader reader = new EventReader();
    reader.read(new ByteArrayInputStream(input), new Collected());
    assertThat(reader.bytesRead()).isEqualTo(input.length);
  }

  @Test
  void utf16File_withOrWithoutByteOrderMark_getsOneRejectSayingSo() {
    String text = login("a1") + "\n" + login("a2") + "\n" + login("a3") + "\n";
    for (String charset : List.of("UTF-16", "UTF-16LE", "UTF-16BE", "x-UTF-16LE-BOM")) {
      Collected c = read(text.getBytes(java.nio.charset.Charset.forName(charset)));
      assertThat(c.events).as(charset).isEmpty();
      assertThat(c.rejects).as(charset).hasSize(1);
      Reject r = c.rejects.get(0);
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.field()).isNull();
      assertThat(r.reason()).as(charset).matches("the input is UTF-16(LE|BE).*must be UTF-8.*");
    }
  }

  @Test
  void utf16File_gzipped_getsOneReject() throws IOException {
    Path file = dir.resolve("events.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((login("a1") + "\n" + login("a2") + "\n").getBytes(StandardCharsets.UTF_16LE));
    }
    try (InputStream in = EventReader.open(file)) {
      Collected c = read(in);
      assertThat(c.rejects)
          .extracting(Reject::reason)
          .singleElement()
          .asString()
          .startsWith("the input is UTF-16LE");
    }
  }

  @Test
  void utf8File_ofOneCharacter_read() {
    Collected c = read("{");
    assertThat(c.rejects).hasSize(1);
    assertThat(c.rejects.get(0).reason()).startsWith("malformed JSON");
  }

  // ---- helpers ----

  private static Login login1(String account) {
    return new Login(account, 1740831300000L, null, null);
  }

  private static String listing(String id, String text) {
    return "{\"type\":\"listing\",\"listing\":\""
        + id
        + "\",\"shop\":\"s1\",\"ts\":1000000000001,\"text\":\""
        + text
        + "\"}";
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
