package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** json validation, jsonb's normal form and the parts the JSON operators extract, as PostgreSQL 15 prints them. */
class JsonTextTest {

  @Test
  void normalize_sortsKeysShorterFirstAndKeepsTheLastDuplicate() {
    assertThat(JsonText.normalize("{\"b\" : 1, \"aa\": [1, 2.50, {\"x\": \"y\"}], \"a\": null, \"b\": 2}"))
        .isEqualTo("{\"a\": null, \"b\": 2, \"aa\": [1, 2.50, {\"x\": \"y\"}]}");
    assertThat(JsonText.normalize("{\"é\":1,\"z\":2,\"ab\":3}")).isEqualTo("{\"z\": 2, \"ab\": 3, \"é\": 1}");
    assertThat(JsonText.normalize(" [ ] ")).isEqualTo("[]");
    assertThat(JsonText.normalize("{}")).isEqualTo("{}");
  }

  @Test
  void normalize_numbersAsNumericPrintsThem() {
    assertThat(JsonText.normalize("[1e3, -1.50E-1, 12345678901234567890, -0, 1.0e1, 0.0]"))
        .isEqualTo("[1000, -0.150, 12345678901234567890, 0, 10, 0.0]");
  }

  @Test
  void normalize_escapesAsPostgresql() {
    assertThat(JsonText.normalize("\"te\\\"xt\\u00e9\\n\\u0001\\/\""))
        .isEqualTo("\"te\\\"xté\\n\\u0001/\"");
  }

  @Test
  void parse_invalidText_isInvalidTextRepresentation() {
    for (String bad : List.of("{\"a\":1", "{\"a\":1} x", "{a:1}", "[1,]", "01", "'a'", "", "NaN", "[1 2]")) {
      assertThatThrownBy(() -> JsonText.validate(bad)).as(bad)
          .isInstanceOfSatisfying(SqlStateException.class, e -> {
            assertThat(e.sqlState()).isEqualTo("22P02");
            assertThat(e.getMessage()).startsWith("invalid input syntax for type json");
          });
    }
  }

  @Test
  void parse_nulCharacter_isUnsupportedUnicodeEscape() {
    assertThatThrownBy(() -> JsonText.normalize("\"\\u0000\""))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("22P05"));
  }

  @Test
  void field_ofJson_isTheVerbatimTextOfTheLastDuplicate() {
    String json = "{\"a\" : {\"b\" :  [1,2] }, \"c\": \"x\\\"y\", \"a\" :  [ 3 , 4 ] }";
    JsonText.Node root = JsonText.parse(json);
    assertThat(JsonText.field(root, "a").text(json)).isEqualTo("[ 3 , 4 ]");
    assertThat(JsonText.field(root, "c").text(json)).isEqualTo("\"x\\\"y\"");
    assertThat(JsonText.asText(JsonText.field(root, "c"), json)).isEqualTo("x\"y");
    assertThat(JsonText.field(root, "missing")).isNull();
  }

  @Test
  void element_negativeIndexCountsFromTheEnd() {
    String json = "[1, \"two\", [3], null]";
    JsonText.Node root = JsonText.parse(json);
    assertThat(JsonText.element(root, 0).text(json)).isEqualTo("1");
    assertThat(JsonText.element(root, -2).text(json)).isEqualTo("[3]");
    assertThat(JsonText.asText(JsonText.element(root, -1), json)).isNull();
    assertThat(JsonText.element(root, 4)).isNull();
    assertThat(JsonText.element(root, -5)).isNull();
    assertThat(JsonText.field(root, "0")).isNull();
  }

  @Test
  void path_walksKeysAndIndexes() {
    String json = "{\"a\": [1, {\"b\": true}], \"n\": 5}";
    JsonText.Node root = JsonText.parse(json);
    assertThat(JsonText.path(root, List.of("a", "1", "b")).text(json)).isEqualTo("true");
    assertThat(JsonText.path(root, List.of("a", "-1")).text(json)).isEqualTo("{\"b\": true}");
    assertThat(JsonText.path(root, List.of())).isSameAs(root);
    assertThat(JsonText.path(root, List.of("a", "x"))).isNull();
    assertThat(JsonText.path(root, List.of("n", "0"))).isNull();
  }

  @Test
  void path_throughARepeatedKey_takesTheLastMemberItResolvesIn() {
    String json = "{\"a\": [1], \"a\": {\"b\": 2}}";
    JsonText.Node root = JsonText.parse(json);
    assertThat(JsonText.path(root, List.of("a", "0")).text(json)).isEqualTo("1");
    assertThat(JsonText.path(root, List.of("a", "b")).text(json)).isEqualTo("2");
    assertThat(JsonText.path(root, List.of("a")).text(json)).isEqualTo("{\"b\": 2}");
  }

  @Test
  void contains_followsPostgresqlContainment() {
    assertThat(contains("{\"a\":{\"b\":[1,2]},\"c\":3}", "{\"a\":{\"b\":[2]}}")).isTrue();
    assertThat(contains("[1,2,3]", "[3,1,1]")).isTrue();
    assertThat(contains("[1,2]", "1")).isTrue();
    assertThat(contains("[[1,2]]", "1")).isFalse();
    assertThat(contains("{\"a\":1}", "{\"a\":2}")).isFalse();
    assertThat(contains("{\"a\":1.0}", "{\"a\":1}")).isTrue();
    assertThat(contains("[1]", "{}")).isFalse();
  }

  private static boolean contains(String a, String b) {
    return JsonContainment.contains(JsonText.parse(a), JsonText.parse(b));
  }
}
