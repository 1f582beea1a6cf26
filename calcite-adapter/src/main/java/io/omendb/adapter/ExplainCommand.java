package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.adapter.parser.SqlPgExplain;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's EXPLAIN: the plan as one text column {@code QUERY PLAN}, a row per operator. With ANALYZE the
 * statement runs (as in PostgreSQL, also a data-changing one) and each operator's line gets what it really did,
 * {@code (actual time=startup..total rows=n loops=n)}, followed by the planning and execution times.
 *
 * <p>ANALYZE plans the statement with the standard optimizer program followed by one more step: every operator of
 * the optimized plan gets a {@link StoreAnalyze} above it that counts and times its rows. The printed plan is that
 * optimized plan, so it is the plan that ran, and its lines come in the same pre-order as the counters.
 *
 * <p>Without ANALYZE nothing runs, so the privileges the statement would need are checked on its converted plan
 * ({@link PlanPrivileges}), as PostgreSQL checks them when it plans: EXPLAIN reveals nothing of a table one may not
 * read.
 */
final class ExplainCommand {
  private final StoreSession session;
  private final CalciteConnection connection;

  ExplainCommand(StoreSession session, CalciteConnection connection) {
    this.session = requireNonNull(session, "session");
    this.connection = requireNonNull(connection, "connection");
  }

  /** Runs {@code explain}, whose text is {@code sql}, inside the session's statement transaction. */
  StatementResult execute(String sql, SqlPgExplain explain) throws SQLException {
    SqlParserPos start = start(explain.statement());
    String statement = sql.substring(offsetOf(sql, start.getLineNum(), start.getColumnNum()));
    List<Object[]> lines = new ArrayList<>();
    session.beginStatement();
    try {
      // an UPDATE or DELETE that reads nothing of its table needs no SELECT there, explained or run
      session.access().beforeStatement(explain.statement(), connection.getRootSchema()
          .getSubSchema(StoreSchema.NAME).unwrap(StoreSchema.class).engine().catalog());
      List<String> text = explain.analyze() ? analyze(statement, explain) : plan(statement, true);
      text.forEach(line -> lines.add(new Object[] {line}));
      session.endStatement(true);
    } catch (SQLException | RuntimeException | StackOverflowError | ExceptionInInitializerError e) {
      SQLException mapped = SqlErrors.toSqlException(e);
      session.endStatementQuietly();
      throw mapped;
    }
    return RowsResult.text(CommandKind.EXPLAIN, List.of("QUERY PLAN"), lines);
  }

  private List<String> plan(String statement) throws SQLException {
    return plan(statement, false);
  }

  /** The plan of {@code statement}; with {@code checkPrivileges}, first the checks running it would make. */
  private List<String> plan(String statement, boolean checkPrivileges) throws SQLException {
    List<RelNode> converted = new ArrayList<>();
    try (Hook.Closeable ignored = Hook.CONVERTED.addThread((Consumer<RelNode>) converted::add);
        Statement explainStatement = connection.createStatement();
        ResultSet resultSet = explainStatement.executeQuery("EXPLAIN PLAN FOR " + statement)) {
      if (checkPrivileges) {
        converted.forEach(rel -> PlanPrivileges.check(rel, session.access()));
      }
      resultSet.next();
      return resultSet.getString(1).lines().toList();
    }
  }

  private List<String> analyze(String statement, SqlPgExplain explain) throws SQLException {
    Instrumenting program = new Instrumenting();
    long planStart = System.nanoTime();
    try (PreparedStatement prepared = prepare(statement, program)) {
      long planNanos = System.nanoTime() - planStart;
      long start = System.nanoTime();
      if (prepared.execute()) {
        try (ResultSet resultSet = prepared.getResultSet()) {
          while (resultSet.next()) {
            // the operators count the rows as they pass
          }
        }
      }
      long executionNanos = System.nanoTime() - start;
      // a statement Calcite prepares without its optimizer (a constant SELECT) has no operators to annotate
      List<String> lines = new ArrayList<>(program.ran() ? program.annotatedPlan(explain.timing()) : plan(statement));
      if (explain.summary()) {
        lines.add(String.format(Locale.ROOT, "Planning Time: %.3f ms", planNanos / 1e6));
        lines.add(String.format(Locale.ROOT, "Execution Time: %.3f ms", executionNanos / 1e6));
      }
      return lines;
    }
  }

