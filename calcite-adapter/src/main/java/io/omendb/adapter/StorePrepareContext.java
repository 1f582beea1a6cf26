package io.omendb.adapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * Wraps Calcite's prepare context so that validation sees PostgreSQL's functions ({@link PgOperatorTable}) and
 * arithmetic ({@link PgConformance}) and generated code the Java classes of {@link StoreTypeFactory}; everything
 * else is the connection's own configuration.
 */
final class StorePrepareContext {
  private StorePrepareContext() {}

  /** {@code context} with the configuration's operator table and conformance replaced. */
  static CalcitePrepare.Context wrap(CalcitePrepare.Context context) {
    CalciteConnectionConfig config = config(context.config());
    StoreTypeFactory typeFactory = new StoreTypeFactory(context.getTypeFactory().getTypeSystem());
    return (CalcitePrepare.Context) Proxy.newProxyInstance(StorePrepareContext.class.getClassLoader(),
        new Class<?>[] {CalcitePrepare.Context.class}, (self, method, args) -> {
          if (method.getName().equals("config") && method.getParameterCount() == 0) {
            return config;
          }
          if (method.getName().equals("getTypeFactory") && method.getParameterCount() == 0) {
            return typeFactory;
          }
          return invoke(method, context, args);
        });
  }

  private static CalciteConnectionConfig config(CalciteConnectionConfig config) {
    return (CalciteConnectionConfig) Proxy.newProxyInstance(StorePrepareContext.class.getClassLoader(),
        new Class<?>[] {CalciteConnectionConfig.class}, (self, method, args) -> {
          if (method.getName().equals("fun") && method.getParameterCount() == 2
              && args[0] == SqlOperatorTable.class) {
            return PgOperatorTable.INSTANCE;
          }
          if (method.getName().equals("conformance") && method.getParameterCount() == 0) {
            return PgConformance.INSTANCE;
          }
          return invoke(method, config, args);
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
