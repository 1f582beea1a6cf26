package io.omendb.adapter;

import io.omendb.adapter.parser.PgJsonOperator;
import io.omendb.adapter.types.PgJsonType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The run-time side of PostgreSQL's {@code json} and {@code jsonb}: the static methods generated code calls for
 * casts and for the operators of {@link PgJsonOperator}, and the functions SQL can call by name ({@code
 * json_typeof}, {@code jsonb_typeof}, {@code json_array_length}, {@code jsonb_array_length}). Values are the
 * strings {@link JsonText} reads.
 */
public final class JsonFunctions {
  private JsonFunctions() {}

  /** The cast of text (or of the other JSON type) to {@code json}. */
  static final SqlFunction JSON_IN = internal("json_in", "jsonIn",
      binding -> PgJsonType.of(binding.getTypeFactory(), PgJsonType.Kind.JSON, binding.getOperandType(0)
          .isNullable()));
  /** The cast of text (or of the other JSON type) to {@code jsonb}. */
  static final SqlFunction JSONB_IN = internal("jsonb_in", "jsonbIn",
      binding -> PgJsonType.of(binding.getTypeFactory(), PgJsonType.Kind.JSONB, binding.getOperandType(0)
          .isNullable()));
  /** The cast of a JSON value to text. */
  static final SqlFunction JSON_OUT = internal("json_out", "jsonOut", ReturnTypes.VARCHAR_NULLABLE);

  private static final SqlFunction GET = internal("->", "get", ReturnTypes.ARG0_FORCE_NULLABLE);
  private static final SqlFunction GET_TEXT = internal("->>", "getText", ReturnTypes.VARCHAR_FORCE_NULLABLE);
  private static final SqlFunction PATH = internal("#>", "path", ReturnTypes.ARG0_FORCE_NULLABLE);
  private static final SqlFunction PATH_TEXT = internal("#>>", "pathText", ReturnTypes.VARCHAR_FORCE_NULLABLE);
  private static final SqlFunction CONTAINS = internal("@>", "contains", ReturnTypes.BOOLEAN_NULLABLE);
  private static final SqlFunction EXISTS = internal("?", "exists", ReturnTypes.BOOLEAN_NULLABLE);

  private static final SqlOperatorTable TABLE = SqlOperatorTables.of(
      PgJsonOperator.GET, PgJsonOperator.GET_TEXT, PgJsonOperator.PATH, PgJsonOperator.PATH_TEXT,
      PgJsonOperator.CONTAINS, PgJsonOperator.EXISTS,
      named("json_typeof", "typeof", ReturnTypes.VARCHAR_NULLABLE),
      named("jsonb_typeof", "typeof", ReturnTypes.VARCHAR_NULLABLE),
      named("json_array_length", "arrayLength", ReturnTypes.INTEGER_NULLABLE),
      named("jsonb_array_length", "arrayLength", ReturnTypes.INTEGER_NULLABLE));

  /** The JSON operators (which validation finds by name) and the functions SQL calls by name. */
  static SqlOperatorTable table() {
    return TABLE;
  }

  /** The function that runs a JSON operator. */
  static SqlFunction implementation(PgJsonOperator operator) {
    if (operator == PgJsonOperator.GET) {
      return GET;
    } else if (operator == PgJsonOperator.GET_TEXT) {
      return GET_TEXT;
    } else if (operator == PgJsonOperator.PATH) {
      return PATH;
    } else if (operator == PgJsonOperator.PATH_TEXT) {
      return PATH_TEXT;
    } else if (operator == PgJsonOperator.CONTAINS) {
      return CONTAINS;
    }
    return EXISTS;
  }

  /** {@code '...'::json}: the text itself, once it is known to be JSON. */
  @Strict
  public static String jsonIn(String text) {
    return JsonText.validate(text);
  }

  /** {@code '...'::jsonb}: the normal form of the text. */
  @Strict
  public static String jsonbIn(String text) {
    return JsonText.normalize(text);
  }

  /** {@code json::text}: the value's text. */
  @Strict
  public static String jsonOut(String json) {
    return json;
  }

  /** {@code json -> key} or {@code json -> index}; {@code binary} for jsonb. */
  @Strict
  public static @Nullable String get(String json, Object key, boolean binary) {
    JsonText.Node node = part(JsonText.parse(json), key, binary);
    return node == null ? null : node.text(json);
  }

  /** {@code json ->> key} or {@code json ->> index}; {@code binary} for jsonb. */
  @Strict
  public static @Nullable String getText(String json, Object key, boolean binary) {
    JsonText.Node node = part(JsonText.parse(json), key, binary);
    return node == null ? null : JsonText.asText(node, json);
  }

