package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code SAVEPOINT name}, {@code RELEASE [SAVEPOINT] name} or {@code ROLLBACK [WORK |
 * TRANSACTION] TO [SAVEPOINT] name}.
 *
 * <p>The parser accepts savepoints so that the executor, not the parser, decides what to do with
 * them: a syntax error would report SQLSTATE 42601 for a statement PostgreSQL accepts.
 */
public final class SqlSavepoint extends SqlCall {

  /** What the statement does with the savepoint. */
  public enum Action {
    /** {@code SAVEPOINT name}. */
    DEFINE,
    /** {@code RELEASE [SAVEPOINT] name}. */
    RELEASE,
    /** {@code ROLLBACK TO [SAVEPOINT] name}. */
    ROLLBACK_TO
  }

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SAVEPOINT", SqlKind.OTHER);

  private final Action action;
  private final SqlIdentifier name;

  private SqlSavepoint(SqlParserPos pos, Action action, SqlIdentifier name) {
    super(pos);
    this.action = requireNonNull(action, "action");
    this.name = requireNonNull(name, "name");
  }

  public static SqlSavepoint create(SqlParserPos pos, Action action, SqlIdentifier name) {
    return new SqlSavepoint(pos, action, name);
  }

  public Action action() {
    return action;
  }

  /** Returns the savepoint's name, folded as the parser folds identifiers. */
  public String name() {
    return name.getSimple();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    switch (action) {
      case DEFINE -> writer.keyword("SAVEPOINT");
      case RELEASE -> writer.keyword("RELEASE SAVEPOINT");
      case ROLLBACK_TO -> writer.keyword("ROLLBACK TO SAVEPOINT");
      default -> throw new AssertionError(action);
    }
    name.unparse(writer, leftPrec, rightPrec);
  }
}
