package io.brushguard.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.brushguard.detect.EntityKind;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsReaderTest {
  private final List<Reject> rejects = new ArrayList<>();

  private Labels read(String text) {
    return LabelsReader.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rejects::add);
  }

  @Test
  void read_theThreeShapes() {
    Labels labels =
        read(
            """
            {"entity":"order","id":"o1029","fraud":true,"tactic":"cashback"}
            {"entity":"account","id":"u77","fraud":false,"trap":"dorm"}
            {"entity":"shop","id":"s5","fraud":false,"victim":true,"tactic":"reverse_brushing"}
            {"entity":"like","id":"u1:r9","fraud":true,"tactic":"like_farm","note":"ignored"}
            """);

    assertThat(rejects).isEmpty();
    assertThat(labels.size()).isEqualTo(4);
    assertThat(labels.get(EntityKind.ORDER, "o1029"))
        .isEqualTo(new Label(EntityKind.ORDER, "o1029", true, "cashback", null, false));
    assertThat(labels.get(EntityKind.ACCOUNT, "u77"))
        .isEqualTo(new Label(EntityKind.ACCOUNT, "u77", false, null, "dorm", false));
    assertThat(labels.get(EntityKind.SHOP, "s5").victim()).isTrue();
    assertThat(labels.get(EntityKind.LIKE, "u1:r9").tactic()).isEqualTo("like_farm");
    assertThat(labels.get(EntityKind.ORDER, "o1")).isNull();
  }

  @Test
  void read_malformedLines_rejectedWithLineNumbersAndTheRestRead() {
    Labels labels =
        read(
            """
            {"entity":"order","id":"o1","fraud":true,"tactic":"concentration"}
            {"entity":"order","id":"o2","fraud":true
            {"entity":"order","id":"o3"}
            {"entity":"parcel","id":"p1","fraud":true}
            {"entity":"account","id":"u1","fraud":true,"trap":"dorm"}
            {"entity":"order","id":"o1","fraud":false}
            {"entity":"like","id":"r9","fraud":true}

            {"entity":"order","id":"o4","fraud":"yes"}
            {"entity":"shop","id":"","fraud":false}
            [1,2]
            {"entity":"shop","id":"s1","fraud":true,"victim":true}
            {"entity":"order","id":"o5","fraud":false}
            """);

    assertThat(rejects)
        .extracting(Reject::line, Reject::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, null),
            org.assertj.core.groups.Tuple.tuple(3L, "fraud"),
            org.assertj.core.groups.Tuple.tuple(4L, "entity"),
            org.assertj.core.groups.Tuple.tuple(5L, "trap"),
            org.assertj.core.groups.Tuple.tuple(6L, "id"),
            org.assertj.core.groups.Tuple.tuple(7L, "id"),
            org.assertj.core.groups.Tuple.tuple(9L, "fraud"),
            org.assertj.core.groups.Tuple.tuple(10L, "id"),
            org.assertj.core.groups.Tuple.tuple(11L, null),
            org.assertj.core.groups.Tuple.tuple(12L, "victim"));
    assertThat(rejects.get(1).message()).isEqualTo("line 3: field \"fraud\" is required");
    assertThat(rejects.get(2).reason()).contains("was \"parcel\"");
    assertThat(rejects.get(4).reason()).contains("first on line 1");
    assertThat(rejects.get(6).reason()).isEqualTo("must be true or false, was the string \"yes\"");
    assertThat(rejects.get(0).reason()).startsWith("malformed JSON at column");
    assertThat(rejects.get(0).excerpt()).startsWith("{\"entity\":\"order\",\"id\":\"o2\"");
    assertThat(labels.size()).isEqualTo(2);
    assertThat(labels.rejected()).isEqualTo(10);
    assertThat(labels.get(EntityKind.ORDER, "o1").fraud()).isTrue();
  }

  @Test
  void read_invalidUtf8_rejectedAndReadingGoesOn() {
    byte[] good = "{\"entity\":\"order\",\"id\":\"o1\",\"fraud\":true}\n".getBytes();
    byte[] bad = {'{', '"', (byte) 0xC3, '"', '}', '\n'};
    byte[] all = new byte[good.length * 2 + bad.length];
    System.arraycopy(good, 0, all, 0, good.length);
    System.arraycopy(bad, 0, all, good.length, bad.length);
    byte[] second = "{\"entity\":\"order\",\"id\":\"o2\",\"fraud\":true}\n".getBytes();
    System.arraycopy(second, 0, all, good.length + bad.length, second.length);

    Labels labels = LabelsReader.read(new ByteArrayInputStream(all), rejects::add);

    assertThat(rejects).extracting(Reject::message).containsExactly("line 2: is not valid UTF-8");
    assertThat(labels.size()).isEqualTo(2);
  }

  @Test
  void read_lastLineWithoutNewlineAndCrlf_read() {
    Labels labels =
        read(
            "{\"entity\":\"order\",\"id\":\"o1\",\"fraud\":true}\r\n"
                + "{\"entity\":\"order\",\"id\":\"o2\",\"fraud\":true}");

    assertThat(rejects).isEmpty();
    assertThat(labels.size()).isEqualTo(2);
  }

  @Test
  void read_overLongLine_rejectedAndLongLinesAcrossBuffers_read() {
    String pad = "x".repeat(JsonLinesInput.MAX_LINE_BYTES);
    String longButFine = "y".repeat(200_000); // spans several read buffers
    Labels labels =
        read(
            "{\"entity\":\"order\",\"id\":\"o1\",\"fraud\":true,\"note\":\""
                + pad
                + "\"}\n"
                + "{\"entity\":\"order\",\"id\":\"o2\",\"fraud\":true,\"note\":\""
                + longButFine
                + "\"}\n"
                + "{\"entity\":\"order\",\"id\":\"o3\",\"fraud\":true}\n");

    assertThat(rejects)
        .extracting(Reject::message)
        .containsExactly("line 1: longer than " + JsonLinesInput.MAX_LINE_BYTES + " bytes");
    assertThat(labels.get(EntityKind.ORDER, "o1")).isNull();
    assertThat(labels.get(EntityKind.ORDER, "o2")).isNotNull();
    assertThat(labels.get(EntityKind.ORDER, "o3")).isNotNull();
  }
}
