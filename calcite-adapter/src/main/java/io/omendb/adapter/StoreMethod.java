package io.omendb.adapter;

import java.lang.reflect.Method;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.function.Function0;
import org.apache.calcite.linq4j.tree.Types;

/** The methods that generated code calls back into; typed handles instead of method-name strings. */
enum StoreMethod {
  SCAN(StoreTable.class, "scan", DataContext.class, int[].class),
  SCAN_AS_OF(StoreTable.class, "scanAsOf", DataContext.class, Enumerable.class, boolean.class),
  INSERT(StoreTable.class, "insert", DataContext.class, Enumerable.class),
  DELETE(StoreTable.class, "delete", DataContext.class, Enumerable.class),
  UPDATE(StoreTable.class, "update", DataContext.class, Enumerable.class, int[].class),
  RETURNING(StoreTable.class, "returning", Enumerable.class),
  UPSERT(StoreTable.class, "upsert", DataContext.class, Enumerable.class, String.class, boolean.class, int[].class,
      int[].class, boolean.class),
  SEEK(StoreTable.class, "seek", DataContext.class, Object[][].class, int[].class),
  SEEK_INDEX(StoreTable.class, "seekIndex", DataContext.class, String.class, Object[][].class, int[].class),
  LOOKUP_JOIN(StoreTable.class, "lookupJoin", DataContext.class, Enumerable.class, int[].class, int[].class,
      int.class, boolean.class, String.class),
  THROUGH_VIEWS(StoreTable.class, "throughViews", int[].class, String[].class),
  ANALYZE_WRAP(OperatorStats.class, "wrap", Function0.class);

  final Method method;

  StoreMethod(Class<?> clazz, String name, Class<?>... argumentTypes) {
    this.method = Types.lookupMethod(clazz, name, argumentTypes);
  }
}
