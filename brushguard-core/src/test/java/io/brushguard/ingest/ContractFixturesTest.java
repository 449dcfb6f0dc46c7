package io.brushguard.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.event.Event;
import io.brushguard.event.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract's fixture files: {@code every-type.jsonl} (each event type, with all and with
 * minimal fields) parses whole; {@code bad-lines.jsonl} (one line per rejection rule of events.md,
 * invalid UTF-8 included) is rejected line by line with exactly the messages of the golden file
 * {@code bad-lines.rejects.txt}, which is what {@code --rejects} writes. A change to a message
 * shows here as a diff to review.
 */
// a bug in a loop over input fails the build instead of hanging it: the test runs in a thread of
// its own, so even a loop that never checks for interruption is abandoned after 30 s
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ContractFixturesTest {

  private static EventReaderTest.Collected read(String resource) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            ContractFixturesTest.class.getResourceAsStream("/ingest/" + resource), resource)) {
      EventReaderTest.Collected c = new EventReaderTest.Collected();
      c.lines = new EventReader().read(in, c);
      return c;
    }
  }

  @Test
  void everyTypeFixture_parsesWhole_andCoversEveryType() throws IOException {
    EventReaderTest.Collected c = read("every-type.jsonl");
    assertThat(c.rejects).isEmpty();
    assertThat(c.events).hasSize((int) c.lines);
    EnumSet<EventType> seen = EnumSet.noneOf(EventType.class);
    for (Event e : c.events) {
      seen.add(e.type());
    }
    assertThat(seen).containsExactlyInAnyOrder(EventType.values());
  }

  @Test
  void badLinesFixture_isRejectedLineByLine_withTheGoldenMessages() throws IOException {
    EventReaderTest.Collected c = read("bad-lines.jsonl");
    assertThat(c.events).isEmpty();
    List<String> messages = new ArrayList<>();
    for (Reject r : c.rejects) {
      messages.add(r.message());
    }
    List<String> golden;
    try (InputStream in =
        ContractFixturesTest.class.getResourceAsStream("/ingest/bad-lines.rejects.txt")) {
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertThat(messages).containsExactlyElementsOf(golden);
    assertThat(c.rejects).extracting(Reject::line).doesNotHaveDuplicates().hasSize((int) c.lines);
  }
}
