package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's {@code ALTER SCHEMA name RENAME TO new_name} or {@code ALTER SCHEMA name OWNER TO role}. Its kind is
 * {@link SqlKind#OTHER_DDL}.
 */
public final class SqlAlterSchema extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER SCHEMA", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlIdentifier target;
  private final boolean rename;

  SqlAlterSchema(SqlParserPos pos, SqlIdentifier name, SqlIdentifier target, boolean rename) {
    super(OPERATOR, pos);
    this.name = requireNonNull(name, "name");
    this.target = requireNonNull(target, "target");
    this.rename = rename;
  }

  public String name() {
    return name.getSimple();
  }

  /** Whether this is a RENAME TO (else an OWNER TO). */
  public boolean rename() {
    return rename;
  }

  /** The new name of a RENAME TO, or the new owner of an OWNER TO. */
  public String target() {
    return target.getSimple();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, target);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER SCHEMA");
    name.unparse(writer, 0, 0);
    writer.keyword(rename ? "RENAME TO" : "OWNER TO");
    target.unparse(writer, 0, 0);
  }
}
