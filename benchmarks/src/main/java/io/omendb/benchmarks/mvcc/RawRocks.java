package io.omendb.benchmarks.mvcc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A plain RocksDB opened on an engine data directory with the options the engine's {@code KvStore} uses (default
 * column family options shared by every family, {@code max_background_jobs = 2}): the baseline of the read
 * benchmark, and the tool that flushes, compacts and checkpoints a freshly loaded directory.
 */
final class RawRocks implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  private static final String DATA_FAMILY = "data";
  /** Same as {@code KvStore}. */
  private static final int MAX_BACKGROUND_JOBS = 2;

  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles;
  private final ColumnFamilyHandle data;

  private RawRocks(DBOptions dbOptions, ColumnFamilyOptions cfOptions, RocksDB db, List<ColumnFamilyHandle> handles,
      ColumnFamilyHandle data) {
    this.dbOptions = dbOptions;
    this.cfOptions = cfOptions;
    this.db = db;
    this.handles = handles;
    this.data = data;
  }

  /** Opens the existing database in {@code dir} with every column family it has. */
  static RawRocks open(Path dir) throws RocksDBException {
    List<byte[]> names;
    try (Options listOptions = new Options()) {
      names = RocksDB.listColumnFamilies(listOptions, dir.toString());
    }
    DBOptions dbOptions = new DBOptions().setMaxBackgroundJobs(MAX_BACKGROUND_JOBS);
    ColumnFamilyOptions cfOptions = new ColumnFamilyOptions();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (byte[] name : names) {
      descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      ColumnFamilyHandle data = null;
      for (int i = 0; i < names.size(); i++) {
        if (DATA_FAMILY.equals(new String(names.get(i), StandardCharsets.UTF_8))) {
          data = handles.get(i);
        }
      }
      if (data == null) {
        throw new IllegalStateException("no column family '" + DATA_FAMILY + "' in " + dir);
      }
      return new RawRocks(dbOptions, cfOptions, db, handles, data);
    } catch (RocksDBException | RuntimeException e) {
      handles.forEach(ColumnFamilyHandle::close);
      cfOptions.close();
      dbOptions.close();
      throw e;
    }
  }

  /** The newest value of {@code key} in the data family, or null. */
  byte[] get(byte[] key) throws RocksDBException {
    return db.get(data, key);
  }

  /** A fresh iterator over the data family (default read options, as the engine's scans); the caller closes it. */
  RocksIterator newDataIterator() {
    return db.newIterator(data);
  }

  /** Moves every family's memtable into SST files and compacts the data family into its last level. */
  void flushAndCompact() throws RocksDBException {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      db.flush(flush, handles);
    }
    db.compactRange(data);
  }

  /** Creates a checkpoint (hard-linked SST files) of the database in {@code target}, which must not exist. */
  void checkpointTo(Path target) throws RocksDBException {
    try (Checkpoint checkpoint = Checkpoint.create(db)) {
      checkpoint.createCheckpoint(target.toString());
    }
  }

  /** A RocksDB property of the data family, e.g. {@code rocksdb.num-files-at-level0}. */
  String dataProperty(String name) throws RocksDBException {
    return db.getProperty(data, name);
  }

  @Override
  public void close() {
    // 1. Column family handles belong to the database and must go before it.
    handles.forEach(ColumnFamilyHandle::close);
    // 2. The database.
    try {
      db.closeE();
    } catch (RocksDBException e) {
      throw new IllegalStateException("close failed", e);
    } finally {
      // 3. Options last: the database refers to them until it is closed.
      cfOptions.close();
      dbOptions.close();
    }
  }
}
