package io.omendb.adapter.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** PostgreSQL's text form of one-dimensional arrays, as {@code array_in} reads it. */
class PgArrayTextTest {

  @Test
  void elements_unquotedAreTrimmedAndNullIsNull() {
    assertThat(PgArrayText.elements("{1, 2 ,3}")).containsExactly("1", "2", "3");
    assertThat(PgArrayText.elements(" {a,NULL,null} ")).isEqualTo(Arrays.asList("a", null, null));
  }

  @Test
  void elements_quotedKeepSpacesEscapesAndTheWordNull() {
    assertThat(PgArrayText.elements("{\"a b\", \"c\\\"d\",\"NULL\",\"\"}")).containsExactly("a b", "c\"d", "NULL", "");
  }

  @Test
  void elements_emptyArrayHasNone() {
    assertThat(PgArrayText.elements("{}")).isEmpty();
  }

  @Test
  void elements_notAOneDimensionalArray_isNull() {
    assertThat(PgArrayText.elements("1,2")).isNull();
    assertThat(PgArrayText.elements("{{1,2},{3,4}}")).isNull();
    assertThat(PgArrayText.elements("{1,,2}")).isNull();
    assertThat(PgArrayText.elements("{\"open}")).isNull();
  }
}
