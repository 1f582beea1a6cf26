package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * {@code CREATE [UNIQUE] INDEX [[IF NOT EXISTS] name] ON table [USING btree] (column [ASC |
 * DESC] [NULLS {FIRST | LAST}] [, ...])}.
 *
 * <p>Its kind is {@link SqlKind#CREATE_INDEX}, one of {@link SqlKind#DDL}. As in PostgreSQL the
 * name may be left out ({@link #name()} is then null, and the executor picks one), but not
 * together with {@code IF NOT EXISTS}. Key columns are plain column names; PostgreSQL's
 * expression keys, {@code INCLUDE}, partial indexes ({@code WHERE}), {@code CONCURRENTLY} and
 * access methods other than btree are not accepted.
 */
public final class SqlCreateIndex extends SqlCreate {

  /**
   * One column of the index key, with PostgreSQL's default null ordering applied: nulls sort
   * last in ascending and first in descending order unless {@code NULLS FIRST | LAST} says
   * otherwise.
   *
   * @param column the column's name, folded as the parser folds identifiers
   * @param descending whether the column is written {@code DESC}
   * @param nullsFirst whether nulls sort before other values
   */
  public record Key(String column, boolean descending, boolean nullsFirst) {
    public Key {
      requireNonNull(column, "column");
    }
  }

  /** The only index access method OmenDB has. */
  static final String BTREE = "btree";

  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  private final boolean unique;
  private final SqlIdentifier name;
  private final SqlIdentifier table;
  private final SqlNodeList columnList;
  private final List<Key> keys;

  private SqlCreateIndex(SqlParserPos pos, boolean unique, boolean ifNotExists,
      SqlIdentifier name, SqlIdentifier table, SqlNodeList columnList) {
    super(OPERATOR, pos, false, ifNotExists);
    this.unique = unique;
    this.name = name;
    this.table = requireNonNull(table, "table");
    this.columnList = requireNonNull(columnList, "columnList");
    if (ifNotExists && name == null) {
      throw new IllegalArgumentException("IF NOT EXISTS needs an index name");
    }
    if (columnList.isEmpty()) {
      throw new IllegalArgumentException("an index has at least one column");
    }
    this.keys = columnList.stream().map(SqlCreateIndex::key).toList();
  }

  /**
   * Creates the statement.
   *
   * @param name the index's name, or null to let the executor choose one
   * @param columnList the key columns as written: simple identifiers, each possibly wrapped in
   *     a {@code DESC} call and then in a {@code NULLS FIRST} or {@code NULLS LAST} call, as in
   *     an ORDER BY list
   */
  public static SqlCreateIndex create(SqlParserPos pos, boolean unique, boolean ifNotExists,
      SqlIdentifier name, SqlIdentifier table, SqlNodeList columnList) {
    return new SqlCreateIndex(pos, unique, ifNotExists, name, table, columnList);
  }

  /**
   * Checks the access method of {@code USING method}; only btree (in any case) is accepted.
   *
   * @throws org.apache.calcite.runtime.CalciteContextException otherwise; the parser reports it
   *     as a {@code SqlParseException}
   */
  static void checkAccessMethod(SqlIdentifier method) {
    final String simple = method.getSimple();
    if (!BTREE.equals(simple.toLowerCase(Locale.ROOT))) {
      throw SqlUtil.newContextException(method.getParserPosition(),
          OmenParserResource.INSTANCE.indexAccessMethodNotSupported(simple));
    }
  }

  /** Returns the index's name, or null if the statement leaves it out. */
  public SqlIdentifier name() {
    return name;
  }

  /** Returns the indexed table's name, possibly qualified. */
  public SqlIdentifier table() {
    return table;
  }

  /** Returns the key columns' names, in key order. */
  public List<String> columns() {
    return keys.stream().map(Key::column).toList();
  }

  /** Returns the key columns with their sort order, in key order. */
  public List<Key> keys() {
    return keys;
  }

  /** Returns the key columns as written; see {@link #create}. */
  public SqlNodeList columnList() {
    return columnList;
  }

  /** Returns whether the index is {@code UNIQUE}. */
  public boolean unique() {
    return unique;
  }

  /** Returns whether the statement says {@code IF NOT EXISTS}. */
  public boolean ifNotExists() {
    return ifNotExists;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, table, columnList);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE");
    if (unique) {
      writer.keyword("UNIQUE");
    }
    writer.keyword("INDEX");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    writer.keyword("ON");
    table.unparse(writer, 0, 0);
    final SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode column : columnList) {
      writer.sep(",");
      column.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  private static Key key(SqlNode written) {
    SqlNode node = written;
    Boolean nullsFirst = null;
    if (node.getKind() == SqlKind.NULLS_FIRST || node.getKind() == SqlKind.NULLS_LAST) {
      nullsFirst = node.getKind() == SqlKind.NULLS_FIRST;
      node = ((SqlCall) node).operand(0);
    }
    boolean descending = false;
    if (node.getKind() == SqlKind.DESCENDING) {
      descending = true;
      node = ((SqlCall) node).operand(0);
    }
    if (!(node instanceof SqlIdentifier column) || !column.isSimple()) {
      throw new IllegalArgumentException("not an index column: " + written);
    }
    return new Key(column.getSimple(), descending, nullsFirst != null ? nullsFirst : descending);
  }
}
