package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.SqlPgExplain;
import io.omendb.engine.catalog.Catalog;
import io.omendb.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * PostgreSQL's locking clause, {@code SELECT ... FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF t, ...]
 * [NOWAIT]}: cut out of a top-level SELECT's text (Calcite's grammar has no place for it) and resolved to the tables
 * whose rows the statement's reads lock in its transaction (see the engine's {@code Transaction.lock}). UPDATE and NO
 * KEY UPDATE take exclusive locks, SHARE and KEY SHARE shared ones. Nothing ever waits, so NOWAIT changes nothing;
 * SKIP LOCKED, which needs to see other transactions' locks, answers 0A000.
 */
final class RowLocking {
  private static final String NOT_SUPPORTED = "0A000";

  /** A lock strength, as PostgreSQL spells it after {@code FOR}. */
  enum Strength {
    UPDATE("UPDATE", true), NO_KEY_UPDATE("NO KEY UPDATE", true), SHARE("SHARE", false),
    KEY_SHARE("KEY SHARE", false);

    private final String sql;
    private final boolean exclusive;

    Strength(String sql, boolean exclusive) {
      this.sql = sql;
      this.exclusive = exclusive;
    }

    /** {@code FOR UPDATE}, {@code FOR KEY SHARE}: the clause as error messages name it. */
    String clause() {
      return "FOR " + sql;
    }
  }

  /** One locking clause: its strength and the FROM items named after {@code OF} (empty: all of them). */
  record Lock(Strength strength, List<String> of) {
    Lock {
      requireNonNull(strength, "strength");
      of = List.copyOf(of);
    }
  }

  /** A statement with its locking clauses cut out. */
  record Clause(String sql, List<Lock> locks) {
    Clause {
      requireNonNull(sql, "sql");
      locks = List.copyOf(locks);
    }
  }

  /** The tables (by id) whose rows a statement's reads lock exclusively, resp. shared. */
  record Request(Set<Integer> exclusive, Set<Integer> shared) {
    Request {
      exclusive = Set.copyOf(exclusive);
      shared = Set.copyOf(shared);
    }

    static final Request NONE = new Request(Set.of(), Set.of());
  }

  /** A statement without its locking clause, and the rows it locks. */
  record Locking(String sql, Request request) {
    Locking {
      requireNonNull(sql, "sql");
      requireNonNull(request, "request");
    }
  }

  /** A table of the FROM list: its catalog definition and the name the statement calls it by. */
  private record FromTable(TableDef table, String name) {}

  private RowLocking() {}

  /**
   * The statement without its locking clauses (outside parentheses, so only a top-level SELECT's), or null if it has
   * none.
   *
   * @throws SqlStateException 0A000 for SKIP LOCKED, 42601 for a malformed OF list
   */
  static Clause extract(String sql) {
    List<Lock> locks = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    int copied = 0;
    int i = SqlText.nextTopLevelWord(sql, 0, "FOR");
    while (i >= 0) {
      int[] end = {0};
      Lock lock = lockAt(sql, i + 3, end);
      if (lock == null) {
        i = SqlText.nextTopLevelWord(sql, i + 3, "FOR");
        continue;
      }
      locks.add(lock);
      rest.append(sql, copied, i).append(' ');
      copied = end[0];
      i = SqlText.nextTopLevelWord(sql, end[0], "FOR");
    }
    if (locks.isEmpty()) {
      return null;
    }
    rest.append(sql, copied, sql.length());
    return new Clause(rest.toString(), locks);
  }

