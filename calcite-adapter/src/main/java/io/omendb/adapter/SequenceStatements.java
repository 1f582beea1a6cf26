package io.omendb.adapter;

import io.omendb.adapter.parser.SequenceOptions;
import io.omendb.adapter.parser.SqlAlterSequence;
import io.omendb.adapter.parser.SqlCreateSequence;
import io.omendb.adapter.parser.SqlDropObjects;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.SequenceDef;
import io.omendb.engine.catalog.SequenceException;
import io.omendb.engine.catalog.TableDef;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * {@code CREATE | ALTER | DROP SEQUENCE}: turns the parsed options into the engine's {@link SequenceDef} with
 * PostgreSQL's defaults and checks, and maps the engine's sequence errors to SQLSTATEs.
 */
final class SequenceStatements {
  private SequenceStatements() {}

  static void create(SqlCreateSequence create, Catalog catalog) {
    create(create, catalog, new DdlNames(catalog, java.util.List.of(StoreSchema.NAME)));
  }

  static void create(SqlCreateSequence create, Catalog catalog, DdlNames names) {
    String name = names.forCreate(create.name());
    SequenceDef def = define(SequenceDef.create(name), create.options(), false);
    def = withOwner(def, create.options(), catalog, names);
    try {
      catalog.sequences().create(def, create.ifNotExists());
    } catch (SequenceException e) {
      throw toSqlState(e);
    }
  }

  static void alter(SqlAlterSequence alter, Catalog catalog) {
    alter(alter, catalog, new DdlNames(catalog, java.util.List.of(StoreSchema.NAME)));
  }

  static void alter(SqlAlterSequence alter, Catalog catalog, DdlNames names) {
    String name = names.sequence(alter.name());
    SequenceDef current = catalog.sequences().sequence(name).orElse(null);
    if (current == null) {
      if (alter.ifExists()) {
        return;
      }
      throw new SqlStateException("42P01", "relation \"" + name + "\" does not exist");
    }
    SequenceOptions options = alter.options();
    SequenceDef def = withOwner(define(current, options, true), options, catalog, names);
    Long restart = null;
    if (options.restart()) {
      restart = options.restartValue() != null ? options.restartValue() : def.start();
    }
    try {
      catalog.sequences().alter(def, restart);
    } catch (SequenceException e) {
      throw toSqlState(e);
    }
  }

  static void drop(SqlDropObjects drop, Catalog catalog) {
    drop(drop, catalog, new DdlNames(catalog, java.util.List.of(StoreSchema.NAME)));
  }

  static void drop(SqlDropObjects drop, Catalog catalog, DdlNames names) {
    java.util.List<String> dropped = new java.util.ArrayList<>();
    for (SqlIdentifier identifier : drop.names()) {
      String name = names.lookupIfExists(identifier, catalog.sequences()::exists);
      if (name == null || catalog.sequences().sequence(name).isEmpty()) {
        if (drop.ifExists()) {
          continue;
        }
        throw new SqlStateException("42P01",
            "sequence \"" + io.omendb.engine.catalog.RelationNames.nameOf(name) + "\" does not exist");
      }
      if (!drop.cascade()) {
        checkNoDependentDefault(name, catalog);
      }
      dropped.add(name);
    }
    for (String name : dropped) {
      catalog.sequences().drop(name, true);
    }
  }

  /**
   * Refuses to drop a sequence that a column default calls (a serial column's, or one written by hand), as
   * PostgreSQL's dependency on the default does; dropping the owning table drops the sequence with it.
   */
  private static void checkNoDependentDefault(String sequence, Catalog catalog) {
    String call = ("nextval('" + DdlNames.text(sequence) + "'").replace("\"", "").toLowerCase(Locale.ROOT);
    for (TableDef table : catalog.tables()) {
      for (ColumnDef column : table.columns()) {
        String expression = column.defaultExpression();
        // a default written by hand is stored as Calcite prints it: "nextval"('s')
        String normalized = expression == null ? ""
            : expression.replace(" ", "").replace("\"", "").toLowerCase(Locale.ROOT);
        if (normalized.contains(call)) {
          throw new SqlStateException("2BP01", "cannot drop sequence " + sequence
              + " because other objects depend on it\n  Detail: default value for column " + column.name()
              + " of table " + table.name() + " depends on sequence " + sequence
              + "\n  Hint: Use DROP ... CASCADE to drop the dependent objects too.");
        }
      }
    }
  }

