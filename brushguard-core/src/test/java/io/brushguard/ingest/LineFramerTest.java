package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The framing rules on their own; {@link EventReaderTest} covers them through parsing at the real 1
 * MiB limit. Here small limits make over-long lines and buffer growth cheap to reach.
 */
// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LineFramerTest {
  /** What one frame said, copied out of the reused buffer. */
  record Framed(long number, String text, boolean tooLong) {}

  private static List<Framed> frame(InputStream in, int maxLineBytes) throws IOException {
    LineFramer framer = new LineFramer(in, maxLineBytes);
    List<Framed> out = new ArrayList<>();
    LineFramer.Frame f;
    while ((f = framer.next()) != null) {
      out.add(new Framed(f.number(), text(f.bytes(), f.from(), f.to()), f.tooLong()));
    }
    assertThat(framer.next()).as("null again after the end").isNull();
    return out;
  }

  private static List<Framed> frame(String input, int maxLineBytes) throws IOException {
    return frame(new ByteArrayInputStream(bytes(input)), maxLineBytes);
  }

  @Test
  void frame_isTheLineWithoutItsTerminator_numberedWithBlankLinesCounted() throws IOException {
    assertThat(frame("a\r\n\n \t\r\nb\r\r\nc", 100))
        .containsExactly(
            new Framed(1, "a", false), new Framed(4, "b\r", false), new Framed(5, "c", false));
  }

  @Test
  void lines_countsBlankLinesAtTheEnd_butNotAnEmptyTailAfterTheLastNewline() throws IOException {
    LineFramer framer = new LineFramer(new ByteArrayInputStream(bytes("a\n\n \n")));
    while (framer.next() != null) {}
    assertThat(framer.lines()).isEqualTo(3);
    assertThat(framer.bytesRead()).isEqualTo(5);
    framer = new LineFramer(new ByteArrayInputStream(new byte[0]));
    assertThat(framer.next()).isNull();
    assertThat(framer.lines()).isZero();
  }

  @Test
  void byteOrderMark_isDroppedOnLineOneOnly() throws IOException {
    String bom = "\uFEFF";
    assertThat(frame(bom + "a\n" + bom + "b\n", 100))
        .containsExactly(new Framed(1, "a", false), new Framed(2, bom + "b", false));
    assertThat(frame(bom + "\n" + "c", 100)).containsExactly(new Framed(2, "c", false));
  }

  @Test
  void overLongLine_isOneTooLongFrameWithItsFirstBytes_andFramingGoesOn() throws IOException {
    String longLine = "x".repeat(LineFramer.EXCERPT_BYTES) + "y".repeat(1000);
    List<Framed> framed = frame(longLine + "\nok\n" + longLine, 500);
    assertThat(framed)
        .containsExactly(
            new Framed(1, "x".repeat(LineFramer.EXCERPT_BYTES), true),
            new Framed(2, "ok", false),
            new Framed(3, "x".repeat(LineFramer.EXCERPT_BYTES), true));
  }

  @Test
  void overLongLine_underASmallLimit_keepsLimitBytes() throws IOException {
    assertThat(frame("abcdefghij\nabc\n", 5))
        .containsExactly(new Framed(1, "abcde", true), new Framed(2, "abc", false));
  }

  @Test
  void lineOfExactlyTheLimit_fits_oneByteMore_doesNot_andACarriageReturnCounts()
      throws IOException {
    assertThat(frame("abcde\nabcdef\nabcd\r\nabcde\r\nabcde", 5))
        .containsExactly(
            new Framed(1, "abcde", false),
            new Framed(2, "abcde", true),
            new Framed(3, "abcd", false),
            new Framed(4, "abcde", true),
            new Framed(5, "abcde", false));
  }

  @Test
  void longLines_growTheBufferFromItsInitialSize() throws IOException {
    String a = "a".repeat(300_000);
    String b = "b".repeat(150_000);
    List<Framed> framed = frame(a + "\n" + b + "\n" + a, 300_000);
    assertThat(framed).extracting(Framed::number).containsExactly(1L, 2L, 3L);
    assertThat(framed).extracting(Framed::text).containsExactly(a, b, a);
  }

  /** Any input, any limit, any read sizes: the same frames as a plain split of the whole input. */
  @Test
  void randomInputAndReadSizes_sameFramesAsTheReferenceSplit() throws IOException {
    byte[] alphabet = bytes("ab \t\r\n\n\uFEFF好");
    for (int trial = 0; trial < 3000; trial++) {
      Random rnd = new Random(trial);
      byte[] input = new byte[rnd.nextInt(120)];
      for (int i = 0; i < input.length; i++) {
        input[i] = alphabet[rnd.nextInt(alphabet.length)];
      }
      int max = 1 + rnd.nextInt(30);
      int chunk = 1 + rnd.nextInt(40);
      assertThat(frame(new Trickle(input, rnd, chunk), max))
          .as("trial %d: %s, limit %d", trial, Arrays.toString(input), max)
          .isEqualTo(reference(input, max));
    }
  }

  /** The rules written the obvious way, over the whole input at once. */
  private static List<Framed> reference(byte[] input, int max) {
    List<Framed> out = new ArrayList<>();
    int number = 0;
    int from = 0;
    while (from < input.length) {
      int nl = from;
      while (nl < input.length && input[nl] != '\n') {
        nl++;
      }
      number++;
      byte[] line = Arrays.copyOfRange(input, from, nl);
      from = nl + 1;
      if (line.length > max) {
        out.add(new Framed(number, text(line, 0, Math.min(max, LineFramer.EXCERPT_BYTES)), true));
        continue;
      }
      String s = text(line, 0, line.length);
      if (number == 1 && s.startsWith("\uFEFF")) {
        s = s.substring(1);
      }
      if (s.endsWith("\r")) {
        s = s.substring(0, s.length() - 1);
      }
      if (!s.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\r')) {
        out.add(new Framed(number, s, false));
      }
    }
    return out;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }
}
