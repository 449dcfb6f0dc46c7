package io.brushguard.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonTest {

  @Test
  void parse_nestedValues_becomeMapsListsAndDoubles() {
    Object v =
        StrictJson.parse(
            " {\"a\":[1,-2.5e1,true,false,null],\"b\":{\"c\":\"x\\u00e9\\n\\\"y\\\"\"}} ");

    assertThat(v)
        .isEqualTo(
            Map.of(
                "a",
                java.util.Arrays.asList(1.0, -25.0, true, false, null),
                "b",
                Map.of("c", "xé\n\"y\"")));
  }

  @Test
  void parse_chineseText_keptAsIs() {
    assertThat(StrictJson.parse("\"超赞 物美价廉\"")).isEqualTo("超赞 物美价廉");
  }

  @Test
  void parse_emptyContainers() {
    assertThat(StrictJson.parse("{}")).isEqualTo(Map.of());
    assertThat(StrictJson.parse("[ ]")).isEqualTo(List.of());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1,}                | column 8: expected a field name",
        "{\"a\":1 \"b\":2}         | column 8: expected ',' or '}'",
        "{\"a\":1,\"a\":2}         | column 8: duplicate field \"a\"",
        "{\"a\":01}                | column 7: expected ',' or '}'",
        "{\"a\":\"x}               | unterminated string",
        "{\"a\":tru}               | column 6: unexpected word (expected true)",
        "[1,2]]                    | column 6: unexpected text after the JSON value",
        "{\"a\":1.}                | column 8: expected a digit after '.'",
        "{\"a\":\"\\q\"}           | column 8: unknown escape",
        "{\"a\":\"\\u12g4\"}       | column 11: bad hex digit",
        "''                        | unexpected end of line",
        "{\"a\" 1}                 | column 6: expected ':'",
        "{a:1}                     | column 2: expected a field name",
      })
  void parse_malformed_namesColumnAndProblem(String text, String expected) {
    String json = text == null ? "" : text;
    assertThatThrownBy(() -> StrictJson.parse(json))
        .isInstanceOf(BadLine.class)
        .hasMessageContaining(expected);
  }

  @Test
  void parse_rawControlCharacterInString_rejected() {
    assertThatThrownBy(() -> StrictJson.parse("\"a\tb\""))
        .hasMessageContaining("control character");
  }

  @Test
  void parse_tooDeep_rejected() {
    String deep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
    String ok = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);

    assertThat(StrictJson.parse(ok)).isInstanceOf(List.class);
    assertThatThrownBy(() -> StrictJson.parse(deep)).hasMessageContaining("nested deeper");
  }
}
