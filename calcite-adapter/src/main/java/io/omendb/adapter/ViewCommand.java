package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.SqlAlterView;
import io.omendb.adapter.parser.SqlCreatePgView;
import io.omendb.adapter.parser.SqlDropObjects;
import io.omendb.engine.Engine;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.RelationNames;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.ViewDef;
import io.omendb.engine.users.TableAcl;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Hook;
import io.omendb.adapter.parser.SqlReturning;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code CREATE [OR REPLACE] VIEW}, {@code DROP VIEW} and what views change for {@code DROP TABLE}: the query is
 * prepared (not run) through the session's connection, which validates it and yields its columns and the
 * relations it reads; the catalog stores the query's text and those columns.
 */
final class ViewCommand {
  private final Engine engine;
  private final SessionAccess access;
  private final DdlNames names;

  /** Runs view DDL of a session whose privileges are {@code access} and whose search path {@code names} follows. */
  ViewCommand(Engine engine, SessionAccess access, DdlNames names) {
    this.engine = requireNonNull(engine, "engine");
    this.access = requireNonNull(access, "access");
    this.names = requireNonNull(names, "names");
  }

  /** Runs {@code CREATE [OR REPLACE] VIEW} or {@code ALTER VIEW}. */
  void execute(SqlNode node, CalciteConnection connection) throws SQLException {
    if (node instanceof SqlCreatePgView create) {
      create(create, connection);
    } else if (node instanceof SqlAlterView alter) {
      alter(alter);
    } else {
      throw new IllegalArgumentException("not a view statement: " + node.getKind());
    }
  }

  /**
   * {@code ALTER VIEW [IF EXISTS] name RENAME TO new_name | OWNER TO role}. A view that other views read cannot be
   * renamed (0A000): their stored queries name it.
   */
  void alter(SqlAlterView alter) {
    String name = names.lookupIfExists(alter.name(), relation -> engine.catalog().views().exists(relation)
        || isOtherRelation(relation));
    Optional<ViewDef> view = name == null ? Optional.empty() : engine.catalog().views().view(name);
    if (view.isEmpty()) {
      if (name != null && isOtherRelation(name)) {
        throw notA(name, "view");
      }
      if (alter.ifExists()) {
        return;
      }
      throw new SqlStateException("42P01", "relation \""
          + alter.name().names.get(alter.name().names.size() - 1) + "\" does not exist");
    }
    checkOwner(view.get());
    if (alter.newName() != null) {
      if (!engine.catalog().views().dependents(view.get().id()).isEmpty()) {
        throw new SqlStateException("0A000", "cannot rename view " + RelationNames.nameOf(name)
            + " because other views depend on it");
      }
      String renamed = RelationNames.withSchema(alter.newName(), RelationNames.schemaOf(name));
      try {
        engine.catalog().views().rename(name, renamed);
      } catch (io.omendb.engine.catalog.CatalogException e) {
        throw new SqlStateException("42P07", "relation \"" + alter.newName() + "\" already exists");
      }
      return;
    }
    String owner = alter.owner();
    if (access.enforced() && access.roles().role(owner).isEmpty()) {
      throw new SqlStateException("42704", "role \"" + owner + "\" does not exist");
    }
    if (!access.isSuperuser() && !access.roles().effectiveRoles(access.user()).contains(owner)) {
      throw new SqlStateException("42501", "must be able to SET ROLE \"" + owner + "\"");
    }
    int id = view.get().id();
    access.roles().putAcl(access.roles().acl(id).orElse(TableAcl.create(id, owner)).withOwner(owner));
  }

