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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ALTER USER | ROLE name [WITH] option ...} or {@code ALTER USER | ROLE name RENAME TO
 * new_name}. The password option may carry a client-computed {@code SCRAM-SHA-256$...} verifier,
 * as psql's {@code \password} sends. Its kind is {@link SqlKind#OTHER_DDL}.
 */
public final class SqlAlterRole extends SqlDdl {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("ALTER ROLE", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final RoleOptions options;
  private final @Nullable SqlIdentifier newName;

  private SqlAlterRole(SqlParserPos pos, SqlIdentifier name, RoleOptions options,
      @Nullable SqlIdentifier newName) {
    super(OPERATOR, pos);
    this.name = requireNonNull(name, "name");
    this.options = requireNonNull(options, "options");
    this.newName = newName;
  }

  /** {@code ALTER ROLE name option ...}. */
  public static SqlAlterRole create(SqlParserPos pos, SqlIdentifier name, RoleOptions options) {
    return new SqlAlterRole(pos, name, options, null);
  }

  /** {@code ALTER ROLE name RENAME TO newName}. */
  public static SqlAlterRole rename(SqlParserPos pos, SqlIdentifier name, SqlIdentifier newName) {
    return new SqlAlterRole(pos, name, new RoleOptions(), requireNonNull(newName, "newName"));
  }

  public String name() {
    return name.getSimple();
  }

  public RoleOptions options() {
    return options;
  }

  /** The new name of a RENAME, or null. */
  public @Nullable String newName() {
    return newName == null ? null : newName.getSimple();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return newName == null ? List.of(name) : List.of(name, newName);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER ROLE");
    name.unparse(writer, 0, 0);
    if (newName != null) {
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
    } else {
      options.unparse(writer);
    }
  }
}
