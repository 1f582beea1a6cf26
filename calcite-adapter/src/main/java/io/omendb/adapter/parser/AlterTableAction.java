package io.omendb.adapter.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;

/** One action of an {@code ALTER TABLE}: what the grammar read, checked when the statement runs. */
public sealed interface AlterTableAction {

  /**
   * {@code ADD [COLUMN] [IF NOT EXISTS] name type [NOT NULL] [DEFAULT expr]}; {@code primaryKey} if the column was
   * declared {@code PRIMARY KEY}.
   */
  record AddColumn(SqlColumnDeclaration column, boolean ifNotExists, boolean primaryKey) implements AlterTableAction {
    public AddColumn {
      requireNonNull(column, "column");
    }
  }

  /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}. */
  record DropColumn(SqlIdentifier name, boolean ifExists) implements AlterTableAction {
    public DropColumn {
      requireNonNull(name, "name");
    }
  }

  /** {@code ALTER [COLUMN] name SET DEFAULT expr} ({@code expression} set) or {@code DROP DEFAULT} (null). */
  record SetDefault(SqlIdentifier column, SqlNode expression) implements AlterTableAction {
    public SetDefault {
      requireNonNull(column, "column");
    }
  }

  /** {@code ALTER [COLUMN] name SET NOT NULL} ({@code notNull}) or {@code DROP NOT NULL}. */
  record SetNotNull(SqlIdentifier column, boolean notNull) implements AlterTableAction {
    public SetNotNull {
      requireNonNull(column, "column");
    }
  }

  /** {@code ALTER [COLUMN] name [SET DATA] TYPE type [USING expr]}. */
  record SetType(SqlIdentifier column, SqlDataTypeSpec type, SqlNode using) implements AlterTableAction {
    public SetType {
      requireNonNull(column, "column");
      requireNonNull(type, "type");
    }
  }

  /** {@code ADD [CONSTRAINT name] PRIMARY KEY (columns)} ({@code primaryKey}) or {@code ... UNIQUE (columns)}. */
  record AddConstraint(SqlIdentifier name, boolean primaryKey, List<SqlIdentifier> columns)
      implements AlterTableAction {
    public AddConstraint {
      columns = List.copyOf(requireNonNull(columns, "columns"));
    }
  }

  /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE | RESTRICT]}. */
  record DropConstraint(SqlIdentifier name, boolean ifExists) implements AlterTableAction {
    public DropConstraint {
      requireNonNull(name, "name");
    }
  }

  /** {@code RENAME [COLUMN] from TO to}. */
  record RenameColumn(SqlIdentifier from, SqlIdentifier to) implements AlterTableAction {
    public RenameColumn {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
    }
  }

  /** {@code RENAME TO name}. */
  record RenameTable(SqlIdentifier to) implements AlterTableAction {
    public RenameTable {
      requireNonNull(to, "to");
    }
  }

  /** {@code OWNER TO role}. */
  record OwnerTo(SqlIdentifier role) implements AlterTableAction {
    public OwnerTo {
      requireNonNull(role, "role");
    }
  }
}
