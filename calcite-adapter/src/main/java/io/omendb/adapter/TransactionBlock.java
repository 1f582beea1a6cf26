package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.Engine;
import io.omendb.engine.mvcc.IsolationLevel;
import io.omendb.engine.mvcc.Transaction;
import java.util.Locale;

/**
 * A session's transaction state, as PostgreSQL keeps it: autocommit (each statement its own transaction) or an
 * explicit block opened by BEGIN, which an error turns FAILED until ROLLBACK.
 */
final class TransactionBlock {
  private final Engine engine;
  private TransactionStatus status = TransactionStatus.IDLE;
  /** The block's transaction, begun lazily at its first statement so SET TRANSACTION can still choose the level. */
  private Transaction transaction;
  private IsolationLevel blockIsolation;
  private boolean blockHasRunStatements;
  /** The commit timestamp a read-only block reads at ({@code BEGIN AS OF SYSTEM TIME}), or null. */
  private Long asOf;

  TransactionBlock(Engine engine) {
    this.engine = requireNonNull(engine, "engine");
  }

  TransactionStatus status() {
    return status;
  }

  boolean inBlock() {
    return status != TransactionStatus.IDLE;
  }

  /** BEGIN: opens a block at the given level (null: the session default). */
  void begin(IsolationLevel isolation, IsolationLevel sessionDefault) {
    status = TransactionStatus.IN_TRANSACTION;
    blockIsolation = isolation != null ? isolation : sessionDefault;
    blockHasRunStatements = false;
  }

  /** SET TRANSACTION ISOLATION LEVEL inside a block, allowed only before its first query (as in PostgreSQL). */
  void setIsolation(IsolationLevel isolation) {
    if (blockHasRunStatements) {
      throw new SqlStateException("25001", "SET TRANSACTION ISOLATION LEVEL must be called before any query");
    }
    blockIsolation = isolation;
  }

  /** {@code BEGIN / SET TRANSACTION AS OF SYSTEM TIME}: the block reads at {@code ts} and refuses writes. */
  void setAsOf(long ts) {
    if (blockHasRunStatements) {
      throw new SqlStateException("25001", "SET TRANSACTION AS OF SYSTEM TIME must be called before any query");
    }
    asOf = ts;
  }

  /** Whether the block reads a past snapshot (and so refuses writes). */
  boolean readsPast() {
    return asOf != null;
  }

  IsolationLevel blockIsolation() {
    return blockIsolation;
  }

  /** The transaction a statement in the block runs in, begun on first use; moves READ COMMITTED to a new snapshot. */
  Transaction forStatement() {
    if (transaction == null) {
      transaction = asOf != null ? engine.beginAsOf(asOf) : engine.begin(blockIsolation);
    } else {
      transaction.beginStatement();
    }
    blockHasRunStatements = true;
    return transaction;
  }

  /** A statement in the block failed: the whole block is rolled back and refuses work until ROLLBACK. */
  void fail() {
    if (transaction != null) {
      transaction.rollback();
      transaction = null;
    }
    status = TransactionStatus.FAILED;
  }

  /** COMMIT: returns false if the block had failed (then it rolls back, and the tag is ROLLBACK). */
  boolean commit() {
    boolean failed = status == TransactionStatus.FAILED;
    Transaction ending = transaction;
    reset();
    if (failed) {
      return false;
    }
    if (ending != null) {
      ending.commit();
    }
    return true;
  }

  /** ROLLBACK, or the session ending. */
  void rollback() {
    if (transaction != null) {
      transaction.rollback();
    }
    reset();
  }

  private void reset() {
    transaction = null;
    status = TransactionStatus.IDLE;
    blockIsolation = null;
    blockHasRunStatements = false;
    asOf = null;
  }

  /** Parses a PostgreSQL isolation level name ("read committed", "REPEATABLE READ", ...). */
  static IsolationLevel parseIsolation(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', ' ')) {
      case "read uncommitted", "read committed" -> IsolationLevel.READ_COMMITTED;
      case "repeatable read" -> IsolationLevel.REPEATABLE_READ;
      case "serializable" -> IsolationLevel.SERIALIZABLE;
      default -> throw new SqlStateException("22023", "invalid value for parameter \"transaction_isolation\": \""
          + text + "\"");
    };
  }

  /** Converts the parser's isolation level (PostgreSQL maps READ UNCOMMITTED to READ COMMITTED). */
  static IsolationLevel fromParser(io.omendb.adapter.parser.IsolationLevel level) {
    if (level == null) {
      return null;
    }
    return switch (level) {
      case READ_UNCOMMITTED, READ_COMMITTED -> IsolationLevel.READ_COMMITTED;
      case REPEATABLE_READ -> IsolationLevel.REPEATABLE_READ;
      case SERIALIZABLE -> IsolationLevel.SERIALIZABLE;
    };
  }

  static String sqlName(IsolationLevel level) {
    return level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