  /** The lock after {@code FOR} (ending at {@code end[0]}), or null if the words there are not a lock strength. */
  private static Lock lockAt(String sql, int start, int[] end) {
    int i = skipSpace(sql, start);
    Strength strength;
    if (SqlText.wordAt(sql, i, "UPDATE")) {
      strength = Strength.UPDATE;
      i += "UPDATE".length();
    } else if (SqlText.wordAt(sql, i, "SHARE")) {
      strength = Strength.SHARE;
      i += "SHARE".length();
    } else if (SqlText.wordAt(sql, i, "NO") && SqlText.wordAt(sql, skipSpace(sql, i + 2), "KEY")
        && SqlText.wordAt(sql, skipSpace(sql, skipSpace(sql, i + 2) + 3), "UPDATE")) {
      strength = Strength.NO_KEY_UPDATE;
      i = skipSpace(sql, skipSpace(sql, i + 2) + 3) + "UPDATE".length();
    } else if (SqlText.wordAt(sql, i, "KEY") && SqlText.wordAt(sql, skipSpace(sql, i + 3), "SHARE")) {
      strength = Strength.KEY_SHARE;
      i = skipSpace(sql, i + 3) + "SHARE".length();
    } else {
      return null;
    }
    List<String> of = new ArrayList<>();
    int j = skipSpace(sql, i);
    if (SqlText.wordAt(sql, j, "OF")) {
      j += 2;
      do {
        j = skipSpace(sql, j);
        int[] nameEnd = {0};
        String name = qualifiedName(sql, j, nameEnd);
        if (name == null) {
          throw new SqlStateException("42601", "syntax error: " + strength.clause() + " OF needs table names");
        }
        of.add(name);
        j = skipSpace(sql, nameEnd[0]);
        if (j < sql.length() && sql.charAt(j) == ',') {
          j++;
        } else {
          break;
        }
      } while (true);
      i = j;
    }
    j = skipSpace(sql, i);
    if (SqlText.wordAt(sql, j, "NOWAIT")) {
      i = j + "NOWAIT".length();
    } else if (SqlText.wordAt(sql, j, "SKIP") && SqlText.wordAt(sql, skipSpace(sql, j + 4), "LOCKED")) {
      throw new SqlStateException(NOT_SUPPORTED, strength.clause() + " SKIP LOCKED is not supported: OmenDB does"
          + " not see the row locks of transactions that have not committed");
    }
    end[0] = i;
    return new Lock(strength, of);
  }

  /** The last part of a possibly qualified, possibly quoted name at {@code start}, or null if none is there. */
  private static String qualifiedName(String sql, int start, int[] end) {
    String name = null;
    int i = start;
    while (true) {
      if (i < sql.length() && sql.charAt(i) == '"') {
        int close = SqlText.skipQuoted(sql, i);
        name = sql.substring(i + 1, close - 1).replace("\"\"", "\"");
        i = close;
      } else {
        int wordEnd = i;
        while (wordEnd < sql.length() && SqlText.isIdentifierPart(sql.charAt(wordEnd))) {
          wordEnd++;
        }
        if (wordEnd == i) {
          return null;
        }
        name = sql.substring(i, wordEnd).toLowerCase(Locale.ROOT);
        i = wordEnd;
      }
      if (i < sql.length() && sql.charAt(i) == '.') {
        i++;
      } else {
        end[0] = i;
        return name;
      }
    }
  }

  /**
   * The tables whose rows {@code node} (the statement without its locking clauses) locks: those of its FROM list,
   * and of the subqueries there, or those named after {@code OF}.
   *
   * @throws SqlStateException 0A000 where PostgreSQL refuses a locking clause (DISTINCT, GROUP BY, HAVING, set
   *     operations, VALUES), 42P01 for an {@code OF} name not in the FROM list, 42601 for a statement that is not a
   *     query
   */
  static Request resolve(Clause clause, SqlNode node, Catalog catalog) {
    return resolve(clause, node, catalog, List.of(StoreSchema.NAME));
  }

  /** As above, the tables of the FROM list resolved by {@code searchPath} (the session's schemas, in order). */
  static Request resolve(Clause clause, SqlNode node, Catalog catalog, List<String> searchPath) {
    if (node instanceof SqlPgExplain || node.getKind() == SqlKind.EXPLAIN) {
      return Request.NONE;
    }
    Strength first = clause.locks().get(0).strength();
    if (!node.getKind().belongsTo(SqlKind.QUERY)) {
      throw new SqlStateException("42601", "syntax error at or near \"FOR\"");
    }
    SqlNode query = body(node);
    if (!(query instanceof SqlSelect select)) {
      String what = switch (query.getKind()) {
        case UNION -> "UNION/INTERSECT/EXCEPT";
        case INTERSECT -> "UNION/INTERSECT/EXCEPT";
        case EXCEPT -> "UNION/INTERSECT/EXCEPT";
        case VALUES -> "VALUES";
        default -> null;
      };
      if ("VALUES".equals(what)) {
        throw new SqlStateException(NOT_SUPPORTED, first.clause() + " cannot be applied to VALUES");
      }
      throw new SqlStateException(NOT_SUPPORTED, first.clause() + " is not allowed with "
          + (what == null ? "this kind of query" : what));
    }
    checkLockable(select, first);
    List<FromTable> from = new ArrayList<>();
    if (select.getFrom() != null) {
      collect(select.getFrom(), null, new DdlNames(catalog, searchPath), catalog, from);
    }
    Set<Integer> exclusive = new HashSet<>();
    Set<Integer> shared = new HashSet<>();
    for (Lock lock : clause.locks()) {
      Set<Integer> target = lock.strength().exclusive ? exclusive : shared;
      if (lock.of().isEmpty()) {
        from.forEach(t -> target.add(t.table().id()));
        continue;
      }
      for (String name : lock.of()) {
        List<FromTable> named = from.stream().filter(t -> t.name().equals(name)).toList();
        if (named.isEmpty()) {
          throw new SqlStateException("42P01", "relation \"" + name + "\" in " + lock.strength().clause()
              + " clause not found in FROM clause");
        }
        named.forEach(t -> target.add(t.table().id()));
      }
    }
    shared.removeAll(exclusive);
    return new Request(exclusive, shared);
  }