  /**
   * {@code base} with the options applied, as PostgreSQL's {@code init_params} does: on CREATE (and for an identity
   * column) the bounds and start follow the type and the direction; on ALTER a bound at its type's limit follows a
   * change of type.
   */
  static SequenceDef define(SequenceDef base, SequenceOptions options, boolean alter) {
    ColumnType type = base.type();
    if (options.type() != null) {
      type = sequenceType(options.type().getTypeName().getSimple());
    }
    long increment = options.increment() != null ? options.increment() : base.increment();
    if (increment == 0) {
      throw new SqlStateException("22023", "INCREMENT must not be zero");
    }
    boolean ascending = increment > 0;
    long max;
    if (options.maxValue() != null) {
      max = options.maxValue();
    } else if (!alter || options.noMaxValue()
        || (type != base.type() && base.maxValue() == SequenceDef.typeMax(base.type()))) {
      max = ascending ? SequenceDef.typeMax(type) : -1;
    } else {
      max = base.maxValue();
    }
    long min;
    if (options.minValue() != null) {
      min = options.minValue();
    } else if (!alter || options.noMinValue()
        || (type != base.type() && base.minValue() == SequenceDef.typeMin(base.type()))) {
      min = ascending ? 1 : SequenceDef.typeMin(type);
    } else {
      min = base.minValue();
    }
    long start;
    if (options.start() != null) {
      start = options.start();
    } else if (alter) {
      start = base.start();
    } else {
      start = ascending ? min : max;
    }
    long cache = options.cache() != null ? options.cache() : base.cache();
    boolean cycle = options.cycle() != null ? options.cycle() : base.cycle();
    return new SequenceDef(base.id(), base.name(), type, increment, min, max, start, cache, cycle,
        base.ownedByTable(), base.ownedByColumn(), base.identity());
  }

  /** {@code def} with the owner named by {@code OWNED BY}, which must be a column of an existing table. */
  private static SequenceDef withOwner(SequenceDef def, SequenceOptions options, Catalog catalog, DdlNames names) {
    if (options.ownedByNone()) {
      return def.withOwner(null, null);
    }
    SqlIdentifier owner = options.ownedBy();
    if (owner == null) {
      return def;
    }
    List<String> parts = owner.names;
    if (parts.size() < 2) {
      throw new SqlStateException("42601", "invalid OWNED BY option\n  Hint: Specify OWNED BY table.column or "
          + "OWNED BY NONE.");
    }
    String tableName = names.table(new SqlIdentifier(parts.subList(0, parts.size() - 1), owner.getParserPosition()));
    String column = parts.get(parts.size() - 1);
    TableDef table = catalog.table(tableName).orElseThrow(() -> new SqlStateException("42P01",
        "relation \"" + io.omendb.engine.catalog.RelationNames.nameOf(tableName) + "\" does not exist"));
    if (table.columnIndex(column) < 0) {
      throw new SqlStateException("42703", "column \"" + column + "\" of relation \""
          + io.omendb.engine.catalog.RelationNames.nameOf(tableName) + "\" does not exist");
    }
    return def.withOwner(tableName, column);
  }

  /** The type of {@code AS type}: smallint, integer or bigint. */
  static ColumnType sequenceType(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "SMALLINT", "INT2" -> ColumnType.SMALLINT;
      case "INTEGER", "INT", "INT4" -> ColumnType.INTEGER;
      case "BIGINT", "INT8" -> ColumnType.BIGINT;
      default -> throw new SqlStateException("22023", "sequence type must be smallint, integer, or bigint");
    };
  }

  /** The SQLSTATE error of an engine sequence error. */
  static SqlStateException toSqlState(SequenceException e) {
    String state = switch (e.kind()) {
      case LIMIT_REACHED -> "2200H";
      case OUT_OF_BOUNDS -> "22003";
      case INVALID_PARAMETER -> "22023";
    };
    return new SqlStateException(state, e.getMessage());
  }
}
