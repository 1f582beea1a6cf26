package io.omendb.engine.catalog;

import java.nio.ByteBuffer;

/**
 * The layout of row keys in the data key space: a 4-byte big-endian table id, then the encoded primary key; and of
 * entries in the index key space: a 4-byte big-endian index id, the encoded index columns, then the encoded primary
 * key (the row key without its table id).
 */
public final class TableKeys {
  /** Bytes of the table-id prefix. */
  public static final int PREFIX_LENGTH = Integer.BYTES;

  private TableKeys() {}

  /** The key prefix shared by every row of table {@code tableId}. */
  public static byte[] tablePrefix(int tableId) {
    return ByteBuffer.allocate(PREFIX_LENGTH).putInt(tableId).array();
  }

  /** The key prefix shared by every entry of index {@code indexId} in the index key space. */
  public static byte[] indexPrefix(int indexId) {
    return ByteBuffer.allocate(PREFIX_LENGTH).putInt(indexId).array();
  }

  /** The table id a row key starts with. */
  public static int tableIdOf(byte[] rowKey) {
    return ByteBuffer.wrap(rowKey, 0, PREFIX_LENGTH).getInt();
  }
}
