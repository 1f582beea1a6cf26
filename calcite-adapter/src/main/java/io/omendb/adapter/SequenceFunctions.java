package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.EnumUtils;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's sequence functions {@code nextval}, {@code currval}, {@code setval} and {@code lastval}. They act on
 * the session that runs the query, which generated code reaches through the query's {@link DataContext}; none is
 * deterministic, so the planner never folds or shares their calls. A {@code 's'::regclass} argument (how pg_dump and
 * column defaults write it) is taken as the name {@code 's'}.
 */
public final class SequenceFunctions {
  private static final List<SequenceFunction> FUNCTIONS = List.of(
      function("nextval", List.of(SqlTypeFamily.CHARACTER), 0, String.class),
      function("currval", List.of(SqlTypeFamily.CHARACTER), 0, String.class),
      function("lastval", List.of(), 0),
      function("setval", List.of(SqlTypeFamily.CHARACTER, SqlTypeFamily.NUMERIC, SqlTypeFamily.BOOLEAN), 1,
          String.class, Long.class, Boolean.class));

  /** Hands out a fresh operator on every lookup, so that every call of a sequence function stays its own. */
  private static final SqlOperatorTable TABLE = new SqlOperatorTable() {
    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, @Nullable SqlFunctionCategory category,
        SqlSyntax syntax, List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
      if (syntax != SqlSyntax.FUNCTION || !opName.isSimple()) {
        return;
      }
      for (SequenceFunction function : FUNCTIONS) {
        if (nameMatcher.matches(function.getName(), opName.getSimple())) {
          operatorList.add(function.copy());
        }
      }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
      return List.copyOf(FUNCTIONS);
    }
  };

  private SequenceFunctions() {}

  /** The functions as an operator table. */
  static SqlOperatorTable table() {
    return TABLE;
  }

  /** {@code nextval(name)}; called by generated code. */
  public static Long nextval(DataContext root, String name) {
    return name == null ? null : sequences(root).nextval(sequenceName(root, name));
  }

  /** {@code currval(name)}; called by generated code. */
  public static Long currval(DataContext root, String name) {
    return name == null ? null : sequences(root).currval(sequenceName(root, name));
  }

  /** {@code lastval()}; called by generated code. */
  public static Long lastval(DataContext root) {
    return sequences(root).lastval();
  }

  /**
   * {@code setval(name, value [, is_called])}: with is_called (the default) the next nextval returns the value
   * after {@code value}; called by generated code, with null for an is_called left out.
   */
  public static Long setval(DataContext root, String name, Long value, Boolean isCalled) {
    if (name == null || value == null) {
      return null;
    }
    return sequences(root).setval(sequenceName(root, name), value, isCalled == null || isCalled);
  }

  /**
   * The sequence a text argument names, read as PostgreSQL reads a regclass: an optional {@code public.} schema,
   * then a name folded to lower case unless double-quoted.
   */
  static String sequenceName(String text) {
    String name = text.trim();
    if (name.startsWith(StoreSchema.NAME + ".") || name.startsWith("\"" + StoreSchema.NAME + "\".")) {
      name = name.substring(name.indexOf('.') + 1);
    }
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name.toLowerCase(Locale.ROOT);
  }

  /** The engine name of the sequence a text argument names, {@code s.seq} or resolved by the search path. */
  private static String sequenceName(DataContext root, String text) {
    StoreSchema schema = storeSchema(root);
    return schema.names().lookup(text, name -> schema.engine().catalog().sequences().exists(name));
  }

  private static SessionSequences sequences(DataContext root) {
    return storeSchema(root).sequences();
  }

  private static StoreSchema storeSchema(DataContext root) {
    SchemaPlus schema = root.getRootSchema().getSubSchema(StoreSchema.NAME);
    if (schema == null) {
      throw new IllegalStateException("the store schema is not registered");
    }
    return schema.unwrap(StoreSchema.class);
  }

  /** A function whose last {@code optional} parameters may be left out. */
  private static SequenceFunction function(String name, List<SqlTypeFamily> families, int optional,
      Class<?>... parameters) {
    Class<?>[] all = new Class<?>[parameters.length + 1];
    all[0] = DataContext.class;
    System.arraycopy(parameters, 0, all, 1, parameters.length);
    Method method;
    try {
      method = SequenceFunctions.class.getMethod(name, all);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    return new SequenceFunction(name, families, families.size() - optional, new SessionFunction(method, parameters));
  }

  /**
   * A sequence function as SQL sees it: not deterministic, and reading a regclass argument as its name. Each call
   * gets an operator instance of its own ({@link #TABLE}), equal only to itself, so that the planner never merges
   * two calls into one ({@code SELECT nextval('s'), nextval('s')} advances twice).
   */
  private static final class SequenceFunction extends SqlUserDefinedFunction {
    private final List<SqlTypeFamily> families;
    private final int required;
    private final SessionFunction implementation;

    SequenceFunction(String name, List<SqlTypeFamily> families, int required, SessionFunction implementation) {
      super(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
          opBinding -> implementation.getReturnType(opBinding.getTypeFactory()), InferTypes.FIRST_KNOWN,
          OperandTypes.operandMetadata(families,
              typeFactory -> implementation.getParameters().stream()
                  .map(parameter -> parameter.getType(typeFactory)).toList(),
              i -> "arg" + i, i -> i >= required),
          implementation);
      this.families = families;
      this.required = required;
      this.implementation = implementation;
    }

    @Override
    public boolean isDeterministic() {
      return false;
    }

    @Override
    public SqlNode rewriteCall(SqlValidator validator, SqlCall call) {
      List<SqlNode> operands = new ArrayList<>(call.getOperandList());
      if (!operands.isEmpty() && operands.get(0) instanceof SqlCall cast
          && cast.getOperator().getName().equalsIgnoreCase("regclassin") && cast.operandCount() == 1) {
        operands.set(0, cast.operand(0));
      }
      return copy().createCall(call.getFunctionQuantifier(), call.getParserPosition(), operands);
    }

    /** An operator equal to this one in all but identity. */
    SequenceFunction copy() {
      return new SequenceFunction(getName(), families, required, implementation);
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** A static method whose first parameter receives the query's {@link DataContext}. */
  private static final class SessionFunction implements ScalarFunction, ImplementableFunction {
    private final Method method;
    private final Class<?>[] parameters;

    SessionFunction(Method method, Class<?>[] parameters) {
      this.method = requireNonNull(method, "method");
      this.parameters = parameters.clone();
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.BIGINT), true);
    }

    @Override
    public List<FunctionParameter> getParameters() {
      return FunctionParameters.of(parameters, (typeFactory, type) -> typeFactory.createSqlType(
          type == String.class ? SqlTypeName.VARCHAR : type == Long.class ? SqlTypeName.BIGINT : SqlTypeName.BOOLEAN));
    }

    @Override
    public CallImplementor getImplementor() {
      return RexImpTable.createImplementor((translator, call, operands) -> {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(translator.getRoot());
        for (int i = 0; i < parameters.length; i++) {
          arguments.add(i < operands.size() ? EnumUtils.convert(operands.get(i), parameters[i])
              : Expressions.constant(null, parameters[i]));
        }
        return Expressions.call(method, arguments);
      }, NullPolicy.NONE, false);
    }
  }
}
