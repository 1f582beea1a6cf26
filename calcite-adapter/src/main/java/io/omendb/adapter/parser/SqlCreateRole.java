package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code CREATE USER | ROLE name [[WITH] option ...]}; see {@link RoleOptions}. Its kind is
 * {@link SqlKind#OTHER_DDL}, so Calcite hands it to the DDL executor. {@code CREATE USER} differs
 * from {@code CREATE ROLE} only in defaulting to LOGIN.
 */
public final class SqlCreateRole extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE ROLE", SqlKind.OTHER_DDL);

  private final boolean user;
  private final SqlIdentifier name;
  private final RoleOptions options;

  private SqlCreateRole(SqlParserPos pos, boolean user, SqlIdentifier name, RoleOptions options) {
    super(OPERATOR, pos, false, false);
    this.user = user;
    this.name = requireNonNull(name, "name");
    this.options = requireNonNull(options, "options");
  }

  /** Creates the statement; {@code user} tells whether it was written {@code CREATE USER}. */
  public static SqlCreateRole create(SqlParserPos pos, boolean user, SqlIdentifier name,
      RoleOptions options) {
    return new SqlCreateRole(pos, user, name, options);
  }

  /** Whether the statement says {@code USER} (LOGIN by default) rather than {@code ROLE}. */
  public boolean user() {
    return user;
  }

  /** The new role's name. */
  public String name() {
    return name.getSimple();
  }

  public RoleOptions options() {
    return options;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(user ? "CREATE USER" : "CREATE ROLE");
    name.unparse(writer, 0, 0);
    options.unparse(writer);
  }
}
