package io.omendb.adapter.pgcatalog;

import io.omendb.adapter.types.PgJsonType;
import io.omendb.adapter.types.PgTypeNameSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's implicit type coercion plus PostgreSQL's, where a string literal takes the type it is compared
 * with: an array's text form ({@code polroles = '{0}'}) becomes an array, a string compared with the elements
 * of an array of strings ({@code 'd' = ANY(stxkind)}) takes their type, and a string compared with a uuid (also in
 * an IN list) is read as a uuid rather than the uuid turned into text.
 */
public final class PgTypeCoercion extends TypeCoercionImpl {

  public PgTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    SqlCall call = binding.getCall();
    if (call.operandCount() == 2) {
      for (int i = 0; i < 2; i++) {
        RelDataType other = binding.getOperandType(1 - i);
        if (SqlTypeUtil.isArray(other) && call.operand(i) instanceof SqlCharStringLiteral literal
            && arrayFromText(binding.getScope(), call, i, literal, other)) {
          return true;
        }
        if (other.getSqlTypeName() == SqlTypeName.UUID && SqlTypeUtil.isCharacter(binding.getOperandType(i))) {
          castOperand(binding.getScope(), call, i, other);
          return true;
        }
        if (other instanceof PgJsonType json && SqlTypeUtil.isCharacter(binding.getOperandType(i))) {
          castToJson(call, i, json, binding.getOperandType(i).isNullable());
          return true;
        }
      }
    }
    return super.binaryComparisonCoercion(binding);
  }

  /**
   * Text written into a {@code json} or {@code jsonb} column (INSERT, UPDATE) is cast to the column's type, and so
   * read as JSON; a value of any other type is left for the assignment check to reject.
   */
  @Override
  protected boolean coerceColumnType(@Nullable SqlValidatorScope scope, SqlNodeList nodeList, int index,
      RelDataType targetType) {
    if (!(targetType instanceof PgJsonType json) || scope == null || index >= nodeList.size()) {
      return super.coerceColumnType(scope, nodeList, index, targetType);
    }
    SqlNode node = nodeList.get(index);
    boolean aliased = node.getKind() == SqlKind.AS;
    SqlCall as = aliased ? (SqlCall) node : null;
    RelDataType type = validator.deriveType(scope, aliased ? as.operand(0) : node);
    if (!SqlTypeUtil.isCharacter(type) && type.getSqlTypeName() != SqlTypeName.NULL
        && !(type instanceof PgJsonType other && other.kind() != json.kind())) {
      return false;
    }
    if (aliased) {
      castToJson(as, 0, json, type.isNullable());
    } else {
      SqlNode cast = jsonCast(node, json);
      nodeList.set(index, cast);
      updateInferredType(cast, factory.createTypeWithNullability(json, type.isNullable()));
    }
    return true;
  }

  /** The same for each value of a VALUES row written into a JSON column. */
  @Override
  protected boolean coerceOperandType(@Nullable SqlValidatorScope scope, SqlCall call, int index,
      RelDataType targetType) {
    if (!(targetType instanceof PgJsonType json) || scope == null) {
      return super.coerceOperandType(scope, call, index, targetType);
    }
    RelDataType type = validator.deriveType(scope, call.operand(index));
    if (!SqlTypeUtil.isCharacter(type) && type.getSqlTypeName() != SqlTypeName.NULL
        && !(type instanceof PgJsonType other && other.kind() != json.kind())) {
      return false;
    }
    castToJson(call, index, json, type.isNullable());
    return true;
  }

  /** Wraps operand {@code index} of {@code call} in a cast to a JSON type. */
  private void castToJson(SqlCall call, int index, PgJsonType json, boolean nullable) {
    SqlNode cast = jsonCast(call.operand(index), json);
    call.setOperand(index, cast);
    updateInferredType(cast, factory.createTypeWithNullability(json, nullable));
  }

  private static SqlNode jsonCast(SqlNode operand, PgJsonType json) {
    SqlParserPos pos = operand.getParserPosition();
    return SqlStdOperatorTable.CAST.createCall(pos, operand,
        new SqlDataTypeSpec(PgTypeNameSpec.of(json.kind().name(), pos).orElseThrow(), pos));
  }

  @Override
  public boolean inOperationCoercion(SqlCallBinding binding) {
    SqlCall call = binding.getCall();
    RelDataType left = binding.getOperandType(0);
    if (left.getSqlTypeName() == SqlTypeName.UUID && call.operand(1) instanceof SqlNodeList list) {
      boolean changed = false;
      for (int i = 0; i < list.size(); i++) {
        SqlNode element = list.get(i);
        if (SqlTypeUtil.isCharacter(validator.deriveType(binding.getScope(), element))) {
          SqlNode cast = SqlStdOperatorTable.CAST.createCall(element.getParserPosition(), element,
              SqlTypeUtil.convertTypeToSpec(left));
          list.set(i, cast);
          validator.deriveType(binding.getScope(), cast);
          changed = true;
        }
      }
      if (changed) {
        updateInferredType(list, left);
        return true;
      }
    }
    return super.inOperationCoercion(binding);
  }

  /** Wraps operand {@code index} of {@code call} in a cast to {@code type} (keeping the operand's nullability). */
  private void castOperand(SqlValidatorScope scope, SqlCall call, int index, RelDataType type) {
    SqlNode operand = call.operand(index);
    RelDataType operandType = validator.deriveType(scope, operand);
    SqlNode cast = SqlStdOperatorTable.CAST.createCall(operand.getParserPosition(), operand,
        SqlTypeUtil.convertTypeToSpec(type));
    call.setOperand(index, cast);
    updateInferredType(cast, factory.createTypeWithNullability(type, operandType.isNullable()));
  }

  @Override
  public boolean quantifyOperationCoercion(SqlCallBinding binding) {
    RelDataType left = binding.getOperandType(0);
    RelDataType component = binding.getOperandType(1).getComponentType();
    if (component != null && SqlTypeUtil.isCharacter(left) && SqlTypeUtil.isCharacter(component)
        && left.getSqlTypeName() != component.getSqlTypeName()) {
      SqlCall call = binding.getCall();
      SqlNode cast = SqlStdOperatorTable.CAST.createCall(SqlParserPos.ZERO, call.operand(0),
          SqlTypeUtil.convertTypeToSpec(component));
      call.setOperand(0, cast);
      updateInferredType(cast, factory.createTypeWithNullability(component, left.isNullable()));
      return true;
    }
    return super.quantifyOperationCoercion(binding);
  }

  /** Replaces the literal {@code '{a,b}'} at {@code index} by {@code ARRAY[CAST('a' AS t), CAST('b' AS t)]}. */
  private boolean arrayFromText(SqlValidatorScope scope, SqlCall call, int index, SqlCharStringLiteral literal,
      RelDataType arrayType) {
    String text = literal.getValueAs(String.class).strip();
    if (!text.startsWith("{") || !text.endsWith("}") || text.length() == 2) {
      return false;
    }
    RelDataType component = arrayType.getComponentType();
    SqlParserPos pos = literal.getParserPosition();
    List<SqlNode> elements = new ArrayList<>();
    for (String element : text.substring(1, text.length() - 1).split(",", -1)) {
      String value = element.strip();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      elements.add(SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createCharString(value, pos),
          SqlTypeUtil.convertTypeToSpec(component)));
    }
    SqlNode array = SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, elements);
    call.setOperand(index, array);
    validator.deriveType(scope, array);
    return true;
  }
}
