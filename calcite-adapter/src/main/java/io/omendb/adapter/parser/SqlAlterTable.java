package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name action [, ...]}, with the actions PostgreSQL users and pg_dump write
 * (see {@link AlterTableAction}). Its kind is {@link SqlKind#ALTER_TABLE}; the session runs it, not Calcite.
 */
public final class SqlAlterTable extends SqlDdl {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final List<AlterTableAction> actions;

  private SqlAlterTable(SqlParserPos pos, boolean ifExists, SqlIdentifier name, List<AlterTableAction> actions) {
    super(OPERATOR, pos);
    this.ifExists = ifExists;
    this.name = requireNonNull(name, "name");
    this.actions = List.copyOf(requireNonNull(actions, "actions"));
    if (this.actions.isEmpty()) {
      throw new IllegalArgumentException("ALTER TABLE needs at least one action");
    }
  }

  public static SqlAlterTable create(SqlParserPos pos, boolean ifExists, SqlIdentifier name,
      List<AlterTableAction> actions) {
    return new SqlAlterTable(pos, ifExists, name, actions);
  }

  /** The identifiers of a parenthesized column list. */
  static List<SqlIdentifier> identifiers(SqlNodeList columns) {
    return columns.stream().map(SqlIdentifier.class::cast).toList();
  }

  /** Whether the statement says {@code IF EXISTS} (a missing table is then a notice, not an error). */
  public boolean ifExists() {
    return ifExists;
  }

  /** The table, possibly schema-qualified. */
  public SqlIdentifier name() {
    return name;
  }

  /** The actions, in the order written. */
  public List<AlterTableAction> actions() {
    return actions;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER TABLE");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    writer.print(" ... (" + actions.size() + " actions)");
  }
}
