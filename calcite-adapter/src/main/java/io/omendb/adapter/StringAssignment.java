package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * PostgreSQL's assignment of a string to a {@code varchar(n)} or {@code char(n)} column, which Calcite's cast would
 * silently truncate: a longer value fails with 22001 unless everything past {@code n} is spaces, which are dropped;
 * a {@code char(n)} value is padded with spaces. Explicit casts ({@code 'abcdef'::varchar(3)}) still truncate. A
 * {@code $n} parameter assigned to such a column is read as unbounded text, since Calcite would shorten a parameter
 * typed as the column when reading it.
 */
public final class StringAssignment {
  /** {@code assign(value, n, type)}, placed by {@link #wrap} on the values written to bounded string columns. */
  static final SqlFunction ASSIGN = new SqlUserDefinedFunction(new SqlIdentifier("pg_assign_string",
      SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.explicit(SqlTypeName.VARCHAR), InferTypes.FIRST_KNOWN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.BOOLEAN),
          typeFactory -> List.of(typeFactory.createSqlType(SqlTypeName.VARCHAR),
              typeFactory.createSqlType(SqlTypeName.INTEGER), typeFactory.createSqlType(SqlTypeName.BOOLEAN)),
          i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(StringAssignment.class, "assign"));

  private StringAssignment() {}

  /**
   * {@code value} as stored in a column of {@code length} characters ({@code padded}: {@code char(n)}); called from
   * generated code.
   *
   * @throws SqlStateException 22001 if it is longer and not only by trailing spaces
   */
  public static String assign(String value, int length, boolean padded) {
    if (value == null) {
      return null;
    }
    int count = value.codePointCount(0, value.length());
    if (count > length) {
      int end = value.offsetByCodePoints(0, length);
      if (value.substring(end).chars().anyMatch(c -> c != ' ')) {
        throw new SqlStateException("22001", "value too long for type "
            + (padded ? "character" : "character varying") + "(" + length + ")");
      }
      return value.substring(0, end);
    }
    return padded && count < length ? value + " ".repeat(length - count) : value;
  }

  /**
   * Checks the string literals an INSERT's VALUES rows or an UPDATE's SET list assign directly to bounded columns
   * ({@code targets}, one per value; null for a column that is not one): Calcite shortens such literals while
   * converting them, before {@link #assign} could see them.
   *
   * @throws SqlStateException 22001 for a literal that is too long
   */
  static void checkLiterals(List<org.apache.calcite.sql.SqlNode> values, List<RelDataType> targets) {
    for (int i = 0; i < values.size() && i < targets.size(); i++) {
      RelDataType target = targets.get(i);
      org.apache.calcite.sql.SqlNode value = values.get(i);
      while (value instanceof org.apache.calcite.sql.SqlCall call && call.getKind() == SqlKind.CAST) {
        value = call.operand(0); // a cast the validator added; an explicit one is checked as the cast's result
      }
      if (target != null && bounded(target)
          && value instanceof org.apache.calcite.sql.SqlCharStringLiteral literal) {
        assign(literal.getValueAs(String.class), target.getPrecision(),
            target.getSqlTypeName() == SqlTypeName.CHAR);
      }
    }
  }

  /** Whether {@code type} is a string type with a declared length: {@code varchar(n)} or {@code char(n)}. */
  static boolean bounded(RelDataType type) {
    return (type.getSqlTypeName() == SqlTypeName.VARCHAR || type.getSqlTypeName() == SqlTypeName.CHAR)
        && type.getPrecision() != RelDataType.PRECISION_NOT_SPECIFIED
        && type.getPrecision() < Integer.MAX_VALUE / 2;
  }

  /** {@code rowType} with every bounded string field widened to {@code varchar}, so values keep their length. */
  static RelDataType widen(RelDataTypeFactory typeFactory, RelDataType rowType) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (RelDataTypeField field : rowType.getFieldList()) {
      RelDataType type = field.getType();
      if (bounded(type)) {
        type = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR),
            type.isNullable());
      }
      builder.add(field.getName(), type);
    }
    return builder.build();
  }

  /** {@code value} assigned to a column of type {@code target}; {@code value} itself for other types. */
  static RexNode assignment(RexBuilder rex, RexNode value, RelDataType target) {
    if (!bounded(target) || !SqlTypeName.CHAR_TYPES.contains(value.getType().getSqlTypeName())) {
      return value;
    }
    RexNode operand = value;
    while (operand instanceof RexCall call && call.getKind() == SqlKind.CAST
        && SqlTypeName.CHAR_TYPES.contains(call.getOperands().get(0).getType().getSqlTypeName())) {
      operand = call.getOperands().get(0); // the casts Calcite adds to the column's type would truncate
    }
    if (operand instanceof RexDynamicParam parameter && bounded(parameter.getType())) {
      // a parameter typed as its column would be shortened to the column's length when it is read (22001 lost)
      operand = new RexDynamicParam(rex.getTypeFactory().createTypeWithNullability(
          rex.getTypeFactory().createSqlType(SqlTypeName.VARCHAR), parameter.getType().isNullable()),
          parameter.getIndex());
    }
    RelDataType type = rex.getTypeFactory().createTypeWithNullability(target, value.getType().isNullable());
    return rex.makeCall(type, ASSIGN, List.of(operand, rex.makeLiteral(target.getPrecision(),
        rex.getTypeFactory().createSqlType(SqlTypeName.INTEGER)),
        rex.makeLiteral(target.getSqlTypeName() == SqlTypeName.CHAR)));
  }

  /**
   * {@code input} with the fields at {@code positions} assigned to the types {@code targets} (one per position), or
   * {@code input} itself when none of them is a bounded string.
   */
  static RelNode wrap(RexBuilder rex, RelNode input, List<Integer> positions, List<RelDataType> targets) {
    if (targets.stream().noneMatch(StringAssignment::bounded)) {
      return input;
    }
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    RelNode base = input;
    List<RexNode> expressions;
    java.util.Set<org.apache.calcite.rel.core.CorrelationId> variables = java.util.Set.of();
    if (input instanceof LogicalProject project) {
      base = project.getInput();
      expressions = project.getProjects();
      variables = project.getVariablesSet();
    } else {
      expressions = new ArrayList<>();
      for (RelDataTypeField field : input.getRowType().getFieldList()) {
        expressions.add(new RexInputRef(field.getIndex(), field.getType()));
      }
    }
    for (int i = 0; i < expressions.size(); i++) {
      int at = positions.indexOf(i);
      projects.add(at < 0 ? expressions.get(i) : assignment(rex, expressions.get(i), targets.get(at)));
      names.add(input.getRowType().getFieldNames().get(i));
    }
    return LogicalProject.create(base, List.of(), projects, names, variables);
  }
}
