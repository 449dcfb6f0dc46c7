package io.brushguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @RegisterExtension final ConsoleCapture console = new ConsoleCapture();
  @TempDir Path dir;

  private Path labels() throws Exception {
    return Files.write(
        dir.resolve("labels.jsonl"),
        List.of(
            "{\"entity\":\"order\",\"id\":\"o1\",\"fraud\":true,\"tactic\":\"concentration\"}",
            "{\"entity\":\"order\",\"id\":\"o2\",\"fraud\":true,\"tactic\":\"cashback\"}",
            "{\"entity\":\"order\",\"id\":\"o3\",\"fraud\":maybe}",
            "{\"entity\":\"account\",\"id\":\"u9\",\"fraud\":false,\"trap\":\"dorm\"}"));
  }

  private Path findings() throws Exception {
    return Files.write(
        dir.resolve("findings.jsonl"),
        List.of(
            "{\"type\":\"finding\",\"entity\":\"order\",\"id\":\"o1\",\"score\":0.6,\"action\":\"review\",\"reasons\":[{\"code\":\"CONCENTRATION\"}]}",
            "{\"type\":\"finding\",\"entity\":\"account\",\"id\":\"u9\",\"score\":0.6,\"action\":\"review\",\"reasons\":[{\"code\":\"CONCENTRATION\"}]}",
            "{\"type\":\"summary\",\"events\":10,\"rejected\":0,\"seconds\":0.1,\"findings\":2,\"rings\":0}"));
  }

  @Test
  void eval_printsTablesAndReportsBadLinesWithTheirNumbers() throws Exception {
    int code =
        Main.run("eval", "--labels", labels().toString(), "--findings", findings().toString());

    assertThat(code).isZero();
    String text = console.out();
    assertThat(text)
        .contains("Labels: 3 read (1 lines rejected)")
        .contains("  order           2        1   1   0   1      1.000   0.500  0.667")
        .contains("  concentration    1/1  1/1   1.000")
        .contains("  dorm      1/1  1/1    1.000");
    assertThat(console.err())
        .contains(
            "brushguard: labels.jsonl line 3: malformed JSON at column 37: unexpected character 'm'");
  }

  @Test
  void eval_json_oneDocument() throws Exception {
    int code =
        Main.run(
            "eval", "--labels", labels().toString(), "--findings", findings().toString(), "--json");

    assertThat(code).isZero();
    String json = console.out();
    assertThat(json.lines()).hasSize(1);
    assertThat(json)
        .startsWith("{\"inputs\":{\"labels\":3,\"labels_rejected\":1,")
        .contains("{\"entity\":\"order\",\"labelled\":2,\"flagged\":1,\"tp\":1,\"fp\":0,\"fn\":1,")
        .contains("\"ranking\":null}");
  }

  @Test
  void eval_missingFile_failsWithItsName() {
    int code =
        Main.run("eval", "--labels", dir.resolve("nope.jsonl").toString(), "--findings", "x");

    assertThat(code).isEqualTo(1);
    assertThat(console.err()).contains("no such file").contains("nope.jsonl");
  }
}
