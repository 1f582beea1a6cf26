package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.SequenceOptions;
import io.omendb.adapter.parser.SqlIdentitySpec;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.SequenceDef;
import io.omendb.engine.catalog.SequenceException;
import io.omendb.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;

/**
 * The {@code serial} and identity columns of one {@code CREATE TABLE}, as PostgreSQL makes them: each gets a
 * sequence named {@code <table>_<column>_seq} (numbered if that name is taken), owned by the column, and the column
 * becomes NOT NULL with the default {@code nextval('<sequence>'::regclass)}. The sequences are created once the
 * table exists.
 */
final class GeneratedColumns {
  private final String table;
  private final Catalog catalog;
  private final List<SequenceDef> pending = new ArrayList<>();
  private final Set<String> chosen = new HashSet<>();

  GeneratedColumns(String table, Catalog catalog) {
    this.table = requireNonNull(table, "table");
    this.catalog = requireNonNull(catalog, "catalog");
  }

  /** The column to store for a serial or identity declaration, or null for any other column. */
  ColumnDef column(SqlColumnDeclaration declaration) {
    String name = DdlNames.simple(declaration.name);
    ColumnType serial = serialType(declaration.dataType.getTypeNameSpec());
    if (serial != null) {
      SequenceDef sequence = SequenceStatements.define(
          withType(SequenceDef.create(sequenceName(name)), serial), new SequenceOptions(), false);
      return add(name, serial, sequence);
    }
    if (declaration.expression instanceof SqlIdentitySpec identity) {
      ColumnType type;
      try {
        type = ColumnTypes.fromSpec(declaration.dataType).type();
      } catch (IllegalArgumentException e) {
        throw new SqlStateException("42704", e.getMessage());
      }
      if (type != ColumnType.SMALLINT && type != ColumnType.INTEGER && type != ColumnType.BIGINT) {
        throw new SqlStateException("22023", "identity column type must be smallint, integer, or bigint");
      }
      SequenceDef base = withType(SequenceDef.create(sequenceName(name)), type);
      if (identity.options().type() != null) {
        throw new SqlStateException("42601", "AS type cannot be given for the sequence of an identity column");
      }
      SequenceDef sequence = SequenceStatements.define(base, identity.options(), false)
          .withIdentity(identity.always() ? SequenceDef.Identity.ALWAYS : SequenceDef.Identity.BY_DEFAULT);
      return add(name, type, sequence);
    }
    return null;
  }

  /** Creates the sequences of the columns seen, owned by {@code created}'s columns. */
  void createSequences(TableDef created) {
    for (SequenceDef sequence : pending) {
      try {
        catalog.sequences().create(sequence.withOwner(created.name(), sequence.ownedByColumn()), false);
      } catch (SequenceException e) {
        throw SequenceStatements.toSqlState(e);
      }
    }
  }

  private ColumnDef add(String column, ColumnType type, SequenceDef sequence) {
    pending.add(sequence.withOwner(table, column));
    return ColumnDef.create(column, type).withNullable(false)
        .withDefault("nextval('" + DdlNames.text(sequence.name()) + "'::regclass)");
  }

  /** A sequence name not yet taken: {@code table_column_seq}, else with 1, 2, ... appended. */
  private String sequenceName(String column) {
    String base = table + "_" + column + "_seq";
    String name = base;
    for (int i = 1; taken(name); i++) {
      name = base + i;
    }
    chosen.add(name);
    return name;
  }

  private boolean taken(String name) {
    return chosen.contains(name) || catalog.table(name).isPresent() || catalog.index(name).isPresent()
        || catalog.sequences().exists(name);
  }

  private static SequenceDef withType(SequenceDef def, ColumnType type) {
    return new SequenceDef(def.id(), def.name(), type, def.increment(), def.minValue(), SequenceDef.typeMax(type),
        def.start(), def.cache(), def.cycle(), def.ownedByTable(), def.ownedByColumn(), def.identity());
  }

  /** The column type of {@code serial}, {@code bigserial} or {@code smallserial} (and serial2/4/8), else null. */
  private static ColumnType serialType(SqlTypeNameSpec spec) {
    if (!(spec instanceof SqlUserDefinedTypeNameSpec) || !spec.getTypeName().isSimple()) {
      return null;
    }
    return switch (spec.getTypeName().getSimple().toLowerCase(Locale.ROOT)) {
      case "serial", "serial4" -> ColumnType.INTEGER;
      case "bigserial", "serial8" -> ColumnType.BIGINT;
      case "smallserial", "serial2" -> ColumnType.SMALLINT;
      default -> null;
    };
  }
}
