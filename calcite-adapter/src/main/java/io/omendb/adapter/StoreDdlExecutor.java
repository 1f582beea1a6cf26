package io.omendb.adapter;

import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.server.DdlExecutorImpl;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import io.omendb.adapter.parser.SqlAlterSequence;
import io.omendb.adapter.parser.SqlCreateIndex;
import io.omendb.adapter.parser.SqlCreatePgView;
import io.omendb.adapter.parser.SqlCreateSequence;
import io.omendb.adapter.parser.SqlDropObjects;
import io.omendb.adapter.parser.SqlDropTableCascade;
import io.omendb.adapter.parser.SqlDropIndex;
import io.omendb.adapter.parser.SqlAlterRole;
import io.omendb.adapter.parser.SqlCreateRole;
import io.omendb.adapter.parser.SqlDropRole;
import io.omendb.adapter.parser.SqlGrantPrivileges;
import io.omendb.adapter.parser.SqlGrantRole;
import io.omendb.adapter.parser.SqlAlterSchema;
import io.omendb.adapter.parser.SqlCreateSchema;
import io.omendb.adapter.parser.SqlDropSchema;

/** Executes DDL against the engine catalog. Calcite finds the {@code execute} overloads by reflection. */
public final class StoreDdlExecutor extends DdlExecutorImpl {
  static final StoreDdlExecutor INSTANCE = new StoreDdlExecutor();
  private static final SqlDialect DEFAULT_EXPRESSION_DIALECT = PostgresqlSqlDialect.DEFAULT;

  private StoreDdlExecutor() {}

  /** {@code CREATE TABLE [IF NOT EXISTS] name (columns and constraints)}. */
  public void execute(SqlCreateTable create, CalcitePrepare.Context context) {
    StoreSchema schema = schema(context);
    if (create.query != null) {
      throw new SqlStateException("0A000", "CREATE TABLE ... AS is not supported yet");
    }
    String name = schema.names().forCreate(create.name);
    List<ColumnDef> columns = new ArrayList<>();
    Set<String> keyColumns = new LinkedHashSet<>();
    List<SqlKeyConstraint> uniques = new ArrayList<>();
    String primaryKeyName = null;
    SqlNodeList elements = create.columnList;
    if (elements == null || elements.isEmpty()) {
      throw new SqlStateException("42P16",
          "table \"" + RelationNames.nameOf(name) + "\" must have at least one column");
    }
    GeneratedColumns generated = new GeneratedColumns(name, schema.engine().catalog());
    for (SqlNode element : elements) {
      if (element instanceof SqlColumnDeclaration column) {
        ColumnDef generatedColumn = generated.column(column);
        columns.add(generatedColumn != null ? generatedColumn : column(column));
      } else if (element instanceof SqlKeyConstraint key && key.getKind() == SqlKind.PRIMARY_KEY) {
        if (!keyColumns.isEmpty()) {
          throw new SqlStateException("42P16",
              "multiple primary keys for table \"" + RelationNames.nameOf(name) + "\" are not allowed");
        }
        if (key.getOperandList().get(0) instanceof SqlIdentifier keyName) {
          primaryKeyName = RelationNames.withSchema(keyName.getSimple(), RelationNames.schemaOf(name));
        }
        SqlNodeList keyList = (SqlNodeList) key.getOperandList().get(1);
        for (SqlNode keyColumn : keyList) {
          keyColumns.add(simpleName((SqlIdentifier) keyColumn));
        }
      } else if (element instanceof SqlKeyConstraint key && key.getKind() == SqlKind.UNIQUE) {
        uniques.add(key);
      } else {
        throw new SqlStateException("0A000", "table element not supported yet: " + element);
      }
    }
    TableDef draft = new TableDef(0, name, columns, new int[0]);
    int[] primaryKey = new int[keyColumns.size()];
    int i = 0;
    for (String keyColumn : keyColumns) {
      int index = draft.columnIndex(keyColumn);
      if (index < 0) {
        throw new SqlStateException("42703", "column \"" + keyColumn + "\" named in key does not exist");
      }
      primaryKey[i++] = index;
      columns.set(index, columns.get(index).withNullable(false));
    }
    boolean existed = schema.engine().catalog().table(name).isPresent();
    TableDef created = schema.engine().catalog().createTable(
        new TableDef(0, name, columns, primaryKey, null, primaryKeyName), create.ifNotExists);
    if (!existed) {
      Ownership.created(schema.access(), created);
      generated.createSequences(created);
      TableConstraints.addUniques(schema.engine(), created, uniques);
    }
  }

  /** {@code DROP TABLE [IF EXISTS] name}. */
  public void execute(SqlDropTable drop, CalcitePrepare.Context context) {
    StoreSchema schema = schema(context);
    dropTable(schema, drop.name, drop.ifExists, false);
  }

  /** {@code DROP TABLE [IF EXISTS] name CASCADE}: also drops the views that read the table. */
  public void execute(SqlDropTableCascade drop, CalcitePrepare.Context context) {
    dropTable(schema(context), drop.name(), drop.ifExists(), true);
  }

  private static void dropTable(StoreSchema schema, SqlIdentifier identifier, boolean ifExists, boolean cascade) {
    String name = schema.names().lookupIfExists(identifier, table -> schema.engine().catalog().table(table).isPresent()
        || schema.engine().catalog().views().exists(table));
    if (name == null) {
      return;
    }
    schema.engine().catalog().table(name).ifPresent(schema.access()::checkOwner);
    new ViewCommand(schema.engine(), schema.access(), schema.names()).beforeDropTable(name, cascade);
    schema.engine().catalog().dropTable(name, ifExists);
  }

