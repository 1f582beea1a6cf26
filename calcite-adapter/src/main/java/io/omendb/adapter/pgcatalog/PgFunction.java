package io.omendb.adapter.pgcatalog;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.FunctionParameters;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A scalar function implemented by a static method of boxed parameters, to which each argument is converted (a
 * SMALLINT {@code attnum} passed where an {@code Integer} is declared). A method whose first parameter is the
 * query's {@link DataContext} receives it, to reach the session's catalog; SQL sees only the remaining parameters.
 */
final class PgFunction implements ScalarFunction, ImplementableFunction {
  private final Method method;
  private final boolean contextual;
  private final Class<?>[] sqlParameters;

  private PgFunction(Method method) {
    this.method = requireNonNull(method, "method");
    if (!Modifier.isStatic(method.getModifiers())) {
      throw new IllegalArgumentException(method + " must be static");
    }
    Class<?>[] all = method.getParameterTypes();
    this.contextual = all.length > 0 && all[0] == DataContext.class;
    this.sqlParameters = Arrays.copyOfRange(all, contextual ? 1 : 0, all.length);
  }

  static PgFunction of(Method method) {
    return new PgFunction(method);
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    if (List.class.isAssignableFrom(method.getReturnType())) {
      // the functions returning lists return arrays of names (current_schemas)
      RelDataType element = typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
      return typeFactory.createTypeWithNullability(typeFactory.createArrayType(element, -1), true);
    }
    return typeFactory.createTypeWithNullability(typeFactory.createJavaType(method.getReturnType()), true);
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return FunctionParameters.of(sqlParameters, RelDataTypeFactory::createJavaType);
  }

  @Override
  public CallImplementor getImplementor() {
    return RexImpTable.createImplementor((translator, call, operands) -> {
      List<Expression> arguments = new ArrayList<>();
      if (contextual) {
        arguments.add(translator.getRoot());
      }
      for (int i = 0; i < operands.size(); i++) {
        arguments.add(EnumUtils.convert(operands.get(i), sqlParameters[i]));
      }
      return Expressions.call(method, arguments);
    }, NullPolicy.NONE, false);
  }
}
