package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.function.Function0;

/**
 * What EXPLAIN ANALYZE measured for one plan operator: how often its rows were enumerated (loops), how many rows it
 * produced, and the time spent producing them, children included, as PostgreSQL's {@code actual time=startup..total}.
 * Generated code reaches it through {@link StoreAnalyze}, which wraps the operator's {@link Enumerable} in
 * {@link #wrap}; it counts on the executing thread only, so it needs no synchronization.
 */
public final class OperatorStats {
  private long loops;
  private long rows;
  /** Time from the start of each loop to its first row (or its end, if empty), summed over loops. */
  private long startupNanos;
  /** Time spent in the operator's enumerator, summed over loops. */
  private long totalNanos;

  /**
   * The operator's rows, counted and timed as they are enumerated; called from generated code. {@code code} is the
   * operator's code, run when enumeration first starts (and timed with it), its result kept for later loops.
   */
  public <T> Enumerable<T> wrap(Function0<Enumerable<T>> code) {
    requireNonNull(code, "code");
    return new AbstractEnumerable<>() {
      private Enumerable<T> source;

      @Override
      public Enumerator<T> enumerator() {
        long start = System.nanoTime();
        loops++;
        if (source == null) {
          source = code.apply();
        }
        Enumerator<T> enumerator = source.enumerator();
        long opened = System.nanoTime() - start;
        totalNanos += opened;
        return new Counting<>(enumerator, opened);
      }
    };
  }

  long loops() {
    return loops;
  }

  long rows() {
    return rows;
  }

  /** Milliseconds to the first row, averaged over loops (PostgreSQL's convention). */
  double startupMillis() {
    return loops == 0 ? 0 : startupNanos / 1e6 / loops;
  }

  /** Milliseconds for all rows, averaged over loops. */
  double totalMillis() {
    return loops == 0 ? 0 : totalNanos / 1e6 / loops;
  }

  /** Rows per loop, rounded, as PostgreSQL prints them. */
  long rowsPerLoop() {
    return loops == 0 ? 0 : Math.round((double) rows / loops);
  }

  /** Counts and times one loop's enumeration. */
  private final class Counting<T> implements Enumerator<T> {
    private final Enumerator<T> delegate;
    /** Time of this loop so far, until its first row or end is reached; then -1. */
    private long untilFirst;

    Counting(Enumerator<T> delegate, long opened) {
      this.delegate = delegate;
      this.untilFirst = opened;
    }

    @Override
    public T current() {
      return delegate.current();
    }

    @Override
    public boolean moveNext() {
      long start = System.nanoTime();
      boolean moved = delegate.moveNext();
      long spent = System.nanoTime() - start;
      totalNanos += spent;
      if (untilFirst >= 0) {
        startupNanos += untilFirst + spent;
        untilFirst = -1;
      }
      if (moved) {
        rows++;
      }
      return moved;
    }

    @Override
    public void reset() {
      delegate.reset();
    }

    @Override
    public void close() {
      if (untilFirst >= 0) {
        // closed before a row was asked for: the time to open it is all there was
        startupNanos += untilFirst;
        untilFirst = -1;
      }
      delegate.close();
    }
  }
}
