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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code GRANT privilege [, ...] | ALL [PRIVILEGES] ON [TABLE] table [, ...] | ALL TABLES IN
 * SCHEMA schema TO grantee [, ...] [WITH GRANT OPTION]} and the matching {@code REVOKE [GRANT
 * OPTION FOR] ... FROM grantee [, ...] [CASCADE | RESTRICT]}. A grantee is a role name or
 * {@code PUBLIC}. Its kind is {@link SqlKind#OTHER_DDL}.
 */
public final class SqlGrantPrivileges extends SqlDdl {
  private static final SqlOperator GRANT = new SqlSpecialOperator("GRANT", SqlKind.OTHER_DDL);
  private static final SqlOperator REVOKE = new SqlSpecialOperator("REVOKE", SqlKind.OTHER_DDL);

  private final boolean revoke;
  private final List<String> privileges;
  private final SqlNodeList tables;
  private final @Nullable SqlIdentifier schema;
  private final SqlNodeList grantees;
  private final boolean grantOption;

  private SqlGrantPrivileges(SqlParserPos pos, boolean revoke, List<String> privileges,
      SqlNodeList tables, @Nullable SqlIdentifier schema, SqlNodeList grantees,
      boolean grantOption) {
    super(revoke ? REVOKE : GRANT, pos);
    this.revoke = revoke;
    this.privileges = List.copyOf(privileges);
    this.tables = requireNonNull(tables, "tables");
    this.schema = schema;
    this.grantees = requireNonNull(grantees, "grantees");
    this.grantOption = grantOption;
  }

  /**
   * Creates the statement. {@code privileges} holds the privilege words upper-cased, empty for
   * ALL; {@code tables} is empty when {@code schema} (ALL TABLES IN SCHEMA) is given;
   * {@code grantOption} is WITH GRANT OPTION for GRANT and GRANT OPTION FOR for REVOKE.
   */
  public static SqlGrantPrivileges create(SqlParserPos pos, boolean revoke,
      List<String> privileges, SqlNodeList tables, @Nullable SqlIdentifier schema,
      SqlNodeList grantees, boolean grantOption) {
    return new SqlGrantPrivileges(pos, revoke, privileges, tables, schema, grantees, grantOption);
  }

  public boolean revoke() {
    return revoke;
  }

  /** The privileges named, upper-cased; empty for ALL [PRIVILEGES]. */
  public List<String> privileges() {
    return privileges;
  }

  /** The tables named; empty for ALL TABLES IN SCHEMA. */
  public List<SqlIdentifier> tables() {
    return tables.stream().map(SqlIdentifier.class::cast).toList();
  }

  /** The schema of ALL TABLES IN SCHEMA, or null. */
  public @Nullable String schema() {
    return schema == null ? null : schema.getSimple();
  }

  /** The grantee names as written (PUBLIC folded to {@code public}). */
  public List<String> grantees() {
    return grantees.stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
  }

  /** WITH GRANT OPTION (GRANT) or GRANT OPTION FOR (REVOKE). */
  public boolean grantOption() {
    return grantOption;
  }

  @Override public SqlOperator getOperator() {
    return revoke ? REVOKE : GRANT;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(tables, grantees);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(revoke ? "REVOKE" : "GRANT");
    if (revoke && grantOption) {
      writer.keyword("GRANT OPTION FOR");
    }
    writer.keyword(privileges.isEmpty() ? "ALL PRIVILEGES" : String.join(", ", privileges));
    writer.keyword("ON");
    if (schema != null) {
      writer.keyword("ALL TABLES IN SCHEMA");
      schema.unparse(writer, 0, 0);
    } else {
      writer.keyword("TABLE");
      tables.unparse(writer, 0, 0);
    }
    writer.keyword(revoke ? "FROM" : "TO");
    grantees.unparse(writer, 0, 0);
    if (!revoke && grantOption) {
      writer.keyword("WITH GRANT OPTION");
    }
  }
}
