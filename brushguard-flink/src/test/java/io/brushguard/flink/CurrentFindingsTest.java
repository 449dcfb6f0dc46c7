package io.brushguard.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentFindingsTest {
  @TempDir Path dir;

  private static String like(String account, String review, String action) {
    return "{\"type\":\"finding\",\"entity\":\"like\",\"id\":\""
        + account
        + ":"
        + review
        + "\",\"account\":\""
        + account
        + "\",\"review\":\""
        + review
        + "\",\"score\":0.6,\"action\":\""
        + action
        + "\",\"reasons\":[],\"ts\":\"2025-03-01T00:00:00Z\"}";
  }

  @Test
  void likes_keyedByAccountAndReview_notByTheirAmbiguousWireId() throws Exception {
    String a = like("a:b", "c", "review"); // wire id a:b:c
    String b = like("a", "b:c", "review"); // wire id a:b:c as well
    String g20 = like("g20", "r1", "review");
    String g2 = like("g2", "r9", "review");
    String g2Withdrawn = like("g2", "r9", "allow");
    Files.write(
        dir.resolve("findings-w0-0.jsonl"),
        List.of(a, g20, g2, b, g2Withdrawn),
        StandardCharsets.UTF_8);

    // two likes with one wire id stay two; the later line of a like replaces the earlier one; the
    // order is the core's (account, then review), as the embedded scan writes it: g2 < g20 < a..
    assertThat(CurrentFindings.current(dir).values()).containsExactly(b, a, g2Withdrawn, g20);
    assertThat(CurrentFindings.flagged(dir)).containsExactly(b, a, g20);
  }
}
