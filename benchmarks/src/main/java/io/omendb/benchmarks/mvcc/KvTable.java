package io.omendb.benchmarks.mvcc;

import io.omendb.engine.catalog.ColumnDef;
import io.omendb.engine.catalog.ColumnType;
import io.omendb.engine.catalog.TableDef;
import io.omendb.engine.catalog.TableKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark table {@code kv (id BIGINT PRIMARY KEY, v BIGINT, payload VARCHAR(64))}, its rows, and the storage
 * key of a row written by hand, as a plain RocksDB user would.
 */
final class KvTable {
  /** Characters of every payload. */
  static final int PAYLOAD_LENGTH = 50;
  /** Bytes of a row key: table id, the key codec's value marker, the sign-flipped big-endian id. */
  static final int KEY_LENGTH = TableKeys.PREFIX_LENGTH + 1 + Long.BYTES;
  private static final byte KEY_VALUE_MARKER = 0x01;
  private static final String PAYLOAD_FILLER = "x".repeat(PAYLOAD_LENGTH);

  private KvTable() {}

  /** The definition to create (id assigned by the catalog). */
  static TableDef spec() {
    return new TableDef(0, "kv", List.of(
        ColumnDef.create("id", ColumnType.BIGINT).withNullable(false),
        ColumnDef.create("v", ColumnType.BIGINT),
        ColumnDef.create("payload", ColumnType.VARCHAR).withPrecision(64, -1)), new int[] {0});
  }

  /** Row {@code id}: its id, a derived value and a {@value #PAYLOAD_LENGTH}-character payload. */
  static Object[] row(long id) {
    String digits = Long.toString(id);
    String payload = PAYLOAD_FILLER.substring(digits.length()) + digits;
    return new Object[] {id, id * 31 + 7, payload};
  }

  /** The data-space key of row {@code id} of table {@code tableId}, built directly into a byte array. */
  static byte[] rawKey(int tableId, long id) {
    byte[] key = new byte[KEY_LENGTH];
    key[0] = (byte) (tableId >>> 24);
    key[1] = (byte) (tableId >>> 16);
    key[2] = (byte) (tableId >>> 8);
    key[3] = (byte) tableId;
    key[4] = KEY_VALUE_MARKER;
    long flipped = id ^ Long.MIN_VALUE;
    for (int i = 0; i < Long.BYTES; i++) {
      key[KEY_LENGTH - 1 - i] = (byte) flipped;
      flipped >>>= 8;
    }
    return key;
  }

  /** Deletes a directory tree; for temporary data directories. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