  /** {@code json #> path}. */
  @Strict
  public static @Nullable String path(String json, Object path) {
    JsonText.Node node = JsonText.path(JsonText.parse(json), steps(path));
    return node == null ? null : node.text(json);
  }

  /** {@code json #>> path}. */
  @Strict
  public static @Nullable String pathText(String json, Object path) {
    JsonText.Node node = JsonText.path(JsonText.parse(json), steps(path));
    return node == null ? null : JsonText.asText(node, json);
  }

  /** {@code jsonb @> jsonb}: PostgreSQL's containment. */
  @Strict
  public static boolean contains(String json, String other) {
    return JsonContainment.contains(JsonText.parse(json), JsonText.parse(other));
  }

  /** {@code jsonb ? text}: a top-level key, or a string element of a top-level array. */
  @Strict
  public static boolean exists(String json, String key) {
    JsonText.Node node = JsonText.parse(json);
    return switch (node.kind()) {
      case OBJECT -> JsonText.field(node, key) != null;
      case ARRAY -> node.elements().stream().anyMatch(e -> e.kind() == JsonText.Kind.STRING
          && key.equals(e.scalar()));
      case STRING -> key.equals(node.scalar());
      default -> false;
    };
  }

  /** {@code json_typeof}, {@code jsonb_typeof}: object, array, string, number, boolean or null. */
  @Strict
  public static String typeof(String json) {
    return JsonText.parse(json).kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code json_array_length}, {@code jsonb_array_length}: 22023 for anything but an array. */
  @Strict
  public static int arrayLength(String json) {
    JsonText.Node node = JsonText.parse(json);
    if (node.elements() == null) {
      throw new SqlStateException("22023", node.kind() == JsonText.Kind.OBJECT
          ? "cannot get array length of a non-array" : "cannot get array length of a scalar");
    }
    return node.elements().size();
  }

  /**
   * The member or element a key or index names. PostgreSQL stores a jsonb scalar as a one-element array, so there
   * index 0 (or -1) of a scalar is the scalar itself.
   */
  private static JsonText.@Nullable Node part(JsonText.Node node, Object key, boolean binary) {
    if (key instanceof Number number) {
      int index = number.intValue();
      boolean scalar = node.kind() != JsonText.Kind.ARRAY && node.kind() != JsonText.Kind.OBJECT;
      if (binary && scalar) {
        return index == 0 || index == -1 ? node : null;
      }
      return JsonText.element(node, index);
    }
    return JsonText.path(node, List.of(key.toString()));
  }

  /** A path as an array of text ({@code ARRAY['a', '0']}) or as its text form ({@code '{a,0}'}). */
  private static List<String> steps(Object path) {
    if (path instanceof List<?> list) {
      List<String> steps = new ArrayList<>(list.size());
      list.forEach(step -> steps.add(step == null ? null : step.toString()));
      return steps;
    }
    List<String> steps = io.omendb.adapter.parser.PgArrayText.elements(path.toString());
    if (steps == null) {
      throw new SqlStateException("22P02", "malformed array literal: \"" + path + "\"");
    }
    return steps;
  }

  /** A function of this class; {@code method} names the static method that runs it. */
  private static SqlFunction internal(String name, String method, SqlReturnTypeInference returnType) {
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        returnType, InferTypes.FIRST_KNOWN, new AnyOperands(1, 3),
        ScalarFunctionImpl.create(JsonFunctions.class, method));
  }

  /** A function SQL calls by name, whose one argument is a JSON value. */
  private static SqlFunction named(String name, String method, SqlReturnTypeInference returnType) {
    return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
        returnType, InferTypes.FIRST_KNOWN, new JsonOperand(name.startsWith("jsonb")
            ? PgJsonType.Kind.JSONB : PgJsonType.Kind.JSON),
        ScalarFunctionImpl.create(JsonFunctions.class, method));
  }

  /** Operands typed by whoever builds the call (the conversion to relational expressions). */
  private record AnyOperands(int min, int max) implements SqlOperandMetadata {
    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
      return List.of();
    }

    @Override
    public List<String> paramNames() {
      return List.of();
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
      return true;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.between(min, max);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return opName + "(...)";
    }
  }

  /** One operand of a given JSON type (or text that reads as one). */
  private record JsonOperand(PgJsonType.Kind kind) implements SqlOperandMetadata {
    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
      return List.of(PgJsonType.of(typeFactory, kind, true));
    }

    @Override
    public List<String> paramNames() {
      return List.of("from_json");
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      RelDataType operand = binding.getOperandType(0);
      boolean ok = PgJsonType.kindOf(operand) == kind || org.apache.calcite.sql.type.SqlTypeUtil.isCharacter(operand);
      if (!ok && throwOnFailure) {
        throw binding.newValidationSignatureError();
      }
      return ok;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.of(1);
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return opName + "(<" + kind.name() + ">)";
    }
  }
}