  /** The query under ORDER BY / LIMIT and WITH. */
  private static SqlNode body(SqlNode node) {
    SqlNode query = node;
    while (true) {
      if (query instanceof SqlOrderBy orderBy) {
        query = orderBy.query;
      } else if (query instanceof SqlWith with) {
        query = with.body;
      } else {
        return query;
      }
    }
  }

  private static void checkLockable(SqlSelect select, Strength strength) {
    String clause = select.isDistinct() ? "DISTINCT clause"
        : select.getGroup() != null ? "GROUP BY clause"
        : select.getHaving() != null ? "HAVING clause"
        : uses(select.getSelectList(), SqlKind.OVER) ? "window functions"
        : uses(select.getSelectList(), null) ? "aggregate functions" : null;
    if (clause != null) {
      throw new SqlStateException(NOT_SUPPORTED, strength.clause() + " is not allowed with " + clause);
    }
  }

  /**
   * Whether {@code list} calls an OVER window ({@code kind} OVER) or, for a null {@code kind}, an aggregate function
   * outside a window.
   */
  private static boolean uses(SqlNodeList list, SqlKind kind) {
    boolean[] found = {false};
    list.accept(new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        if (call.getKind() == SqlKind.OVER) {
          found[0] |= kind == SqlKind.OVER;
          return call;
        }
        if (call.getKind() == SqlKind.SELECT) {
          return call;
        }
        if (kind == null && isAggregate(call)) {
          found[0] = true;
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  /** Whether {@code call} is an aggregate: resolved, or (as parsed) named like one of the standard aggregates. */
  private static boolean isAggregate(SqlCall call) {
    if (call.getOperator() instanceof SqlAggFunction) {
      return true;
    }
    if (!(call.getOperator() instanceof SqlUnresolvedFunction function)) {
      return false;
    }
    List<SqlOperator> found = new ArrayList<>();
    SqlStdOperatorTable.instance().lookupOperatorOverloads(function.getNameAsId(), null, SqlSyntax.FUNCTION, found,
        SqlNameMatchers.withCaseSensitive(false));
    return found.stream().anyMatch(operator -> operator instanceof SqlAggFunction);
  }

  /** Adds the tables of a FROM item to {@code out}, each under the name the statement calls it by. */
  private static void collect(SqlNode item, String alias, DdlNames names, Catalog catalog, List<FromTable> out) {
    if (item instanceof SqlJoin join) {
      collect(join.getLeft(), null, names, catalog, out);
      collect(join.getRight(), null, names, catalog, out);
    } else if (item instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
      collect(call.operand(0), ((SqlIdentifier) call.operand(1)).getSimple(), names, catalog, out);
    } else if (item instanceof SqlIdentifier identifier) {
      String name = identifier.names.get(identifier.names.size() - 1);
      // the table as Calcite resolves it: in the schema named, or the first along the search path
      String engineName = identifier.names.size() > 2 ? null
          : names.lookupIfExists(identifier, n -> catalog.table(n).isPresent());
      Optional<TableDef> table = engineName == null ? Optional.empty() : catalog.table(engineName);
      table.ifPresent(t -> out.add(new FromTable(t, alias != null ? alias : name)));
    } else if (item instanceof SqlCall call && call.getKind() == SqlKind.SNAPSHOT) {
      collect(call.getOperandList().get(0), alias, names, catalog, out);
    } else {
      SqlNode query = item == null ? null : body(item);
      if (query instanceof SqlSelect select && select.getFrom() != null) {
        collect(select.getFrom(), null, names, catalog, out);
      }
    }
  }

  private static int skipSpace(String sql, int start) {
    int i = start;
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }
}
