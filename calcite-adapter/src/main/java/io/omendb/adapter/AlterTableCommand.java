package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.AlterTableAction;
import io.omendb.adapter.parser.SqlAlterTable;
import io.omendb.engine.Engine;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.mvcc.TableAlterations;
import io.omendb.engine.users.TableAcl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * Runs an {@code ALTER TABLE} inside the session's statement: checks ownership, then applies each action through
 * the engine ({@link TableAlterations}) in the order written. {@code ADD COLUMN ... DEFAULT} on a table with rows
 * fills them with an {@code UPDATE} in the statement's transaction (so a volatile default is evaluated per row, as
 * in PostgreSQL), and removes the column again if that fails. Actions already applied stay applied when a later one
 * fails: DDL is not transactional here.
 */
final class AlterTableCommand {
  private final Engine engine;
  private final SessionAccess access;
  private final Connection connection;

  AlterTableCommand(Engine engine, SessionAccess access, Connection connection) {
    this.engine = requireNonNull(engine, "engine");
    this.access = requireNonNull(access, "access");
    this.connection = requireNonNull(connection, "connection");
  }

  void execute(SqlAlterTable alter) throws SQLException {
    DdlNames names = connection.unwrap(org.apache.calcite.jdbc.CalciteConnection.class).getRootSchema()
        .getSubSchema(StoreSchema.NAME).unwrap(StoreSchema.class).names();
    String name = alter.ifExists()
        ? names.lookupIfExists(alter.name(), n -> engine.catalog().table(n).isPresent())
        : names.table(alter.name());
    TableDef table = name == null ? null : engine.catalog().table(name).orElse(null);
    if (table == null) {
      if (alter.ifExists()) {
        return;
      }
      throw new SqlStateException("42P01", "relation \"" + RelationNames.nameOf(name) + "\" does not exist");
    }
    access.checkOwner(table);
    for (AlterTableAction action : alter.actions()) {
      name = apply(name, action);
    }
  }

  /** Applies one action to the table named {@code name}; returns the table's name afterwards. */
  private String apply(String name, AlterTableAction action) throws SQLException {
    TableAlterations alterations = engine.alterations();
    if (action instanceof AlterTableAction.AddColumn add) {
      addColumn(name, add);
    } else if (action instanceof AlterTableAction.DropColumn drop) {
      String column = drop.name().getSimple();
      if (!(drop.ifExists() && table(name).columnIndex(column) < 0)) {
        alterations.dropColumn(name, column);
      }
    } else if (action instanceof AlterTableAction.SetDefault set) {
      String text = set.expression() == null ? null
          : set.expression().toSqlString(PostgresqlSqlDialect.DEFAULT).getSql();
      alterations.alterColumn(name, set.column().getSimple(), column -> column.withDefault(text));
    } else if (action instanceof AlterTableAction.SetNotNull set) {
      alterations.alterColumn(name, set.column().getSimple(), column -> column.withNullable(!set.notNull()));
    } else if (action instanceof AlterTableAction.SetType set) {
      setType(name, set);
    } else if (action instanceof AlterTableAction.AddConstraint add) {
      List<String> columns = add.columns().stream().map(SqlIdentifier::getSimple).toList();
      // constraints (and their indexes) live in the table's schema
      String constraint = add.name() == null ? null
          : RelationNames.withSchema(add.name().getSimple(), RelationNames.schemaOf(name));
      if (add.primaryKey()) {
        alterations.addPrimaryKey(name, columns, constraint);
      } else {
        alterations.addUnique(name, columns,
            constraint != null ? constraint : TableConstraints.defaultName(name, columns));
      }
    } else if (action instanceof AlterTableAction.DropConstraint drop) {
      alterations.dropConstraint(name,
          RelationNames.withSchema(drop.name().getSimple(), RelationNames.schemaOf(name)), drop.ifExists());
    } else if (action instanceof AlterTableAction.RenameColumn rename) {
      alterations.renameColumn(name, rename.from().getSimple(), rename.to().getSimple());
    } else if (action instanceof AlterTableAction.RenameTable rename) {
      // the table stays in its schema
      String renamed = RelationNames.withSchema(rename.to().getSimple(), RelationNames.schemaOf(name));
      alterations.renameTable(name, renamed);
      return renamed;
    } else if (action instanceof AlterTableAction.OwnerTo owner) {
      ownerTo(table(name), owner.role().getSimple());
    }
    return name;
  }

