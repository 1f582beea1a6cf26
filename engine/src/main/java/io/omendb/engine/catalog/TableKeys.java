package io.omendb.engine.catalog;

import java.nio.ByteBuffer;

/** The layout of row keys in the data key space: a 4-byte big-endian table id, then the encoded primary key. */
public final class TableKeys {
  /** Bytes of the table-id prefix. */
  public static final int PREFIX_LENGTH = Integer.BYTES;

  private TableKeys() {}

  /** The key prefix shared by every row of table {@code tableId}. */
  public static byte[] tablePrefix(int tableId) {
    return ByteBuffer.allocate(PREFIX_LENGTH).putInt(tableId).array();
  }
}