  /** Prepares {@code statement} with {@code program} as the optimizer program of this thread. */
  private PreparedStatement prepare(String statement, Program program) throws SQLException {
    try (Hook.Closeable ignored = Hook.PROGRAM.addThread((Holder<@Nullable Program> holder) -> holder.set(program))) {
      return connection.prepareStatement(statement);
    }
  }

  /**
   * Where the text of {@code node} begins: the earliest position in its tree (an ORDER BY or a set operation is
   * positioned at its keyword, after the query it applies to).
   */
  private static SqlParserPos start(SqlNode node) {
    SqlParserPos earliest = node.getParserPosition();
    List<SqlNode> children = node instanceof SqlNodeList list ? list.getList()
        : node instanceof SqlCall call ? call.getOperandList() : List.of();
    for (SqlNode child : children) {
      if (child == null || child.getParserPosition().getLineNum() <= 0) {
        continue;
      }
      SqlParserPos candidate = start(child);
      if (earliest.getLineNum() <= 0 || candidate.getLineNum() < earliest.getLineNum()
          || candidate.getLineNum() == earliest.getLineNum() && candidate.getColumnNum() < earliest.getColumnNum()) {
        earliest = candidate;
      }
    }
    return earliest;
  }

  /** The character offset of a 1-based line and column in {@code sql}. */
  private static int offsetOf(String sql, int line, int column) {
    int offset = 0;
    for (int l = 1; l < line; l++) {
      offset = sql.indexOf('\n', offset) + 1;
    }
    return offset + column - 1;
  }

  /**
   * Calcite's standard program, then a {@link StoreAnalyze} above every operator of the result; remembers the
   * optimized plan's text and the operators' counters in the order of its lines.
   */
  private static final class Instrumenting implements Program {
    private String planText;
    /** One entry per plan line; null for an operator that is not measured (not an enumerable one). */
    private final List<@Nullable OperatorStats> stats = new ArrayList<>();

    @Override
    public RelNode run(RelOptPlanner planner, RelNode rel, RelTraitSet requiredOutputTraits,
        List<RelOptMaterialization> materializations, List<RelOptLattice> lattices) {
      RelNode optimized = Programs.standard().run(planner, rel, requiredOutputTraits, materializations, lattices);
      planText = RelOptUtil.toString(optimized);
      stats.clear();
      return instrument(optimized);
    }

    /** Wraps {@code node} and its inputs, registering counters in pre-order, as RelOptUtil prints the plan. */
    private RelNode instrument(RelNode node) {
      if (!(node instanceof EnumerableRel)) {
        // an operator outside the enumerable convention (none today) runs as planned, unmeasured
        addUnmeasured(node);
        return node;
      }
      OperatorStats counter = new OperatorStats();
      stats.add(counter);
      List<RelNode> inputs = new ArrayList<>();
      for (RelNode input : node.getInputs()) {
        inputs.add(instrument(input));
      }
      RelNode copy = inputs.isEmpty() ? node : node.copy(node.getTraitSet(), inputs);
      return StoreAnalyze.wrap(copy, counter);
    }

    private void addUnmeasured(RelNode node) {
      stats.add(null);
      node.getInputs().forEach(this::addUnmeasured);
    }

    /** Whether the optimizer ran this program (Calcite prepares some constant statements without it). */
    boolean ran() {
      return planText != null;
    }

    /** The plan's lines, each operator's with what it did appended. */
    List<String> annotatedPlan(boolean timing) {
      List<String> lines = planText.lines().toList();
      List<String> annotated = new ArrayList<>();
      // a line per operator, unless an attribute's text holds a line break: then only the top line is annotated
      boolean aligned = lines.size() == stats.size();
      for (int i = 0; i < lines.size(); i++) {
        OperatorStats counter = aligned || i == 0 ? stats.isEmpty() ? null : stats.get(i) : null;
        annotated.add(counter == null ? lines.get(i) : lines.get(i) + actual(counter, timing));
      }
      return annotated;
    }

    private static String actual(OperatorStats counter, boolean timing) {
      if (counter.loops() == 0) {
        return " (never executed)";
      }
      if (!timing) {
        return String.format(Locale.ROOT, " (actual rows=%d loops=%d)", counter.rowsPerLoop(), counter.loops());
      }
      return String.format(Locale.ROOT, " (actual time=%.3f..%.3f rows=%d loops=%d)", counter.startupMillis(),
          counter.totalMillis(), counter.rowsPerLoop(), counter.loops());
    }
  }
}