  private void addColumn(String name, AlterTableAction.AddColumn add) throws SQLException {
    if (add.primaryKey()) {
      throw new SqlStateException("0A000", "ADD COLUMN ... PRIMARY KEY is not supported yet; add the column, then "
          + "ADD PRIMARY KEY");
    }
    ColumnDef column = StoreDdlExecutor.column(add.column());
    TableDef table = table(name);
    if (table.columnIndex(column.name()) >= 0 && add.ifNotExists()) {
      return;
    }
    boolean hasRows = engine.estimatedRowCount(table) > 0;
    if (hasRows && !column.nullable() && column.defaultExpression() == null) {
      throw new SqlStateException("23502",
          "column \"" + column.name() + "\" of relation \"" + RelationNames.nameOf(name) + "\" contains null values");
    }
    TableAlterations alterations = engine.alterations();
    if (!hasRows || column.defaultExpression() == null) {
      alterations.addColumn(name, column);
      return;
    }
    // Existing rows get the default: add the column nullable, fill it, then declare it as written.
    alterations.addColumn(name, column.withNullable(true));
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE " + qualified(name) + " SET " + quote(column.name()) + " = "
          + column.defaultExpression());
      if (!column.nullable()) {
        alterations.alterColumn(name, column.name(), c -> c.withNullable(false), false);
      }
    } catch (SQLException | RuntimeException e) {
      alterations.dropColumn(name, column.name());
      throw e;
    }
  }

  private void setType(String name, AlterTableAction.SetType set) {
    TableDef table = table(name);
    String columnName = set.column().getSimple();
    int index = table.columnIndex(columnName);
    if (index < 0) {
      throw new SqlStateException("42703",
          "column \"" + columnName + "\" of relation \"" + RelationNames.nameOf(name) + "\" does not exist");
    }
    ColumnTypes.Declared declared;
    try {
      declared = ColumnTypes.fromSpec(set.type());
    } catch (IllegalArgumentException e) {
      throw new SqlStateException("42704", e.getMessage());
    }
    ColumnDef column = table.columns().get(index);
    boolean widens = declared.type() == column.type() && declared.scale() == column.scale()
        && (declared.precision() < 0 || (column.precision() >= 0 && declared.precision() >= column.precision()));
    if (!widens || set.using() != null) {
      throw new SqlStateException("0A000",
          "ALTER COLUMN ... TYPE is supported only to widen a length or precision (no USING) yet");
    }
    engine.alterations().alterColumn(name, columnName,
        c -> c.withPrecision(declared.precision(), declared.scale()));
  }

  private void ownerTo(TableDef table, String owner) {
    if (access.enforced() && access.roles().role(owner).isEmpty()) {
      throw new SqlStateException("42704", "role \"" + owner + "\" does not exist");
    }
    if (!access.isSuperuser() && !access.roles().effectiveRoles(access.user()).contains(owner)) {
      throw new SqlStateException("42501", "must be able to SET ROLE \"" + owner + "\"");
    }
    TableAcl acl = access.roles().acl(table.id()).orElse(TableAcl.create(table.id(), owner));
    access.roles().putAcl(acl.withOwner(owner));
  }

  private TableDef table(String name) {
    return engine.catalog().table(name).orElseThrow(
        () -> new SqlStateException("42P01", "relation \"" + RelationNames.nameOf(name) + "\" does not exist"));
  }

  /** The table with this engine name as SQL text names it wherever the search path stands: schema-qualified. */
  private static String qualified(String name) {
    return quote(RelationNames.schemaOf(name)) + "." + quote(RelationNames.nameOf(name));
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
