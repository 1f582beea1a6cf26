package io.omendb.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.omendb.adapter.parser.OmenParserConfig;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.Test;

class LiteralParameterizerTest {

  private static LiteralParameterizer.Parameterized of(String sql) throws SqlParseException {
    SqlNode node = SqlParser.create(sql, OmenParserConfig.config()).parseStmt();
    return LiteralParameterizer.parameterize(node);
  }

  @Test
  void parameterize_liftsValuesButNotShape() throws SqlParseException {
    LiteralParameterizer.Parameterized p =
        of("SELECT a, 'x' FROM t WHERE id = 5 AND name = 'bob' ORDER BY 1 DESC LIMIT 10");
    assertThat(p.sql()).contains("\"id\" = ?").contains("\"name\" = ?").contains("ORDER BY 1 DESC")
        .contains("FETCH NEXT 10 ROWS ONLY");
    assertThat(p.literals()).extracting(l -> l.toValue()).containsExactly("x", "5", "bob");
  }

  @Test
  void parameterize_statementsDifferingInConstantsShareOneText() throws SqlParseException {
    assertThat(of("INSERT INTO t VALUES (1, 'a')").sql()).isEqualTo(of("INSERT INTO t VALUES (2, 'b')").sql());
    assertThat(of("SELECT * FROM t GROUP BY 1")).isNull();
    assertThat(of("SELECT * FROM t WHERE id = ?")).isNull();
    assertThat(of("SELECT * FROM t WHERE x IS NULL")).isNull();
  }

  @Test
  void parameterize_dataNotShape_leftAlone() throws SqlParseException {
    assertThat(of("INSERT INTO t VALUES (1, 'a'), (2, 'b')")).isNull();
    StringBuilder in = new StringBuilder("SELECT * FROM t WHERE id IN (0");
    for (int i = 1; i <= LiteralParameterizer.MAX_LIFTED_LITERALS; i++) {
      in.append(", ").append(i);
    }
    assertThat(of(in.append(")").toString())).isNull();
    assertThat(of("SELECT * FROM t WHERE id IN (1, 2, 3)").literals()).hasSize(3);
  }
}
