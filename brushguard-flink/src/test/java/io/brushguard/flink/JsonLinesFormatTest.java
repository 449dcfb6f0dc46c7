package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Event;
import io.brushguard.ingest.EventParser;
import io.brushguard.ingest.EventReader;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Flink source frames and parses lines exactly as the embedded {@link EventReader} does. */
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

  /** What the Flink source and parse step make of it, reading in chunks of random size. */
  private static List<String> flink(byte[] input, long chunkSeed) throws IOException {
    List<String> out = new ArrayList<>();
    EventParser parser = new EventParser();
    var reader =
        new JsonLinesFormat.LineReader(
            new ChunkedStream(input, new Random(chunkSeed)), EventReader.MAX_LINE_BYTES);
    Line line;
    while ((line = reader.read()) != null) {
      List<NumberedEvent> events = new ArrayList<>();
      Reject r = ParseLines.parse(parser, line, new ListCollector<>(events));
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

  private static void assertSameAsEmbedded(byte[] input) throws IOException {
    List<String> expected = embedded(input);
    for (long seed = 0; seed < 5; seed++) {
      assertThat(flink(input, seed)).as("chunk seed %d", seed).isEqualTo(expected);
    }
  }

  @Test
  void lines_crlfBlankWhitespaceAndNoFinalNewline_sameAsEventReader() throws IOException {
    String input =
        ORDER
            + "\r\n\n   \n\t\r\n"
            + ORDER.replace("o1", "o2")
            + "\r\r\n{bad\n\n"
            + ORDER.replace("o1", "o3");
    List<String> expected = embedded(input.getBytes(StandardCharsets.UTF_8));
    assertThat(expected).hasSize(4).last().asString().startsWith("8 Order[order=o3");
    assertSameAsEmbedded(input.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void lines_emptyAndOnlyNewlines_nothing() throws IOException {
    assertThat(flink(new byte[0], 1)).isEmpty();
    assertSameAsEmbedded("\n\n\r\n \n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void lines_invalidUtf8_rejectedWithTheSameExcerpt() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("{\"type\":\"login\",\"account\":\"".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    b.write("\",\"ts\":1}\n".getBytes(StandardCharsets.UTF_8));
    b.write(ORDER.getBytes(StandardCharsets.UTF_8));
    assertSameAsEmbedded(b.toByteArray());
  }

  @Test
  void lines_overThreeMebibytes_rejectedWholeAndCountedAsOneLine() throws IOException {
    StringBuilder s = new StringBuilder(ORDER).append('\n');
    s.append("{\"type\":\"review\",\"text\":\"").append("好".repeat(1_100_000)).append("\"}\n");
    s.append(ORDER.replace("o1", "o2")).append('\n');
    byte[] input = s.toString().getBytes(StandardCharsets.UTF_8);

    List<String> expected = embedded(input);
    assertThat(expected).hasSize(3);
    assertThat(expected.get(1)).startsWith("Reject[line=2, field=null, reason=line is longer than");
    assertThat(flink(input, 3)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  void lines_generatedMarket_sameAsEventReader(long seed) throws IOException {
    assertSameAsEmbedded(MarketInput.generate(seed, 1).getBytes(StandardCharsets.UTF_8));
  }

  /** A stream that hands out its bytes in chunks of 1 to 300 bytes, as network reads do. */
  private static final class ChunkedStream extends InputStream {
    private final ByteArrayInputStream in;
    private final Random rnd;

    ChunkedStream(byte[] bytes, Random rnd) {
      this.in = new ByteArrayInputStream(bytes);
      this.rnd = rnd;
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, Math.min(len, 1 + rnd.nextInt(300)));
    }
  }

  /** Collects into a list. */
  private record ListCollector<T>(List<T> out) implements org.apache.flink.util.Collector<T> {
    @Override
    public void collect(T record) {
      out.add(record);
    }

    @Override
    public void close() {}
  }
}
