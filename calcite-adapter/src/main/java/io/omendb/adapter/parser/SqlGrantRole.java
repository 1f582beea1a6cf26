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
 * {@code GRANT role [, ...] TO member [, ...]} or {@code REVOKE role [, ...] FROM member [, ...]}:
 * role membership. Its kind is {@link SqlKind#OTHER_DDL}.
 */
public final class SqlGrantRole extends SqlDdl {
  private static final SqlOperator GRANT = new SqlSpecialOperator("GRANT", SqlKind.OTHER_DDL);
  private static final SqlOperator REVOKE = new SqlSpecialOperator("REVOKE", SqlKind.OTHER_DDL);

  private final boolean revoke;
  private final SqlNodeList roles;
  private final SqlNodeList members;

  private SqlGrantRole(SqlParserPos pos, boolean revoke, SqlNodeList roles, SqlNodeList members) {
    super(revoke ? REVOKE : GRANT, pos);
    this.revoke = revoke;
    this.roles = requireNonNull(roles, "roles");
    this.members = requireNonNull(members, "members");
  }

  public static SqlGrantRole create(SqlParserPos pos, boolean revoke, SqlNodeList roles,
      SqlNodeList members) {
    return new SqlGrantRole(pos, revoke, roles, members);
  }

  /** Whether this is REVOKE rather than GRANT. */
  public boolean revoke() {
    return revoke;
  }

  public List<String> roles() {
    return names(roles);
  }

  public List<String> members() {
    return names(members);
  }

  private static List<String> names(SqlNodeList list) {
    return list.stream().map(n -> ((SqlIdentifier) n).getSimple()).toList();
  }

  @Override public SqlOperator getOperator() {
    return revoke ? REVOKE : GRANT;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(roles, members);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(revoke ? "REVOKE" : "GRANT");
    roles.unparse(writer, 0, 0);
    writer.keyword(revoke ? "FROM" : "TO");
    members.unparse(writer, 0, 0);
  }
}
