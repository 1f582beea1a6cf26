package io.omendb.engine.storage;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The only class (with its package) that touches RocksDB: a key-value store with one column family per
 * {@link Space}, point reads, snapshot-consistent iteration and atomic batches.
 *
 * <p>Every native object is owned here and closed in {@link #close()} in the order the comments give.
 */
public final class KvStore implements AutoCloseable {

  static {
    RocksDB.loadLibrary();
  }

  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final WriteOptions syncWrite;
  private final WriteOptions asyncWrite;
  private final OpenIterators openIterators = new OpenIterators();

  private KvStore(DBOptions dbOptions, ColumnFamilyOptions cfOptions, RocksDB db, List<ColumnFamilyHandle> handles) {
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.db = db;
    this.handles = handles;
    this.syncWrite = new WriteOptions().setSync(true);
    this.asyncWrite = new WriteOptions().setSync(false);
  }

  /** Opens (creating if needed) the store in {@code dir}, with every column family of {@link Space}. */
  public static KvStore open(Path dir) {
    requireNonNull(dir, "dir");
    DBOptions dbOptions = null;
    ColumnFamilyOptions cfOptions = null;
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      dbOptions = new DBOptions()
          .setCreateIfMissing(true)
          .setCreateMissingColumnFamilies(true)
          .setMaxBackgroundJobs(2);
      cfOptions = new ColumnFamilyOptions();
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (Space space : Space.values()) {
        descriptors.add(new ColumnFamilyDescriptor(space.columnFamilyName(), cfOptions));
      }
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      return new KvStore(dbOptions, cfOptions, db, handles);
    } catch (RocksDBException | java.io.IOException e) {
      handles.forEach(ColumnFamilyHandle::close);
      if (cfOptions != null) {
        cfOptions.close();
      }
      if (dbOptions != null) {
        dbOptions.close();
      }
      throw new StorageException("cannot open data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private ColumnFamilyHandle handle(Space space) {
    return handles.get(space.ordinal());
  }

  /** The value stored under {@code key} in the latest committed state, or null. */
  public byte[] get(Space space, byte[] key) {
    try {
      return db.get(handle(space), key);
    } catch (RocksDBException e) {
      throw new StorageException("get failed in " + space, e);
    }
  }

  /** The value stored under {@code key} as of {@code snapshot}, or null. */
  public byte[] get(KvSnapshot snapshot, Space space, byte[] key) {
    try (ReadOptions options = new ReadOptions().setSnapshot(snapshot.snapshot())) {
      return db.get(handle(space), options, key);
    } catch (RocksDBException e) {
      throw new StorageException("get failed in " + space, e);
    }
  }

  /** The greatest key in {@code [from, to)} of {@code space} in the latest state, or null if the range is empty. */
  public byte[] lastKey(Space space, byte[] from, byte[] to) {
    try (RocksIterator iterator = db.newIterator(handle(space))) {
      iterator.seekForPrev(to);
      if (iterator.isValid() && java.util.Arrays.compareUnsigned(iterator.key(), to) >= 0) {
        iterator.prev();
      }
      if (iterator.isValid() && java.util.Arrays.compareUnsigned(iterator.key(), from) >= 0) {
        return iterator.key();
      }
      return null;
    }
  }

  /** Takes a consistent read view; the caller closes it. */
  public KvSnapshot snapshot() {
    Snapshot snapshot = db.getSnapshot();
    return new KvSnapshot(snapshot, () -> db.releaseSnapshot(snapshot));
  }

  /**
   * Iterates keys in {@code [from, to)} of {@code space} in byte order, as of {@code snapshot} (or the latest
   * state when null). The caller closes the cursor; the store closes any still open when it closes.
   */
  public KvCursor scan(KvSnapshot snapshot, Space space, byte[] from, byte[] to) {
    ReadOptions options = new ReadOptions();
    if (snapshot != null) {
      options.setSnapshot(snapshot.snapshot());
    }
    RocksIterator iterator = db.newIterator(handle(space), options);
    KvCursor cursor = new KvCursor(iterator, options, from, to, openIterators);
    openIterators.add(cursor);
    return cursor;
  }

  /** Applies a batch atomically; with {@code sync} the call returns only after the WAL is synced to disk. */
  public void write(KvBatch batch, boolean sync) {
    try (WriteBatch writeBatch = new WriteBatch()) {
      for (KvBatch.Op op : batch.ops()) {
        if (op.rangeEnd() != null) {
          writeBatch.deleteRange(handle(op.space()), op.key(), op.rangeEnd());
        } else if (op.value() == null) {
          writeBatch.delete(handle(op.space()), op.key());
        } else {
          writeBatch.put(handle(op.space()), op.key(), op.value());
        }
      }
      db.write(sync ? syncWrite : asyncWrite, writeBatch);
    } catch (RocksDBException e) {
      throw new StorageException("write of " + batch.ops().size() + " operations failed", e);
    }
  }

  /** Syncs the write-ahead log: every write applied before this call is durable when it returns. */
  public void syncWal() {
    try {
      db.syncWal();
    } catch (RocksDBException e) {
      throw new StorageException("WAL sync failed", e);
    }
  }

  /**
   * The first entry at or after {@code from} and before {@code to} in the latest state, or null. One seek; for
   * version lookups that need only the newest match.
   */
  public byte[][] seekFirst(Space space, byte[] from, byte[] to) {
    try (RocksIterator iterator = db.newIterator(handle(space))) {
      iterator.seek(from);
      if (iterator.isValid() && java.util.Arrays.compareUnsigned(iterator.key(), to) < 0) {
        return new byte[][] {iterator.key(), iterator.value()};
      }
      return null;
    }
  }

  /**
   * The approximate bytes that the entries of {@code space} from {@code from} (inclusive) to {@code to} (exclusive)
   * take in RocksDB's files and memtables; an estimate, as RocksDB's {@code GetApproximateSizes} gives it.
   */
  public long approximateSize(Space space, byte[] from, byte[] to) {
    try (org.rocksdb.Slice start = new org.rocksdb.Slice(from); org.rocksdb.Slice limit = new org.rocksdb.Slice(to)) {
      long[] sizes = db.getApproximateSizes(handle(space), List.of(new org.rocksdb.Range(start, limit)),
          org.rocksdb.SizeApproximationFlag.INCLUDE_FILES, org.rocksdb.SizeApproximationFlag.INCLUDE_MEMTABLES);
      return sizes.length == 0 ? 0 : sizes[0];
    }
  }

  /** A RocksDB property of the data column family, e.g. {@code rocksdb.estimate-num-keys}. */
  public String property(Space space, String name) {
    try {
      return db.getProperty(handle(space), name);
    } catch (RocksDBException e) {
      throw new StorageException("property " + name, e);
    }
  }

  /** Property values that describe the store, for diagnostics. */
  public Map<String, String> describe() {
    return Map.of("rocksdb.version", RocksDB.rocksdbVersion().toString());
  }

  @Override
  public void close() {
    // 1. Iterators pin memtables and SST files: close them before the database.
    openIterators.closeAll();
    // 2. Column family handles belong to the database and must go before it.
    handles.forEach(ColumnFamilyHandle::close);
    // 3. The database itself; closeE flushes nothing (the WAL already holds every acknowledged write).
    try {
      db.closeE();
    } catch (RocksDBException e) {
      throw new StorageException("close failed", e);
    } finally {
      // 4. Options last: the database refers to them until it is closed.
      syncWrite.close();
      asyncWrite.close();
      cfOptions.close();
      dbOptions.close();
    }
  }
}
