package io.omendb.adapter.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's {@code CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]} or {@code CREATE SCHEMA [IF NOT
 * EXISTS] AUTHORIZATION role} (the schema named after the role), of kind {@link SqlKind#CREATE_SCHEMA}.
 */
public final class SqlCreateSchema extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE SCHEMA", SqlKind.CREATE_SCHEMA);

  private final @Nullable SqlIdentifier name;
  private final @Nullable SqlIdentifier authorization;

  SqlCreateSchema(SqlParserPos pos, boolean ifNotExists, @Nullable SqlIdentifier name,
      @Nullable SqlIdentifier authorization) {
    super(OPERATOR, pos, false, ifNotExists);
    if (name == null && authorization == null) {
      throw new IllegalArgumentException("CREATE SCHEMA needs a name or an AUTHORIZATION role");
    }
    this.name = name;
    this.authorization = authorization;
  }

  /** The schema name: as written, or the role's name when only {@code AUTHORIZATION role} is given. */
  public String name() {
    return name != null ? name.getSimple() : authorization.getSimple();
  }

  /** The role named by {@code AUTHORIZATION}, or null when the creator is to own the schema. */
  public @Nullable String authorization() {
    return authorization == null ? null : authorization.getSimple();
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    if (name != null) {
      operands.add(name);
    }
    if (authorization != null) {
      operands.add(authorization);
    }
    return operands;
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE SCHEMA");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    if (name != null) {
      name.unparse(writer, 0, 0);
    }
    if (authorization != null) {
      writer.keyword("AUTHORIZATION");
      authorization.unparse(writer, 0, 0);
    }
  }
}
