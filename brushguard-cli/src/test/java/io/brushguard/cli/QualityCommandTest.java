package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  @Test
  void quality_overTwoMarkets_countsGenuineOrdersAndReviewsFromTheFilesItKept() throws Exception {
    int code = Main.run("quality", "--seeds", "1,2", "--scales", "50k", "--dir", dir.toString());

    assertThat(code).isZero();
    String out = console.out();
    assertThat(out).startsWith("Markets: 50k s1, 50k s2 (");
    assertThat(out).contains("| concentration | ", "| gift_orders | ", "| all | ");
    for (long seed : new long[] {1, 2}) {
      Path market = dir.resolve("50k-" + seed);
      Matcher m =
          Pattern.compile(
                  "\\| 50k s"
                      + seed
                      + " \\| ([0-9,]+) \\| [0-9,]+ \\| [^|]+ \\| ([0-9,]+) \\| [0-9,]+ \\|")
              .matcher(out);
      assertThat(m.find()).as(out).isTrue();
      assertThat(number(m.group(1))).isEqualTo(genuine(market, "order"));
      assertThat(number(m.group(2))).isEqualTo(genuine(market, "review"));
    }
  }

  /** Events of the type in the market minus the entities of that kind labelled fraud. */
  private static long genuine(Path market, String kind) throws Exception {
    long events;
    try (var lines = Files.lines(market.resolve("events.jsonl"))) {
      events = lines.filter(l -> l.startsWith("{\"type\":\"" + kind + "\"")).count();
    }
    Set<String> fraud = new HashSet<>();
    try (var lines = Files.lines(market.resolve("labels.jsonl"))) {
      lines
          .filter(l -> l.contains("\"entity\":\"" + kind + "\"") && l.contains("\"fraud\":true"))
          .forEach(fraud::add);
    }
    return events - fraud.size();
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }

  @Test
  void seeds_rangesAndLists_badOnesNamed() {
    assertThat(QualityCommand.parseSeeds("1-3")).containsExactly(1L, 2L, 3L);
    assertThat(QualityCommand.parseSeeds("4, 9")).containsExactly(4L, 9L);
    assertThatThrownBy(() -> QualityCommand.parseSeeds("3-1")).hasMessageContaining("--seeds");
    assertThatThrownBy(() -> QualityCommand.parseSeeds("x")).hasMessageContaining("--seeds");
    assertThat(Main.run("quality", "--seeds", "one")).isEqualTo(1);
    assertThat(console.err()).contains("--seeds");
  }
}
