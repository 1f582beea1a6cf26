package io.omendb.adapter;

import io.omendb.adapter.parser.PgSqlParserImpl;
import java.io.Reader;
import org.apache.calcite.server.DdlExecutor;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParserImplFactory;

/** Hands Calcite our generated parser and the executor for the DDL it produces. */
public final class StoreParserFactory implements SqlParserImplFactory {
  /** The instance Calcite's {@code parserFactory} connection property names. */
  public static final StoreParserFactory INSTANCE = new StoreParserFactory();

  private StoreParserFactory() {}

  @Override
  public SqlAbstractParserImpl getParser(Reader stream) {
    return PgSqlParserImpl.EXECUTION_FACTORY.getParser(stream);
  }

  @Override
  public DdlExecutor getDdlExecutor() {
    return StoreDdlExecutor.INSTANCE;
  }
}
