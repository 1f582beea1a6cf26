package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCollectionTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's {@code expr::type} cast, which exists only while parsing: creating its call yields a standard
 * {@code CAST}, or for PostgreSQL's object-identifier types a call of a {@code pg_catalog} lookup function.
 *
 * <p>{@code ::oid} casts to {@code INTEGER}; {@code ::name} and {@code ::text} to {@code VARCHAR}; a {@code
 * pg_catalog.} qualifier on a type name is dropped. The {@code reg*} types (regclass, regtype, regnamespace,
 * regrole, regproc) have no column type of their own here: a string literal cast to one becomes the object's oid
 * ({@code pg_catalog.regclassin('t')}), anything else becomes the object's name ({@code
 * pg_catalog.regclassout(c.oid)}), which is what PostgreSQL prints for such a value. An array's text cast to an
 * array type becomes an array constructor ({@link PgArrayText}).
 */
public final class PgInfixCast extends SqlBinaryOperator {

  /** The one instance, which the generated parser puts between an operand and its target type. */
  public static final PgInfixCast INSTANCE = new PgInfixCast();

  /** The schema that PostgreSQL's built-in types and lookup functions live in. */
  static final String PG_CATALOG = "pg_catalog";

  private static final Set<String> OBJECT_TYPES =
      Set.of("regclass", "regtype", "regnamespace", "regrole", "regproc", "regprocedure", "regoper");

  private PgInfixCast() {
    // the precedence of Calcite's own "::" operator: tighter than every arithmetic and comparison operator
    super("::", SqlKind.CAST, 94, true, null, InferTypes.FIRST_KNOWN, null);
  }

  @Override
  public SqlCall createCall(@Nullable SqlLiteral functionQualifier, SqlParserPos pos,
      @Nullable SqlNode... operands) {
    requireNonNull(operands, "operands");
    SqlNode operand = requireNonNull(operands[0], "operand");
    SqlDataTypeSpec type = (SqlDataTypeSpec) requireNonNull(operands[1], "type");
    return cast(operand, type, pos);
  }

  /** The call that {@code operand::type} stands for. */
  public static SqlCall cast(SqlNode operand, SqlDataTypeSpec type, SqlParserPos pos) {
    String name = pgTypeName(type.getTypeNameSpec());
    if (name != null && OBJECT_TYPES.contains(name)) {
      String function = operand instanceof SqlCharStringLiteral ? name + "in" : name + "out";
      return new SqlUnresolvedFunction(new SqlIdentifier(List.of(PG_CATALOG, function), pos), null, null, null,
          null, SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(pos, operand);
    }
    if ("interval".equals(name)) {
      return interval(operand, pos);
    }
    SqlDataTypeSpec target = normalize(type);
    if (operand instanceof SqlCharStringLiteral literal) {
      java.util.Optional<SqlNode> array = PgArrayText.cast(literal, target, pos);
      if (array.isPresent()) {
        return (SqlCall) array.get();
      }
      SqlNode cast = PgLiteralCasts.cast(literal.getValueAs(String.class), target, pos);
      if (cast instanceof SqlLiteral constant) {
        // a boolean word or a number to unconstrained numeric, read while parsing (a numeric keeps its own scale)
        return constant.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.BOOLEAN
            ? SqlStdOperatorTable.CAST.createCall(pos, constant, target)
            : SqlStdOperatorTable.UNARY_PLUS.createCall(pos, constant);
      }
    }
    return SqlStdOperatorTable.CAST.createCall(pos, operand, target);
  }

  /** The type spec the grammar puts after {@code ::} for PostgreSQL's {@code interval}. */
  public static SqlDataTypeSpec intervalType(SqlParserPos pos) {
    return new SqlDataTypeSpec(new SqlUserDefinedTypeNameSpec("interval", pos), pos);
  }

  /**
   * {@code '...'::interval}: the string read as PostgreSQL reads interval text, into Calcite's interval literal
   * (see {@link PgIntervalText}); any other operand is refused (0A000), as interval is not a type of its own here.
   */
  private static SqlCall interval(SqlNode operand, SqlParserPos pos) {
    if (!(operand instanceof SqlCharStringLiteral text)) {
      throw new PgInputException("0A000", "only a string literal can be cast to interval");
    }
    SqlLiteral literal = PgIntervalText.literal(text.getValueAs(String.class), pos);
    return SqlStdOperatorTable.CAST.createCall(pos, literal,
        ((org.apache.calcite.sql.SqlIntervalLiteral.IntervalValue) literal.getValue()).getIntervalQualifier());
  }

  /** {@code type[]}: an array of {@code type}. */
  public static SqlDataTypeSpec arrayOf(SqlDataTypeSpec type, SqlParserPos pos) {
    SqlTypeNameSpec element = normalize(type).getTypeNameSpec();
    return new SqlDataTypeSpec(new SqlCollectionTypeNameSpec(element, SqlTypeName.ARRAY, pos), pos);
  }

  /** Resolves the PostgreSQL names Calcite parses as user-defined types ({@code oid}, {@code pg_catalog.int4}). */
  static SqlDataTypeSpec normalize(SqlDataTypeSpec type) {
    String name = pgTypeName(type.getTypeNameSpec());
    if (name == null) {
      return type;
    }
    SqlParserPos pos = type.getParserPosition();
    java.util.Optional<io.omendb.adapter.types.PgTypeNameSpec> own =
        io.omendb.adapter.types.PgTypeNameSpec.of(name, pos);
    if (own.isPresent()) {
      return new SqlDataTypeSpec(own.get(), pos);
    }
    SqlTypeName resolved = switch (name) {
      case "oid", "regproc", "xid", "cid" -> SqlTypeName.INTEGER;
      case "name", "text", "varchar", "char", "bpchar" -> SqlTypeName.VARCHAR;
      default -> PgTypeAliases.resolve(name).orElse(null);
    };
    if (resolved == null) {
      return type;
    }
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(resolved, pos), pos);
  }

  /**
   * The lower-case name of a type Calcite parsed as user-defined, without a {@code pg_catalog} qualifier; null
   * for built-in types and for names in other schemas.
   */
  private static @Nullable String pgTypeName(SqlTypeNameSpec spec) {
    if (!(spec instanceof SqlUserDefinedTypeNameSpec)) {
      return null;
    }
    List<String> names = spec.getTypeName().names;
    if (names.size() == 2 && names.get(0).equalsIgnoreCase(PG_CATALOG)) {
      return names.get(1).toLowerCase(Locale.ROOT);
    }
    return names.size() == 1 ? names.get(0).toLowerCase(Locale.ROOT) : null;
  }
}
