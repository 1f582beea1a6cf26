package io.omendb.adapter;

import io.omendb.adapter.pgcatalog.PgTypeCoercion;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare.CatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation with the store's rules, and the collation trait, in every planner, and with
 * PostgreSQL's functions and checked arithmetic in validation ({@link StorePrepareContext}).
 */
final class StorePrepare extends CalcitePrepareImpl {

  @Override
  public <T> CalciteSignature<T> prepareSql(CalcitePrepare.Context context, Query<T> query, Type elementType,
      long maxRowCount) {
    // executions see the session's TimeZone setting (timestamptz casts, LOCALTIMESTAMP)
    return SessionDataContext.wrap(PgResultTypes.named(
        super.prepareSql(StorePrepareContext.wrap(context), query, elementType, maxRowCount)));
  }

  @Override
  public AnalyzeViewResult analyzeView(CalcitePrepare.Context context, String sql, boolean fail) {
    return super.analyzeView(StorePrepareContext.wrap(context), sql, fail);
  }

  /** Parses as sessions do; Calcite parses view definitions with this when it expands them. */
  @Override
  protected org.apache.calcite.sql.parser.SqlParser createParser(String sql) {
    return org.apache.calcite.sql.parser.SqlParser.create(sql, io.omendb.adapter.parser.OmenParserConfig.config());
  }

  @Override
  protected RelOptPlanner createPlanner(CalcitePrepare.Context prepareContext, org.apache.calcite.plan.@Nullable Context externalContext,
      @Nullable RelOptCostFactory costFactory) {
    RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
    if (!planner.getRelTraitDefs().contains(RelCollationTraitDef.INSTANCE)) {
      // store scans deliver rows in key order; with the collation trait the planner can drop sorts on the key
      planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
    }
    StoreRules.register(planner);
    return planner;
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(CalcitePrepare.Context context, Type elementType,
      CalciteCatalogReader standardReader, RelOptPlanner planner) {
    // unqualified names resolve by the session's search path (see SearchPathCatalogReader)
    CalciteCatalogReader catalogReader = SearchPathCatalogReader.of(standardReader, context);
    return new CalcitePreparingStmt(this, context, catalogReader, context.getTypeFactory(), context.getRootSchema(),
        elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM,
        createCluster(planner, new StoreRexBuilder(context.getTypeFactory())), EnumerableConvention.INSTANCE,
        new JsonConvertletTable(createConvertletTable())) {
      @Override
      protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator, CatalogReader reader,
          SqlToRelConverter.Config config) {
        // Calcite's converter, configured as Calcite configures it, plus RETURNING
        SqlToRelConverter standard = super.getSqlToRelConverter(validator, reader, config);
        return new StoreSqlToRelConverter(this, validator, reader, standard.getCluster(), convertletTable,
            standard.config);
      }

      @Override
      protected RelRoot optimize(RelRoot root, List<Materialization> materializations,
          List<CalciteSchema.LatticeEntry> lattices) {
        // the query's final columns as a projection the store rules can push into scans (see StoreRoots)
        RelRoot optimized = super.optimize(StoreRoots.withFieldsProjected(root), materializations, lattices);
        // uuids compared in memory in PostgreSQL's order (unsigned bytes), not java.util.UUID's
        return optimized.withRel(UuidOrder.rewrite(optimized.rel));
      }

      @Override
      protected SqlValidator createSqlValidator(CatalogReader reader, UnaryOperator<SqlValidator.Config> transform) {
        // PostgreSQL's coercions of string literals to arrays; see PgTypeCoercion
        // and string literals of multi-row INSERT ... VALUES typed by their columns; see StoreSqlValidator
        return StoreSqlValidator.create(context, (CalciteCatalogReader) (reader == standardReader ? catalogReader
            : reader), config -> transform.apply(config).withTypeCoercionFactory(PgTypeCoercion::new)
                .withTypeCoercionRules(JsonConvertletTable.COERCION_RULES));
      }
    };
  }
}
