package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A query's context with the session's {@code TimeZone} setting in place of the connection's zone: Calcite's
 * conversions between TIMESTAMP WITH LOCAL TIME ZONE (timestamptz) and TIMESTAMP or DATE, {@code LOCALTIMESTAMP},
 * {@code CURRENT_DATE} and {@link TimestampTzFunctions} all read the zone from here, so a {@code SET TIME ZONE}
 * takes effect from the next execution on, even of a cached plan.
 */
final class SessionDataContext implements DataContext {
  private final DataContext delegate;
  private final TimeZone zone;

  private SessionDataContext(DataContext delegate, TimeZone zone) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.zone = requireNonNull(zone, "zone");
  }

  /** A signature whose executions see the session's time zone. */
  static <T> CalciteSignature<T> wrap(CalciteSignature<T> signature) {
    return new CalciteSignature<>(signature.sql, signature.parameters, signature.internalParameters,
        signature.rowType, signature.columns, signature.cursorFactory, signature.rootSchema,
        signature.getCollationList(), -1, null, signature.statementType) {
      @Override
      public Enumerable<T> enumerable(DataContext dataContext) {
        return signature.enumerable(of(dataContext));
      }
    };
  }

  /** {@code context} with the zone of the session whose store schema it reaches, if any. */
  static DataContext of(DataContext context) {
    SchemaPlus root = context.getRootSchema();
    SchemaPlus store = root == null ? null : root.getSubSchema(StoreSchema.NAME);
    if (store == null) {
      return context;
    }
    StoreSchema schema;
    try {
      schema = store.unwrap(StoreSchema.class);
    } catch (ClassCastException e) {
      return context;
    }
    String setting = schema == null ? null : schema.setting(SessionSettings.TIME_ZONE);
    ZoneId zone = setting == null ? ZoneId.of("UTC") : TimestampTzText.zone(setting);
    return new SessionDataContext(context, TimeZone.getTimeZone(zone));
  }

  @Override
  public @Nullable SchemaPlus getRootSchema() {
    return delegate.getRootSchema();
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return delegate.getTypeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return delegate.getQueryProvider();
  }

  @Override
  public @Nullable Object get(String name) {
    if (Variable.TIME_ZONE.camelName.equals(name)) {
      return zone;
    }
    if (Variable.CURRENT_TIMESTAMP.camelName.equals(name) || Variable.LOCAL_TIMESTAMP.camelName.equals(name)) {
      Object utc = delegate.get(Variable.UTC_TIMESTAMP.camelName);
      if (utc instanceof Long time) {
        return time + zone.getOffset(time);
      }
    }
    return delegate.get(name);
  }
}
