package io.omendb.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;

/** Builds the positional, required, nullable parameter lists of the functions we register with Calcite. */
public final class FunctionParameters {
  private FunctionParameters() {
  }

  /**
   * One parameter per element of {@code types} (Java classes, SQL type names, ...), named {@code arg0},
   * {@code arg1}, ..., each typed by {@code typing} (given the factory and the element) and made nullable.
   */
  public static <T> List<FunctionParameter> of(T[] types, BiFunction<RelDataTypeFactory, T, RelDataType> typing) {
    List<FunctionParameter> parameters = new ArrayList<>(types.length);
    for (int i = 0; i < types.length; i++) {
      int ordinal = i;
      T type = types[i];
      parameters.add(new FunctionParameter() {
        @Override
        public int getOrdinal() {
          return ordinal;
        }

        @Override
        public String getName() {
          return "arg" + ordinal;
        }

        @Override
        public RelDataType getType(RelDataTypeFactory typeFactory) {
          return typeFactory.createTypeWithNullability(typing.apply(typeFactory, type), true);
        }

        @Override
        public boolean isOptional() {
          return false;
        }
      });
    }
    return parameters;
  }
}