  /** {@code CREATE [OR REPLACE] VIEW name [(column, ...)] AS query}. */
  void create(SqlCreatePgView create, CalciteConnection connection) throws SQLException {
    String name = names.forCreate(create.name());
    Catalog catalog = engine.catalog();
    List<RelNode> converted = new ArrayList<>();
    List<Integer> dependsOn;
    List<String> labels = new ArrayList<>();
    List<RelDataType> fallback = new ArrayList<>();
    RelDataTypeFactory types = connection.getTypeFactory();
    ViewExpansion expansion = access.views();
    expansion.startRecording();
    try (Hook.Closeable ignored = Hook.CONVERTED.addThread((Consumer<RelNode>) converted::add);
        PreparedStatement prepared = connection.prepareStatement(create.queryText())) {
      ResultSetMetaData metaData = prepared.getMetaData();
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        labels.add(metaData.getColumnLabel(i));
        fallback.add(jdbcType(metaData, i, types));
      }
    } finally {
      dependsOn = expansion.stopRecording();
    }
    // the converted plan has the query's exact types; a constant query Calcite runs without converting has none
    List<RelDataType> queryTypes = converted.isEmpty()
        || converted.get(0).getRowType().getFieldCount() != labels.size() ? fallback
        : converted.get(0).getRowType().getFieldList().stream().map(RelDataTypeField::getType).toList();
    List<String> declared = create.columnNames();
    if (declared.size() > labels.size()) {
      throw new SqlStateException("42601", "CREATE VIEW specifies more column names than columns");
    }
    List<String> pgNames = ViewColumnNames.of(create.query(), labels);
    List<ColumnDef> columns = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      String column = i < declared.size() ? declared.get(i) : pgNames.get(i);
      columns.add(column(column, queryTypes.get(i), types));
    }
    Optional<ViewDef> existing = catalog.views().view(name);
    if (existing.isEmpty() && create.replace() && isOtherRelation(name)) {
      throw notA(name, "view");
    }
    if (existing.isPresent()) {
      if (!create.replace()) {
        throw new SqlStateException("42P07", "relation \"" + RelationNames.nameOf(name) + "\" already exists");
      }
      checkOwner(existing.get());
      checkReplacement(existing.get(), columns);
    }
    ViewDef view;
    try {
      view = catalog.views().create(ViewDef.create(name, columns, create.queryText(), dependsOn), create.replace());
    } catch (io.omendb.engine.catalog.CatalogException e) {
      throw SqlErrors.toSqlException(e);
    }
    if (existing.isEmpty()) {
      access.roles().putAcl(TableAcl.create(view.id(), access.user()));
    }
  }

  /**
   * Refuses INSERT, UPDATE and DELETE (also with RETURNING) whose target is a view: views are read-only here, where
   * PostgreSQL would write through a simple one (0A000); TRUNCATE of a view is 42809, as in PostgreSQL.
   */
  static void checkWritable(SqlNode node, Catalog catalog) {
    SqlNode statement = node instanceof SqlReturning returning ? returning.dml() : node;
    SqlNode target;
    String verb;
    if (statement instanceof io.omendb.adapter.parser.SqlTruncate truncate
        && truncate.getTargetTable() instanceof SqlIdentifier identifier
        && catalog.views().exists(engineName(identifier))) {
      throw new SqlStateException("42809", "\"" + identifier.names.get(identifier.names.size() - 1)
          + "\" is not a table");
    }
    if (statement instanceof SqlInsert insert) {
      target = insert.getTargetTable();
      verb = "insert into";
    } else if (statement instanceof SqlUpdate update) {
      target = update.getTargetTable();
      verb = "update";
    } else if (statement instanceof SqlDelete delete) {
      target = delete.getTargetTable();
      verb = "delete from";
    } else {
      return;
    }
    if (target instanceof SqlIdentifier identifier) {
      String name = identifier.names.get(identifier.names.size() - 1);
      if (catalog.views().exists(engineName(identifier))) {
        throw new SqlStateException("0A000", "cannot " + verb + " view \"" + name + "\": views are read-only");
      }
    }
  }

  /** The engine name of a written name; an unqualified one is taken as in public, where views live by default. */
  private static String engineName(SqlIdentifier identifier) {
    String name = identifier.names.get(identifier.names.size() - 1);
    return identifier.names.size() == 2 ? RelationNames.qualify(identifier.names.get(0), name) : name;
  }

  /** {@code DROP VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
  void drop(SqlDropObjects drop) {
    List<ViewDef> targets = new ArrayList<>();
    for (SqlIdentifier identifier : drop.names()) {
      String name = names.lookup(identifier, relation -> engine.catalog().views().exists(relation)
          || isOtherRelation(relation));
      Optional<ViewDef> view = engine.catalog().views().view(name);
      if (view.isEmpty()) {
        if (isOtherRelation(name)) {
          throw notA(name, "view");
        }
        if (drop.ifExists()) {
          continue;
        }
        throw new SqlStateException("42P01", "view \"" + RelationNames.nameOf(name) + "\" does not exist");
      }
      checkOwner(view.get());
      targets.add(view.get());
    }
    Map<Integer, ViewDef> dropping = new LinkedHashMap<>();
    for (ViewDef target : targets) {
      collect(target, drop.cascade(), "view", targets, dropping);
    }
    dropping.values().forEach(this::dropView);
  }

  /**
   * Before {@code DROP TABLE name}: refuses a view (42809); drops the views that read the table with
   * {@code cascade}, else refuses if there are any (2BP01), as PostgreSQL does.
   */
  void beforeDropTable(String name, boolean cascade) {
    if (engine.catalog().views().exists(name)) {
      throw notA(name, "table");
    }
    Optional<TableDef> table = engine.catalog().table(name);
    if (table.isEmpty()) {
      return;
    }
    Map<Integer, ViewDef> dropping = new LinkedHashMap<>();
    for (ViewDef dependent : engine.catalog().views().dependents(table.get().id())) {
      if (!cascade) {
        throw dependedOn("table", name);
      }
      collect(dependent, true, "view", List.of(), dropping);
    }
    dropping.values().forEach(this::dropView);
  }

  /**
   * Adds {@code view} to {@code dropping} after the views that read it (which only {@code cascade} drops, or the
   * statement itself when they are among its {@code targets}).
   */
  private void collect(ViewDef view, boolean cascade, String kind, List<ViewDef> targets,
      Map<Integer, ViewDef> dropping) {
    if (dropping.containsKey(view.id())) {
      return;
    }
    for (ViewDef dependent : engine.catalog().views().dependents(view.id())) {
      boolean named = targets.stream().anyMatch(target -> target.id() == dependent.id());
      if (!cascade && !named) {
        throw dependedOn(kind, view.name());
      }
      collect(dependent, cascade, kind, targets, dropping);
    }
    dropping.put(view.id(), view);
  }

  private void dropView(ViewDef view) {
    engine.catalog().views().drop(view.name());
    engine.roles().tableDropped(view.relation());
    engine.comments().tableDropped(view.relation());
  }

  private void checkOwner(ViewDef view) {
    if (!access.isSuperuser() && !access.roles().isOwner(access.user(), view.id())) {
      throw new SqlStateException("42501", "must be owner of view " + RelationNames.nameOf(view.name()));
    }
  }

  /** PostgreSQL's rule for OR REPLACE: the old columns stay, with their names and types; new ones may follow. */
  private static void checkReplacement(ViewDef old, List<ColumnDef> columns) {
    if (columns.size() < old.columns().size()) {
      throw new SqlStateException("42P16", "cannot drop columns from view");
    }
    for (int i = 0; i < old.columns().size(); i++) {
      ColumnDef before = old.columns().get(i);
      ColumnDef after = columns.get(i);
      if (!before.name().equals(after.name())) {
        throw new SqlStateException("42P16",
            "cannot change name of view column \"" + before.name() + "\" to \"" + after.name() + "\"");
      }
      if (before.type() != after.type() || before.precision() != after.precision()
          || before.scale() != after.scale()) {
        throw new SqlStateException("42P16", "cannot change data type of view column \"" + before.name()
            + "\" from " + typeName(before) + " to " + typeName(after));
      }
    }
  }

  /** The column a view stores for a query column of {@code type}; 0A000 for a type no table column can have. */
  static ColumnDef column(String name, RelDataType type, RelDataTypeFactory types) {
    SqlTypeName sqlType = switch (type.getSqlTypeName()) {
      case TINYINT -> SqlTypeName.SMALLINT;
      case FLOAT -> SqlTypeName.DOUBLE;
      case BINARY -> SqlTypeName.VARBINARY;
      default -> type.getSqlTypeName();
    };
    for (ColumnType candidate : ColumnType.values()) {
      RelDataType plain;
      try {
        plain = ColumnTypes.toRelType(types, ColumnDef.create(name, candidate));
      } catch (RuntimeException e) {
        continue;
      }
      if (plain.getSqlTypeName() != sqlType) {
        continue;
      }
      int precision = -1;
      int scale = -1;
      if (candidate == ColumnType.CHAR
          || sqlType.allowsPrec() && type.getPrecision() != plain.getPrecision() && type.getPrecision() > 0) {
        precision = type.getPrecision();
      }
      if (sqlType.allowsScale() && type.getScale() != plain.getScale() && type.getScale() >= 0) {
        scale = type.getScale();
        precision = type.getPrecision();
      }
      return ColumnDef.create(name, candidate).withPrecision(precision, scale).withNullable(type.isNullable());
    }
    throw new SqlStateException("0A000", "a view column of type " + type.getFullTypeString().toLowerCase(
        java.util.Locale.ROOT) + " is not supported yet");
  }

  /** The Calcite type of a result column as JDBC describes it. */
  private static RelDataType jdbcType(ResultSetMetaData metaData, int i, RelDataTypeFactory types)
      throws SQLException {
    SqlTypeName name = "UUID".equalsIgnoreCase(metaData.getColumnTypeName(i)) ? SqlTypeName.UUID
        : SqlTypeName.getNameForJdbcType(metaData.getColumnType(i));
    if (name == null) {
      name = SqlTypeName.ANY;
    }
    int precision = metaData.getPrecision(i);
    int scale = metaData.getScale(i);
    RelDataType type = name.allowsPrecScale(true, true) && precision > 0 ? types.createSqlType(name, precision, scale)
        : name.allowsPrecScale(true, false) && precision > 0 ? types.createSqlType(name, precision)
        : types.createSqlType(name);
    return types.createTypeWithNullability(type, metaData.isNullable(i) != ResultSetMetaData.columnNoNulls);
  }

  private static String typeName(ColumnDef column) {
    String base = switch (column.type()) {
      case BOOLEAN -> "boolean";
      case SMALLINT -> "smallint";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case REAL -> "real";
      case DOUBLE -> "double precision";
      case DECIMAL -> "numeric";
      case VARCHAR -> column.precision() > 0 ? "character varying" : "text";
      case CHAR -> "character";
      case VARBINARY -> "bytea";
      case DATE -> "date";
      case TIME -> "time without time zone";
      case TIMESTAMP -> "timestamp without time zone";
      default -> column.type().name().toLowerCase(java.util.Locale.ROOT);
    };
    if (column.precision() > 0 && column.type() == ColumnType.DECIMAL) {
      return base + "(" + column.precision() + "," + Math.max(column.scale(), 0) + ")";
    }
    return column.precision() > 0 && (column.type() == ColumnType.VARCHAR || column.type() == ColumnType.CHAR)
        ? base + "(" + column.precision() + ")" : base;
  }

  private boolean isOtherRelation(String name) {
    Catalog catalog = engine.catalog();
    return catalog.table(name).isPresent() || catalog.index(name).isPresent() || catalog.sequences().exists(name);
  }

  private static SqlStateException notA(String name, String kind) {
    return new SqlStateException("42809", "\"" + RelationNames.nameOf(name) + "\" is not a " + kind);
  }

  private static SqlStateException dependedOn(String kind, String name) {
    return new SqlStateException("2BP01",
        "cannot drop " + kind + " " + RelationNames.nameOf(name) + " because other objects depend on it");
  }
}
