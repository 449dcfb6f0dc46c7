package io.brushguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.brushguard.decide.Action;
import io.brushguard.detect.EntityKind;
import io.brushguard.ingest.Reject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsReaderTest {
  private final List<Reject> rejects = new ArrayList<>();

  private Findings read(String text) {
    return FindingsReader.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rejects::add);
  }

  @Test
  void read_findingsKeptOtherLineTypesSkipped() {
    Findings f =
        read(
            """
            {"type":"finding","entity":"order","id":"o1029","score":0.97,"action":"block",\
            "reasons":[{"code":"CASHBACK","detail":"red packet"},{"code":"RING","ring":"R4"}],\
            "ts":"2025-03-01T12:15:00Z"}
            {"type":"ring","ring":"R4","accounts":["u1","u9"],"shops":["s17"]}
            {"type":"shop","shop":"s17","credit":38}
            {"type":"finding","entity":"account","id":"u2","score":0,"action":"allow","reasons":[]}
            {"type":"summary","events":1000000,"rejected":3,"seconds":1.9,"findings":5210}
            """);

    assertThat(rejects).isEmpty();
    assertThat(f.size()).isEqualTo(2);
    assertThat(f.get(EntityKind.ORDER, "o1029"))
        .isEqualTo(new Scored(EntityKind.ORDER, "o1029", 0.97, Action.BLOCK));
    assertThat(f.get(EntityKind.ACCOUNT, "u2").flagged()).isFalse();
    assertThat(f.scoresEveryEntity()).isTrue();
  }

  @Test
  void read_onlyFlagged_doesNotClaimEveryEntityScored() {
    Findings f =
        read(
            """
            {"type":"finding","entity":"order","id":"o1","score":0.6,"action":"review"}
            """);

    assertThat(f.scoresEveryEntity()).isFalse();
  }

  @Test
  void read_malformedLines_rejectedWithLineNumbers() {
    Findings f =
        read(
            """
            {"type":"finding","entity":"order","id":"o1","score":0.6,"action":"review"}
            {"type":"finding","entity":"order","id":"o2","score":1.5,"action":"review"}
            {"type":"finding","entity":"order","id":"o3","score":0.6,"action":"hold"}
            {"type":"verdict","entity":"order","id":"o4"}
            {"entity":"order","id":"o5","score":0.6,"action":"review"}
            {"type":"finding","entity":"order","id":"o6","score":"high","action":"review"}
            {"type":"finding","entity":"order","id":"o7","score":0.6,"action":"review","reasons":[1]}
            {"type":"finding","entity":"basket","id":"b1","score":0.6,"action":"review"}
            not json
            {"type":"finding","entity":"order","id":"o8","score":0.6,"action":"review"}
            """);

    assertThat(rejects)
        .extracting(Reject::line, Reject::field)
        .containsExactly(
            tuple(2L, "score"),
            tuple(3L, "action"),
            tuple(4L, "type"),
            tuple(5L, "type"),
            tuple(6L, "score"),
            tuple(7L, "reasons"),
            tuple(8L, "entity"),
            tuple(9L, null));
    assertThat(rejects.get(0).message()).isEqualTo("line 2: field \"score\" must be 0..1, was 1.5");
    assertThat(f.size()).isEqualTo(2);
    assertThat(f.rejected()).isEqualTo(8);
  }

  @Test
  void read_sameEntityTwice_lastFindingStands() {
    Findings f =
        read(
            """
            {"type":"finding","entity":"order","id":"o1","score":0.6,"action":"review"}
            {"type":"finding","entity":"order","id":"o1","score":0.2,"action":"allow"}
            """);

    assertThat(f.get(EntityKind.ORDER, "o1").action()).isEqualTo(Action.ALLOW);
    assertThat(f.superseded()).isEqualTo(1);
    assertThat(f.size()).isEqualTo(1);
  }
}
