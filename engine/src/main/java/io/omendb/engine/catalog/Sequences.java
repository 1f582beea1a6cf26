package io.omendb.engine.catalog;

import static java.util.Objects.requireNonNull;

import io.omendb.engine.storage.KvBatch;
import io.omendb.engine.storage.KvCursor;
import io.omendb.engine.storage.KvStore;
import io.omendb.engine.storage.Space;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The persisted sequences and their positions. As in PostgreSQL, a sequence is not transactional: a value handed
 * out is never handed out again, whether the transaction that asked for it commits or not, and after a crash or
 * restart the sequence resumes beyond every value handed out before. To avoid a synced write per value, each write
 * reserves the next {@value #PREFETCH} values (PostgreSQL's SEQ_LOG_VALS), which a crash skips.
 *
 * <p>Definitions share the relation name space with tables and indexes and are changed under the catalog's lock;
 * {@code nextval} and {@code setval} lock only their sequence, so concurrent callers get distinct values.
 */
public final class Sequences {
  /** Values reserved by each durable write. */
  static final int PREFETCH = 32;

  private static final byte[] NEXT_SEQUENCE_ID = "catalog.next_sequence_id".getBytes(StandardCharsets.UTF_8);
  private static final String PREFIX = "sequence/";

  private final KvStore store;
  private final Catalog catalog;
  private final Map<String, Sequence> sequences = new ConcurrentHashMap<>();
  private int nextId;

  /** One sequence's definition and position; its monitor guards the position. */
  private static final class Sequence {
    private volatile SequenceDef def;
    private long last;
    private boolean called;
    /** Values that may still be handed out before the next durable write. */
    private int reserved;

    Sequence(SequenceDef def, SequenceState state) {
      this.def = def;
      this.last = state.lastValue();
      this.called = state.isCalled();
    }
  }

  Sequences(KvStore store, Catalog catalog) {
    this.store = requireNonNull(store, "store");
    this.catalog = requireNonNull(catalog, "catalog");
    byte[] next = store.get(Space.META, NEXT_SEQUENCE_ID);
    nextId = next == null ? 1 : ByteBuffer.wrap(next).getInt();
    byte[] from = PREFIX.getBytes(StandardCharsets.UTF_8);
    byte[] to = from.clone();
    to[to.length - 1]++;
    try (KvCursor cursor = store.scan(null, Space.CATALOG, from, to)) {
      while (cursor.next()) {
        SequenceSerializer.Stored stored = SequenceSerializer.read(cursor.value());
        sequences.put(stored.def().name(), new Sequence(stored.def(), stored.state()));
      }
    }
  }

  /** Whether a sequence of this name exists. */
  public boolean exists(String name) {
    return sequences.containsKey(name);
  }

  /** The sequence with this name, if it exists. */
  public Optional<SequenceDef> sequence(String name) {
    Sequence sequence = sequences.get(name);
    return sequence == null ? Optional.empty() : Optional.of(sequence.def);
  }

  /** All sequences, ordered by name. */
  public Collection<SequenceDef> sequences() {
    TreeMap<String, SequenceDef> sorted = new TreeMap<>();
    sequences.forEach((name, sequence) -> sorted.put(name, sequence.def));
    return sorted.values();
  }

  /** The sequences owned by columns of {@code table}, ordered by name. */
  public List<SequenceDef> ownedBy(String table) {
    List<SequenceDef> owned = new ArrayList<>();
    for (SequenceDef def : sequences()) {
      if (def.ownedBy(table)) {
        owned.add(def);
      }
    }
    return owned;
  }

  /** The current position of a sequence. */
  public SequenceState state(String name) {
    Sequence sequence = require(name);
    synchronized (sequence) {
      return new SequenceState(sequence.last, sequence.called);
    }
  }

  /**
   * Creates a sequence from {@code spec} (whose id is ignored), positioned before its start value. With
   * {@code ifNotExists} an existing sequence of that name is returned unchanged.
   *
   * @throws CatalogException DUPLICATE_TABLE if a relation of that name exists
   * @throws SequenceException INVALID_PARAMETER for contradictory options
   */
  public SequenceDef create(SequenceDef spec, boolean ifNotExists) {
    requireNonNull(spec, "spec");
    validate(spec);
    synchronized (catalog) {
      catalog.schemas().checkExists(RelationNames.schemaOf(spec.name()));
      Sequence existing = sequences.get(spec.name());
      if (existing != null && ifNotExists) {
        return existing.def;
      }
      if (existing != null || catalog.relationExists(spec.name())) {
        throw new CatalogException(CatalogException.Kind.DUPLICATE_TABLE,
            "relation \"" + RelationNames.nameOf(spec.name()) + "\" already exists");
      }
      SequenceDef def = spec.withId(nextId);
      SequenceState state = new SequenceState(def.start(), false);
      store.write(new KvBatch()
          .put(Space.META, NEXT_SEQUENCE_ID, ByteBuffer.allocate(Integer.BYTES).putInt(nextId + 1).array())
          .put(Space.CATALOG, key(def.name()), SequenceSerializer.write(def, state)), true);
      nextId++;
      sequences.put(def.name(), new Sequence(def, state));
      catalog.changed();
      return def;
    }
  }

  /**
   * Replaces a sequence's definition (same name and id) and, with {@code restart} non-null, positions it before
   * that value.
   *
   * @throws CatalogException UNDEFINED_TABLE if it does not exist
   * @throws SequenceException INVALID_PARAMETER for contradictory options or a position outside the new bounds
   */
  public SequenceDef alter(SequenceDef def, Long restart) {
    requireNonNull(def, "def");
    validate(def);
    synchronized (catalog) {
      Sequence sequence = require(def.name());
      SequenceDef altered = def.withId(sequence.def.id());
      synchronized (sequence) {
        long last = restart != null ? restart : sequence.last;
        boolean called = restart == null && sequence.called;
        if (last > altered.maxValue()) {
          throw new SequenceException(SequenceException.Kind.INVALID_PARAMETER,
              "RESTART value (" + last + ") cannot be greater than MAXVALUE (" + altered.maxValue() + ")");
        }
        if (last < altered.minValue()) {
          throw new SequenceException(SequenceException.Kind.INVALID_PARAMETER,
              "RESTART value (" + last + ") cannot be less than MINVALUE (" + altered.minValue() + ")");
        }
        SequenceState state = new SequenceState(last, called);
        store.write(new KvBatch().put(Space.CATALOG, key(altered.name()), SequenceSerializer.write(altered, state)),
            true);
        sequence.def = altered;
        sequence.last = last;
        sequence.called = called;
        sequence.reserved = 0;
      }
      catalog.changed();
      return altered;
    }
  }

  /**
   * Drops a sequence; returns false if it did not exist and {@code ifExists} is set.
   *
   * @throws CatalogException UNDEFINED_TABLE if it does not exist and {@code ifExists} is not set
   */
  public boolean drop(String name, boolean ifExists) {
    synchronized (catalog) {
      if (!sequences.containsKey(name)) {
        if (ifExists) {
          return false;
        }
        throw undefined(name);
      }
      store.write(new KvBatch().delete(Space.CATALOG, key(name)), true);
      sequences.remove(name);
      catalog.changed();
      return true;
    }
  }

  /** Drops the sequences owned by columns of {@code table}, as dropping the table does. */
  void dropOwnedBy(String table) {
    for (SequenceDef def : ownedBy(table)) {
      drop(def.name(), true);
    }
  }

  /**
   * Advances a sequence and returns its new value.
   *
   * @throws CatalogException UNDEFINED_TABLE if it does not exist
   * @throws SequenceException LIMIT_REACHED past the end of a sequence that does not cycle
   */
  public long nextval(String name) {
    Sequence sequence = require(name);
    synchronized (sequence) {
      SequenceDef def = sequence.def;
      long next = sequence.called ? advance(def, sequence.last) : sequence.last;
      if (sequence.reserved == 0) {
        long bound = next;
        int steps = 0;
        while (steps < PREFETCH - 1 && canAdvance(def, bound)) {
          bound = advance(def, bound);
          steps++;
        }
        store.write(new KvBatch().put(Space.CATALOG, key(name),
            SequenceSerializer.write(def, new SequenceState(bound, true))), true);
        sequence.reserved = steps;
      } else {
        sequence.reserved--;
      }
      sequence.last = next;
      sequence.called = true;
      return next;
    }
  }

  /**
   * Sets a sequence's position: with {@code isCalled} the next {@code nextval} returns the value after
   * {@code value}, without it {@code value} itself.
   *
   * @throws SequenceException OUT_OF_BOUNDS if the value lies outside the sequence's bounds
   */
  public long setval(String name, long value, boolean isCalled) {
    Sequence sequence = require(name);
    synchronized (sequence) {
      SequenceDef def = sequence.def;
      if (value < def.minValue() || value > def.maxValue()) {
        throw new SequenceException(SequenceException.Kind.OUT_OF_BOUNDS, "setval: value " + value
            + " is out of bounds for sequence \"" + name + "\" (" + def.minValue() + ".." + def.maxValue() + ")");
      }
      store.write(new KvBatch().put(Space.CATALOG, key(name),
          SequenceSerializer.write(def, new SequenceState(value, isCalled))), true);
      sequence.last = value;
      sequence.called = isCalled;
      sequence.reserved = 0;
      return value;
    }
  }

  /** Whether one more step from {@code value} stays within the bounds (or wraps, for a cycling sequence). */
  private static boolean canAdvance(SequenceDef def, long value) {
    if (def.cycle()) {
      return true;
    }
    return def.increment() > 0 ? value <= def.maxValue() - def.increment()
        : value >= def.minValue() - def.increment();
  }

  private static long advance(SequenceDef def, long value) {
    long increment = def.increment();
    if (increment > 0) {
      if (value > def.maxValue() - increment) {
        if (!def.cycle()) {
          throw new SequenceException(SequenceException.Kind.LIMIT_REACHED,
              "nextval: reached maximum value of sequence \"" + def.name() + "\" (" + def.maxValue() + ")");
        }
        return def.minValue();
      }
    } else if (value < def.minValue() - increment) {
      if (!def.cycle()) {
        throw new SequenceException(SequenceException.Kind.LIMIT_REACHED,
            "nextval: reached minimum value of sequence \"" + def.name() + "\" (" + def.minValue() + ")");
      }
      return def.maxValue();
    }
    return value + increment;
  }

  /** Checks options as PostgreSQL's {@code init_params} does, with its messages. */
  private static void validate(SequenceDef def) {
    if (def.increment() == 0) {
      throw invalid("INCREMENT must not be zero");
    }
    String type = def.type().name().toLowerCase(java.util.Locale.ROOT);
    if (def.maxValue() > SequenceDef.typeMax(def.type()) || def.maxValue() < SequenceDef.typeMin(def.type())) {
      throw invalid("MAXVALUE (" + def.maxValue() + ") is out of range for sequence data type " + type);
    }
    if (def.minValue() > SequenceDef.typeMax(def.type()) || def.minValue() < SequenceDef.typeMin(def.type())) {
      throw invalid("MINVALUE (" + def.minValue() + ") is out of range for sequence data type " + type);
    }
    if (def.minValue() >= def.maxValue()) {
      throw invalid("MINVALUE (" + def.minValue() + ") must be less than MAXVALUE (" + def.maxValue() + ")");
    }
    if (def.start() < def.minValue()) {
      throw invalid("START value (" + def.start() + ") cannot be less than MINVALUE (" + def.minValue() + ")");
    }
    if (def.start() > def.maxValue()) {
      throw invalid("START value (" + def.start() + ") cannot be greater than MAXVALUE (" + def.maxValue() + ")");
    }
    if (def.cache() < 1) {
      throw invalid("CACHE (" + def.cache() + ") must be greater than zero");
    }
  }

  private static SequenceException invalid(String message) {
    return new SequenceException(SequenceException.Kind.INVALID_PARAMETER, message);
  }

  private Sequence require(String name) {
    Sequence sequence = sequences.get(name);
    if (sequence == null) {
      throw undefined(name);
    }
    return sequence;
  }

  private static CatalogException undefined(String name) {
    return new CatalogException(CatalogException.Kind.UNDEFINED_TABLE,
        "relation \"" + RelationNames.nameOf(name) + "\" does not exist");
  }

  private static byte[] key(String name) {
    return (PREFIX + name).getBytes(StandardCharsets.UTF_8);
  }
}
