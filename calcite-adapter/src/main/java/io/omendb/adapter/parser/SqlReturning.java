package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlVisitor;

/**
 * {@code INSERT | UPDATE | DELETE ... RETURNING items}: the query {@code SELECT items FROM table [AS alias]} carrying
 * the statement, validated as that query (so, as in PostgreSQL, RETURNING needs SELECT on the table) and planned
 * with the statement's written rows (new rows; the old ones for DELETE) in place of the table's scan.
 */
public final class SqlReturning extends SqlSelect {
  private final SqlCall dml;

  private SqlReturning(SqlParserPos pos, SqlCall dml, SqlNodeList items, SqlNode from) {
    super(pos, null, items, from, null, null, null, null, null, null, null, null);
    this.dml = dml;
  }

  /** {@code dml} (an INSERT, UPDATE or DELETE) returning {@code items}. */
  public static SqlReturning create(SqlParserPos pos, SqlCall dml, SqlNodeList items) {
    requireNonNull(dml, "dml");
    requireNonNull(items, "items");
    SqlNode table;
    SqlIdentifier alias;
    if (dml instanceof SqlInsert insert) {
      table = insert.getTargetTable();
      alias = null;
    } else if (dml instanceof SqlUpdate update) {
      table = update.getTargetTable();
      alias = update.getAlias();
    } else if (dml instanceof SqlDelete delete) {
      table = delete.getTargetTable();
      alias = delete.getAlias();
    } else {
      throw new IllegalArgumentException("RETURNING follows INSERT, UPDATE or DELETE, not " + dml.getKind());
    }
    // a copy: the validator keys namespaces by node, and the statement's own target is a different one
    SqlNode from = table.clone(table.getParserPosition());
    if (alias != null) {
      from = SqlStdOperatorTable.AS.createCall(alias.getParserPosition(), from,
          alias.clone(alias.getParserPosition()));
    }
    return new SqlReturning(pos, dml, items, from);
  }

  /** The INSERT, UPDATE or DELETE whose rows are returned. */
  public SqlCall dml() {
    return dml;
  }

  /** {@link SqlKind#INSERT}, {@link SqlKind#UPDATE} or {@link SqlKind#DELETE}: what the statement does. */
  public SqlKind dmlKind() {
    return dml.getKind();
  }

  /**
   * Visits the statement before the RETURNING items, so that visitors collecting dynamic parameters (the
   * validator's parameter row type) see all of them in the order they were written.
   */
  @Override
  public <R> R accept(SqlVisitor<R> visitor) {
    dml.accept(visitor);
    return super.accept(visitor);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    dml.unparse(writer, 0, 0);
    writer.newlineAndIndent();
    writer.keyword("RETURNING");
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT_LIST);
    for (SqlNode item : getSelectList()) {
      writer.sep(",");
      item.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
