package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brushguard.decide.Action;
import io.brushguard.decide.Finding;
import io.brushguard.decide.Reason;
import io.brushguard.detect.EntityKind;
import io.brushguard.detect.Signal;
import io.brushguard.event.EventType;
import io.brushguard.flow.Fact;
import io.brushguard.flow.Stamp;
import io.brushguard.ingest.EventParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {

  private static <T> T roundTrip(RecordSerializer<T> s, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    s.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getSharedBuffer(), 0, out.length());
    T back = s.deserialize(in);
    assertThat(in.available()).as("every byte read back").isZero();
    return back;
  }

  @Test
  void everyEventOfAGeneratedMarket_comesBackEqual() throws IOException {
    RecordSerializer<NumberedEvent> s = new RecordSerializer<>(NumberedEvent.class);
    EventParser parser = new EventParser();
    Set<EventType> seen = EnumSet.noneOf(EventType.class);
    long line = 0;
    String others =
        String.join(
            "\n",
            "{\"type\":\"payment\",\"payment\":\"p11\",\"from\":\"pay-0e\",\"to\":\"pay-53\","
                + "\"amount\":72000,\"ts\":1740758441654,\"kind\":\"order\",\"order\":\"o11\"}",
            "{\"type\":\"search\",\"account\":\"u3\",\"query\":\"面霜\",\"ts\":1740758400962,"
                + "\"session\":\"ss21\",\"device\":\"d-ed\",\"ip\":\"223.98.87.221\"}",
            "{\"type\":\"listing\",\"listing\":\"l302\",\"shop\":\"s5678\",\"text\":\"【限时折扣】坚果\","
                + "\"ts\":1740788734539,\"item\":\"i81023\",\"title\":\"坚果\"}",
            "{\"type\":\"report\",\"report\":\"rp15\",\"reporter\":\"u1\",\"target_kind\":\"shop\","
                + "\"target\":\"s5794\",\"ts\":1740759360913,\"category\":\"other\",\"text\":\"破损\","
                + "\"attachments\":[{\"kind\":\"screenshot\",\"sha256\":\"02a99790c7274137361501d6619a9013e2"
                + "b94a347a6d9da715b40e5901ceeebb\",\"name\":\"screenshot.jpg\"}]}",
            "{\"type\":\"spot_check\",\"check\":\"ck22\",\"shop\":\"s5591\",\"kind\":\"qualification\","
                + "\"result\":\"pass\",\"ts\":1740791527622,\"agency\":\"市场监管抽检中心\",\"note\":\"符合\"}");
    for (String l : (MarketInput.generate(3, 1) + "\n" + others).split("\n")) {
      line++;
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      NumberedEvent e;
      try {
        e = new NumberedEvent(parser.parse(b, 0, b.length), line);
      } catch (RuntimeException bad) {
        continue; // the generator plants bad lines
      }
      seen.add(e.event().type());
      assertThat(roundTrip(s, e)).isEqualTo(e);
    }
    assertThat(seen).as("event types covered").isEqualTo(EnumSet.allOf(EventType.class));
  }

  @Test
  void factsCoreAndUnregistered_withNullsListsAndWideChars_comeBackEqual() throws IOException {
    RecordSerializer<Emitted> s = new RecordSerializer<>(Emitted.class);
    Stamp stamp = new Stamp(1_700_000_000_000L, 3, "shop/s1", 2, 1);
    List<Fact> facts =
        List.of(
            new Finding(
                EntityKind.values()[0],
                "o1",
                0.93,
                Action.values()[Action.values().length - 1],
                List.of(new Reason("cashback", "红包 ¥5 → 五星", null)),
                42),
            new Signal(EntityKind.values()[0], "o1", "c", "stage/k", 0.5, 7, null),
            new LikeChain.LikeOnAuthor("u1", "u2", "r1", 9));
    for (Fact f : facts) {
      Emitted e = new Emitted(stamp, f);
      assertThat(roundTrip(s, e)).isEqualTo(e);
    }
  }

  @Test
  void routedWithStamp_comesBackEqual() throws IOException {
    RecordSerializer<Routed> s = new RecordSerializer<>(Routed.class);
    Routed r = new Routed("é-key", Stamp.ofEvent(5, 17), new LikeChain.Admirer("u1", "u2"));
    assertThat(roundTrip(s, r)).isEqualTo(r);
  }

  record WithMap(Map<String, String> map) implements Fact {}

  @Test
  void aComponentOfAnotherKind_failsNamingIt() {
    RecordSerializer<Emitted> s = new RecordSerializer<>(Emitted.class);
    Emitted e = new Emitted(Stamp.ofEvent(1, 1), new WithMap(Map.of()));
    assertThatThrownBy(() -> roundTrip(s, e))
        .hasMessageContaining("WithMap.map is a java.util.Map");
  }
}
