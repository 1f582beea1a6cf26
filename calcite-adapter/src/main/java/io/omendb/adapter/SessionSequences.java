package io.omendb.adapter;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.catalog.CatalogException;
import io.omendb.engine.catalog.Sequences;
import io.omendb.engine.catalog.SequenceException;
import java.util.HashMap;
import java.util.Map;

/**
 * One session's view of the sequences: {@code nextval}, {@code setval}, and the values {@code currval} and
 * {@code lastval} remember for this session only, with PostgreSQL's errors.
 */
final class SessionSequences {
  private final Sequences sequences;
  private final Map<String, Long> current = new HashMap<>();
  private String lastUsed;

  SessionSequences(Sequences sequences) {
    this.sequences = requireNonNull(sequences, "sequences");
  }

  synchronized long nextval(String name) {
    long value;
    try {
      value = sequences.nextval(name);
    } catch (SequenceException e) {
      throw SequenceStatements.toSqlState(e);
    } catch (CatalogException e) {
      throw undefined(name);
    }
    current.put(name, value);
    lastUsed = name;
    return value;
  }

  synchronized long currval(String name) {
    if (!sequences.exists(name)) {
      throw undefined(name);
    }
    Long value = current.get(name);
    if (value == null) {
      throw new SqlStateException("55000", "currval of sequence \"" + name + "\" is not yet defined in this session");
    }
    return value;
  }

  synchronized long lastval() {
    if (lastUsed == null) {
      throw new SqlStateException("55000", "lastval is not yet defined in this session");
    }
    if (!sequences.exists(lastUsed)) {
      throw new SqlStateException("55000", "lastval is not yet defined in this session");
    }
    return current.get(lastUsed);
  }

  synchronized long setval(String name, long value, boolean isCalled) {
    try {
      sequences.setval(name, value, isCalled);
    } catch (SequenceException e) {
      throw SequenceStatements.toSqlState(e);
    } catch (CatalogException e) {
      throw undefined(name);
    }
    if (isCalled) {
      current.put(name, value);
    }
    return value;
  }

  private static SqlStateException undefined(String name) {
    return new SqlStateException("42P01", "relation \"" + name + "\" does not exist");
  }
}
