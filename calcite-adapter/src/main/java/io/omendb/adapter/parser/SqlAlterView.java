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

/** {@code ALTER VIEW [IF EXISTS] name RENAME TO new_name | OWNER TO role}, of kind {@link SqlKind#ALTER_VIEW}. */
public final class SqlAlterView extends SqlDdl {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER VIEW", SqlKind.ALTER_VIEW);

  private final boolean ifExists;
  private final SqlIdentifier name;
  private final @Nullable SqlIdentifier newName;
  private final @Nullable SqlIdentifier owner;

  SqlAlterView(SqlParserPos pos, boolean ifExists, SqlIdentifier name, @Nullable SqlIdentifier newName,
      @Nullable SqlIdentifier owner) {
    super(OPERATOR, pos);
    if ((newName == null) == (owner == null)) {
      throw new IllegalArgumentException("ALTER VIEW renames or changes the owner");
    }
    this.ifExists = ifExists;
    this.name = requireNonNull(name, "name");
    this.newName = newName;
    this.owner = owner;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The new name of RENAME TO; null for OWNER TO. */
  public @Nullable String newName() {
    return newName == null ? null : newName.getSimple();
  }

  /** The role of OWNER TO; null for RENAME TO. */
  public @Nullable String owner() {
    return owner == null ? null : owner.getSimple();
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER VIEW");
    if (ifExists) {
      writer.keyword("IF EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (newName != null) {
      writer.keyword("RENAME TO");
      newName.unparse(writer, 0, 0);
    } else {
      writer.keyword("OWNER TO");
      requireNonNull(owner, "owner").unparse(writer, 0, 0);
    }
  }
}
