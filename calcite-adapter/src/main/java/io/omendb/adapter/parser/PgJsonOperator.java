package io.omendb.adapter.parser;

import io.omendb.adapter.types.PgJsonType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * PostgreSQL's JSON operators {@code ->}, {@code ->>}, {@code #>}, {@code #>>}, {@code @>} and {@code ?}: typed
 * here (the left operand must be {@code json} or {@code jsonb}), run by the functions of the adapter's {@code
 * JsonFunctions}, to which the SQL-to-relational conversion hands each call.
 *
 * <p>Their precedence is PostgreSQL's "any other operator": looser than {@code +} and {@code *}, tighter than
 * comparisons and {@code LIKE}, so {@code j ->> 'a' = 'x'} compares the extracted text.
 */
public final class PgJsonOperator extends SqlBinaryOperator {
  /** PostgreSQL's precedence of operators it has no special rule for, between LIKE (32) and + (40). */
  private static final int OTHER_OPERATOR_PRECEDENCE = 36;

  /** What an operator's right operand is. */
  private enum Right { KEY_OR_INDEX, PATH, JSONB, TEXT }

  /** {@code json -> text | integer}: an object's member or an array's element, as json. */
  public static final PgJsonOperator GET = new PgJsonOperator("->", Right.KEY_OR_INDEX, false);
  /** {@code json ->> text | integer}: the same part as text. */
  public static final PgJsonOperator GET_TEXT = new PgJsonOperator("->>", Right.KEY_OR_INDEX, true);
  /** {@code json #> text[]}: the part at a path, as json. */
  public static final PgJsonOperator PATH = new PgJsonOperator("#>", Right.PATH, false);
  /** {@code json #>> text[]}: the part at a path, as text. */
  public static final PgJsonOperator PATH_TEXT = new PgJsonOperator("#>>", Right.PATH, true);
  /** {@code jsonb @> jsonb}: whether the left value contains the right one. */
  public static final PgJsonOperator CONTAINS = new PgJsonOperator("@>", Right.JSONB, false);
  /** {@code jsonb ? text}: whether a key (or a string element of an array) exists at the top level. */
  public static final PgJsonOperator EXISTS = new PgJsonOperator("?", Right.TEXT, false);

  private final Right right;
  private final boolean text;

  private PgJsonOperator(String name, Right right, boolean text) {
    super(name, SqlKind.OTHER, OTHER_OPERATOR_PRECEDENCE, true, null, InferTypes.FIRST_KNOWN, checker(right));
    this.right = right;
    this.text = text;
  }

  private static SqlOperandTypeChecker checker(Right right) {
    return new SqlOperandTypeChecker() {
      @Override
      public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
        boolean ok = accepts(right, binding.getOperandType(0), binding.getOperandType(1));
        if (!ok && throwOnFailure) {
          throw binding.newValidationSignatureError();
        }
        return ok;
      }

      @Override
      public SqlOperandCountRange getOperandCountRange() {
        return SqlOperandCountRanges.of(2);
      }

      @Override
      public String getAllowedSignatures(SqlOperator op, String opName) {
        return switch (right) {
          case KEY_OR_INDEX -> "<JSON> " + opName + " <TEXT> | <JSON> " + opName + " <INTEGER>";
          case PATH -> "<JSON> " + opName + " <TEXT ARRAY>";
          case JSONB -> "<JSONB> " + opName + " <JSONB>";
          case TEXT -> "<JSONB> " + opName + " <TEXT>";
        };
      }
    };
  }

  private static boolean accepts(Right right, RelDataType left, RelDataType operand) {
    PgJsonType.Kind kind = PgJsonType.kindOf(left);
    if (kind == null) {
      return false;
    }
    return switch (right) {
      case KEY_OR_INDEX -> SqlTypeUtil.isCharacter(operand) || SqlTypeUtil.isIntType(operand);
      case PATH -> SqlTypeUtil.isCharacter(operand) || SqlTypeUtil.isArray(operand)
          && SqlTypeUtil.isCharacter(java.util.Objects.requireNonNull(operand.getComponentType()));
      case JSONB -> kind == PgJsonType.Kind.JSONB
          && (PgJsonType.kindOf(operand) == PgJsonType.Kind.JSONB || SqlTypeUtil.isCharacter(operand));
      case TEXT -> kind == PgJsonType.Kind.JSONB && SqlTypeUtil.isCharacter(operand);
    };
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    RelDataTypeFactory factory = binding.getTypeFactory();
    RelDataType result;
    if (right == Right.JSONB || right == Right.TEXT) {
      result = factory.createSqlType(SqlTypeName.BOOLEAN);
      boolean nullable = binding.getOperandType(0).isNullable() || binding.getOperandType(1).isNullable();
      return factory.createTypeWithNullability(result, nullable);
    }
    result = text ? factory.createSqlType(SqlTypeName.VARCHAR) : binding.getOperandType(0);
    // a missing key or index is NULL
    return factory.createTypeWithNullability(result, true);
  }

  /** Whether this operator yields text ({@code ->>}, {@code #>>}) rather than json. */
  public boolean yieldsText() {
    return text;
  }

  /** Whether the right operand is a path ({@code #>}, {@code #>>}). */
  public boolean takesPath() {
    return right == Right.PATH;
  }
}