  /** {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON table (columns)}: builds it from the current rows. */
  public void execute(SqlCreateIndex create, CalcitePrepare.Context context) {
    // an index lives in its table's schema; its own name cannot be qualified
    String table = schema(context).names().table(create.table());
    List<String> columns = create.columns();
    String name = create.name() != null
        ? RelationNames.qualify(RelationNames.schemaOf(table), simpleName(create.name()))
        : table + "_" + String.join("_", columns) + "_idx";
    schema(context).engine().catalog().table(table).ifPresent(schema(context).access()::checkOwner);
    schema(context).engine().createIndex(name, table, columns, create.unique(), create.ifNotExists());
  }

  /** {@code DROP INDEX [IF EXISTS] name [, ...]}. */
  public void execute(SqlDropIndex drop, CalcitePrepare.Context context) {
    for (SqlIdentifier name : drop.names()) {
      StoreSchema schema = schema(context);
      String index = schema.names().lookupIfExists(name, n -> schema.engine().catalog().index(n).isPresent());
      if (index == null) {
        continue;
      }
      schema.engine().catalog().index(index)
          .flatMap(def -> schema.engine().catalog().table(def.tableName()))
          .ifPresent(schema.access()::checkOwner);
      schema.engine().dropIndex(index, drop.ifExists());
    }
  }

  /** {@code CREATE SEQUENCE}. */
  public void execute(SqlCreateSequence create, CalcitePrepare.Context context) {
    SequenceStatements.create(create, schema(context).engine().catalog(), schema(context).names());
  }

  /** {@code ALTER SEQUENCE}. */
  public void execute(SqlAlterSequence alter, CalcitePrepare.Context context) {
    SequenceStatements.alter(alter, schema(context).engine().catalog(), schema(context).names());
  }

  /** {@code DROP SEQUENCE | VIEW}. */
  public void execute(SqlDropObjects drop, CalcitePrepare.Context context) {
    if (drop.getKind() == SqlKind.DROP_SEQUENCE) {
      SequenceStatements.drop(drop, schema(context).engine().catalog(), schema(context).names());
    } else {
      new ViewCommand(schema(context).engine(), schema(context).access(), schema(context).names()).drop(drop);
    }
  }

  /** {@code CREATE [OR REPLACE] VIEW}. */
  public void execute(SqlCreatePgView create, CalcitePrepare.Context context) {
    throw new SqlStateException("0A000", "CREATE VIEW is not supported yet");
  }

  /** {@code CREATE SCHEMA}. */
  public void execute(SqlCreateSchema create, CalcitePrepare.Context context) {
    SchemaStatements.create(create, schema(context).access(), schema(context).engine().catalog());
  }

  /** {@code DROP SCHEMA}. */
  public void execute(SqlDropSchema drop, CalcitePrepare.Context context) {
    SchemaStatements.drop(drop, schema(context).access(), schema(context).engine().catalog());
  }

  /** {@code ALTER SCHEMA}. */
  public void execute(SqlAlterSchema alter, CalcitePrepare.Context context) {
    SchemaStatements.alter(alter, schema(context).access(), schema(context).engine().catalog());
  }

  /** {@code CREATE USER | ROLE}. */
  public void execute(SqlCreateRole create, CalcitePrepare.Context context) {
    RoleStatements.create(create, schema(context).access());
  }

  /** {@code ALTER USER | ROLE}. */
  public void execute(SqlAlterRole alter, CalcitePrepare.Context context) {
    RoleStatements.alter(alter, schema(context).access());
  }

  /** {@code DROP USER | ROLE}. */
  public void execute(SqlDropRole drop, CalcitePrepare.Context context) {
    RoleStatements.drop(drop, schema(context).access());
  }

  /** {@code GRANT | REVOKE role TO | FROM role}. */
  public void execute(SqlGrantRole grant, CalcitePrepare.Context context) {
    RoleStatements.grantRole(grant, schema(context).access());
  }

  /** {@code GRANT | REVOKE privileges ON tables TO | FROM grantees}. */
  public void execute(SqlGrantPrivileges grant, CalcitePrepare.Context context) {
    RoleStatements.grantPrivileges(grant, schema(context).access(), schema(context).engine().catalog(),
        schema(context).names());
  }

  static ColumnDef column(SqlColumnDeclaration declaration) {
    String name = simpleName(declaration.name);
    ColumnTypes.Declared declared;
    try {
      declared = ColumnTypes.fromSpec(declaration.dataType);
    } catch (IllegalArgumentException e) {
      throw new SqlStateException("42704", e.getMessage());
    }
    boolean nullable = declaration.strategy != ColumnStrategy.NOT_NULLABLE
        && !Boolean.FALSE.equals(declaration.dataType.getNullable());
    String defaultExpression = declaration.expression == null
        ? null : declaration.expression.toSqlString(DEFAULT_EXPRESSION_DIALECT).getSql();
    return ColumnDef.create(name, declared.type())
        .withPrecision(declared.precision(), declared.scale())
        .withNullable(nullable)
        .withDefault(defaultExpression);
  }

  static String simpleName(SqlIdentifier identifier) {
    if (identifier.names.size() == 2 && identifier.names.get(0).equals(StoreSchema.NAME)) {
      return identifier.names.get(1);
    }
    if (!identifier.isSimple()) {
      throw new SqlStateException("3F000", "schema \"" + identifier.names.get(0) + "\" does not exist");
    }
    return identifier.getSimple();
  }

  private static StoreSchema schema(CalcitePrepare.Context context) {
    CalciteSchema schema = context.getRootSchema().getSubSchema(StoreSchema.NAME, true);
    if (schema == null || !(schema.schema instanceof StoreSchema store)) {
      throw new IllegalStateException("no store schema in this connection");
    }
    return store;
  }
}
