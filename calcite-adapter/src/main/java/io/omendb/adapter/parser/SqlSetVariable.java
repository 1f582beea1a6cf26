package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * PostgreSQL's {@code SET [SESSION | LOCAL] name {TO | =} {value [, ...] | DEFAULT}}, {@code SET
 * [SESSION | LOCAL] TIME ZONE {value | LOCAL | DEFAULT}}, {@code RESET name} and {@code RESET
 * ALL}.
 *
 * <p>Every {@code SET} and {@code RESET} statement the OmenDB parser reads is one of these (or a
 * {@link SqlSetTransaction}); Calcite's {@code SqlSetOption} only comes from {@code ALTER
 * {SYSTEM | SESSION} SET}.
 *
 * <p>The value list is empty exactly when the parameter returns to its default: {@code RESET},
 * {@code TO DEFAULT}, {@code TIME ZONE DEFAULT} and {@code TIME ZONE LOCAL}; {@link #isDefault()}
 * says so, and {@link #isReset()} tells a {@code RESET} (whose command tag differs) from a
 * {@code SET}.
 */
public final class SqlSetVariable extends SqlCall {

  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.OTHER);

  private final SqlIdentifier name;
  private final SqlNodeList values;
  private final boolean local;
  private final boolean reset;

  private SqlSetVariable(SqlParserPos pos, SqlIdentifier name, SqlNodeList values,
      boolean local, boolean reset) {
    super(pos);
    this.name = requireNonNull(name, "name");
    this.values = requireNonNull(values, "values");
    this.local = local;
    this.reset = reset;
    for (SqlNode value : values) {
      valueText(value); // rejects anything but a string, a number or a one-part identifier
    }
  }

  /**
   * Creates {@code SET [LOCAL] name TO value, ...}.
   *
   * @param values string or numeric literals, or identifiers (for words such as {@code on},
   *     {@code public} or {@code "$user"}); at least one
   */
  public static SqlSetVariable set(SqlParserPos pos, SqlIdentifier name, SqlNodeList values,
      boolean local) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("SET needs a value; use setDefault");
    }
    return new SqlSetVariable(pos, name, values, local, false);
  }

  /** Creates {@code SET [LOCAL] name TO DEFAULT}. */
  public static SqlSetVariable setDefault(SqlParserPos pos, SqlIdentifier name, boolean local) {
    return new SqlSetVariable(pos, name, SqlNodeList.EMPTY, local, false);
  }

  /** Creates {@code RESET name}, or {@code RESET ALL} if the name is {@link VariableNames#ALL}. */
  public static SqlSetVariable reset(SqlParserPos pos, SqlIdentifier name) {
    return new SqlSetVariable(pos, name, SqlNodeList.EMPTY, false, true);
  }

  /**
   * Returns the parameter's name in lower case, dotted if qualified ({@code "timezone"} for
   * {@code TIME ZONE}, {@code "all"} for {@code RESET ALL}); see {@link VariableNames}.
   */
  public String name() {
    return VariableNames.toString(name);
  }

  /**
   * Returns the values as text: string literals without their quotes, numbers in plain decimal
   * notation ({@code 3}, {@code -8}, {@code 1.50}), words as the parser folds identifiers
   * (unquoted ones in lower case, as PostgreSQL does; quoted ones as written). Empty when
   * {@link #isDefault()}.
   */
  public List<String> values() {
    return values.stream().map(SqlSetVariable::valueText).toList();
  }

  /** Returns the values as the parser read them: literals and identifiers. */
  public SqlNodeList valueNodes() {
    return values;
  }

  /** Returns whether the statement is {@code SET LOCAL}, which lasts until the transaction ends. */
  public boolean isLocal() {
    return local;
  }

  /** Returns whether the statement is a {@code RESET}. */
  public boolean isReset() {
    return reset;
  }

  /**
   * Returns whether the parameter returns to its default value: a {@code RESET}, {@code TO
   * DEFAULT} or {@code = DEFAULT}, {@code TIME ZONE DEFAULT} or {@code TIME ZONE LOCAL}.
   */
  public boolean isDefault() {
    return values.isEmpty();
  }

  /** Returns whether this is {@code RESET ALL}. */
  public boolean isResetAll() {
    return reset && VariableNames.ALL.equals(name());
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name, values);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (reset) {
      writer.keyword("RESET");
      VariableNames.unparse(writer, name);
      return;
    }
    writer.keyword(local ? "SET LOCAL" : "SET");
    name.unparse(writer, leftPrec, rightPrec);
    writer.keyword("TO");
    if (values.isEmpty()) {
      writer.keyword("DEFAULT");
      return;
    }
    final SqlWriter.Frame frame = writer.startList("", "");
    for (SqlNode value : values) {
      writer.sep(",");
      value.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }

  private static String valueText(SqlNode value) {
    if (value instanceof SqlCharStringLiteral string) {
      return requireNonNull(string.getValueAs(String.class), "string");
    }
    if (value instanceof SqlNumericLiteral number) {
      return requireNonNull(number.getValueAs(BigDecimal.class), "number").toPlainString();
    }
    if (value instanceof SqlIdentifier word && word.isSimple()) {
      return word.getSimple();
    }
    throw new IllegalArgumentException("not a parameter value: " + value);
  }
}
