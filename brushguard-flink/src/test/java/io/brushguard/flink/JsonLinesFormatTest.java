package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Event;
import io.brushguard.ingest.EventParser;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Flink source carries the core {@code LineFramer}'s lines (numbers, bytes, too-long mark) so
 * that parsing them gives what the embedded {@link EventReader} gives. The framing rules themselves
 * are tested in the core ({@code LineFramerTest}).
 */
// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JsonLinesFormatTest {
  private static final String ORDER =
      "{\"type\":\"order\",\"order\":\"o1\",\"account\":\"u1\",\"shop\":\"s1\",\"item\":\"i1\","
          + "\"amount\":100,\"ts\":1740787200000}";

  /** What the embedded reader makes of the input: one entry per event or reject, in order. */
  private static List<String> embedded(byte[] input) {
    List<String> out = new ArrayList<>();
    new EventReader()
        .read(
            new ByteArrayInputStream(input),
            new EventReader.Sink() {
              @Override
              public void accept(Event event, long line) {
                out.add(line + " " + event);
              }

              @Override
              public void reject(Reject r) {
                out.add(r.toString());
              }
            });
    return out;
  }

  /** What the Flink source and parse step make of it. */
  private static List<String> flink(byte[] input) throws IOException {
    List<String> out = new ArrayList<>();
    EventParser parser = new EventParser();
    var reader = new JsonLinesFormat.LineReader(new ByteArrayInputStream(input));
    Line line;
    while ((line = reader.read()) != null) {
      List<NumberedEvent> events = new ArrayList<>();
      Reject r = ParseLines.parse(parser, line, events::add);
      if (r != null) {
        out.add(r.toString());
      }
      for (NumberedEvent e : events) {
        out.add(e.line() + " " + e.event());
      }
    }
    reader.close();
    return out;
  }

  @Test
  void lines_bomCrlfBlankInvalidUtf8AndNoFinalNewline_sameAsEventReader() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    b.write((ORDER + "\r\n\n   \n\t\r\n{bad\r\r\n").getBytes(StandardCharsets.UTF_8));
    b.write("{\"type\":\"login\",\"account\":\"".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    b.write(
        ("\",\"ts\":1000000000001}\n\n" + ORDER.replace("o1", "o3"))
            .getBytes(StandardCharsets.UTF_8));
    byte[] input = b.toByteArray();

    List<String> expected = embedded(input);
    assertThat(expected).hasSize(4).last().asString().startsWith("8 Order[order=o3");
    assertThat(expected.get(0)).startsWith("1 Order[order=o1");
    assertThat(flink(input)).isEqualTo(expected);
  }

  @Test
  void lines_emptyAndOnlyNewlines_nothing() throws IOException {
    assertThat(flink(new byte[0])).isEmpty();
    assertThat(flink("\n\n\r\n \n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void lineOverTheLimit_carriesItsExcerptAndNumber_andIsRejectedAsEmbedded() throws IOException {
    StringBuilder s = new StringBuilder(ORDER).append('\n');
    s.append("{\"type\":\"review\",\"text\":\"").append("好".repeat(400_000)).append("\"}\n");
    s.append(ORDER.replace("o1", "o2")).append('\n');
    byte[] input = s.toString().getBytes(StandardCharsets.UTF_8);

    var reader = new JsonLinesFormat.LineReader(new ByteArrayInputStream(input));
    reader.read();
    Line tooLong = reader.read();
    assertThat(tooLong.number()).isEqualTo(2);
    assertThat(tooLong.tooLong()).isTrue();
    assertThat(tooLong.bytes()).hasSize(JsonLinesFormat.EXCERPT_BYTES);
    Line third = reader.read();
    assertThat(third.number()).isEqualTo(3);
    assertThat(third.seq()).as("sequence without gaps").isEqualTo(2);
    assertThat(reader.read()).isNull();

    List<String> expected = embedded(input);
    assertThat(expected.get(1)).startsWith("Reject[line=2, field=null, reason=line is longer than");
    assertThat(flink(input)).isEqualTo(expected);
  }
}
