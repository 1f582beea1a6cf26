package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The COPY statement forms psql's \copy, pg_dump and drivers send. */
class CopyStatementTest {

  @Test
  void parse_pgDumpForm() {
    CopyStatement copy = CopyStatement.parse("COPY public.t (id, \"Name\") FROM stdin;");

    assertThat(copy.table()).isEqualTo("public.t");
    assertThat(copy.columns()).containsExactly("id", "\"Name\"");
    assertThat(copy.fromClient()).isTrue();
    assertThat(copy.format()).isEqualTo(CopyFormat.text());
  }

  @Test
  void parse_parenthesizedOptions() {
    CopyStatement copy = CopyStatement.parse(
        "copy t from STDIN with (format csv, header true, delimiter ';', null 'NA', quote '''', escape '\\')");

    assertThat(copy.format()).isEqualTo(new CopyFormat(true, ';', "NA", '\'', '\\', true));
  }

  @Test
  void parse_legacyOptionsAndAQuery() {
    CopyStatement copy = CopyStatement.parse("COPY (SELECT a, ')' FROM t) TO STDOUT WITH CSV HEADER DELIMITER AS '|'");

    assertThat(copy.query()).isEqualTo("SELECT a, ')' FROM t");
    assertThat(copy.fromClient()).isFalse();
    assertThat(copy.format()).isEqualTo(new CopyFormat(true, '|', "", '"', '"', true));
  }

  @Test
  void isCopy_looksAtTheFirstWordOnly() {
    assertThat(CopyStatement.isCopy("  /* c */ copy t from stdin")).isTrue();
    assertThat(CopyStatement.isCopy("SELECT 'copy'")).isFalse();
    assertThat(CopyStatement.isCopy("copyright")).isFalse();
  }

  @Test
  void parse_filesAndBinaryAreRefused() {
    for (String sql : List.of("COPY t FROM '/etc/passwd'", "COPY t TO STDOUT (FORMAT binary)", "COPY t FROM STDIN BINARY")) {
      assertThatThrownBy(() -> CopyStatement.parse(sql))
          .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("0A000"));
    }
    assertThatThrownBy(() -> CopyStatement.parse("COPY t SIDEWAYS STDIN"))
        .isInstanceOfSatisfying(SqlStateException.class, e -> assertThat(e.sqlState()).isEqualTo("42601"));
  }
}
