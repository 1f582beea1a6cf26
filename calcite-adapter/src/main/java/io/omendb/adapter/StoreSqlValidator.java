package io.omendb.adapter;

import io.omendb.adapter.parser.PgLiteralCasts;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalciteSqlValidator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's validator, configured as {@code CalcitePrepareImpl} configures it, except that a string literal in a
 * multi-row {@code INSERT ... VALUES} is read as the type of the column it goes into, as PostgreSQL reads an
 * untyped literal. Calcite types each row on its own and then needs the rows to agree, so {@code VALUES (1,
 * '2024-01-01'), (2, NULL)} into a date column failed: the NULL took the column's type, the string stayed a string.
 */
final class StoreSqlValidator extends CalciteSqlValidator {
  /** Column types whose text input Calcite's CAST reads; strings and JSON need no cast, intervals have their own. */
  private static final Set<SqlTypeName> CAST_FROM_TEXT = EnumSet.of(SqlTypeName.BOOLEAN, SqlTypeName.TINYINT,
      SqlTypeName.SMALLINT, SqlTypeName.INTEGER, SqlTypeName.BIGINT, SqlTypeName.DECIMAL, SqlTypeName.REAL,
      SqlTypeName.FLOAT, SqlTypeName.DOUBLE, SqlTypeName.DATE, SqlTypeName.TIME, SqlTypeName.TIMESTAMP,
      SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, SqlTypeName.UUID);

  private StoreSqlValidator(SqlOperatorTable operators, CalciteCatalogReader reader, CalcitePrepare.Context context,
      Config config) {
    super(operators, reader, context.getTypeFactory(), config);
  }

  /** The validator for one statement, with Calcite's defaults from the connection, then {@code transform}. */
  static SqlValidator create(CalcitePrepare.Context context, CalciteCatalogReader reader,
      UnaryOperator<SqlValidator.Config> transform) {
    CalciteConnectionConfig connection = context.config();
    SqlOperatorTable functions = connection.fun(SqlOperatorTable.class, SqlStdOperatorTable.instance());
    SqlValidator.Config config = transform.apply(SqlValidator.Config.DEFAULT
        .withLenientOperatorLookup(connection.lenientOperatorLookup())
        .withConformance(connection.conformance())
        .withDefaultNullCollation(connection.defaultNullCollation())
        .withIdentifierExpansion(true));
    return new StoreSqlValidator(SqlOperatorTables.chain(functions, reader), reader, context, config);
  }

  @Override
  protected void validateValues(SqlCall node, RelDataType targetRowType, SqlValidatorScope scope) {
    if (targetRowType.isStruct() && node.operandCount() > 1) {
      for (SqlNode operand : node.getOperandList()) {
        if (operand instanceof SqlCall row) {
          castLiterals(row, targetRowType);
        }
      }
    }
    super.validateValues(node, targetRowType, scope);
  }

  /** Wraps each string literal of {@code row} whose column is of a type read from text in a cast to that type. */
  private static void castLiterals(SqlCall row, RelDataType targetRowType) {
    int columns = Math.min(row.operandCount(), targetRowType.getFieldCount());
    for (int i = 0; i < columns; i++) {
      RelDataType column = targetRowType.getFieldList().get(i).getType();
      if (row.operand(i) instanceof SqlCharStringLiteral literal
          && CAST_FROM_TEXT.contains(column.getSqlTypeName())) {
        // as `literal::type` reads it: PostgreSQL's boolean words, numerics keeping their scale, else a cast
        row.setOperand(i, PgLiteralCasts.cast(literal.getValueAs(String.class), SqlTypeUtil.convertTypeToSpec(column),
            literal.getParserPosition()));
      }
    }
  }
}
