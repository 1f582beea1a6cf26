package io.omendb.alex;

/**
 * Heap sizes of the index's objects on a 64-bit HotSpot JVM with compressed references (the default below 32 GB).
 *
 * <p>Arrays are counted exactly from their lengths (16-byte header plus elements, padded to 8 bytes); node objects
 * from their field layout (12-byte header plus fields, padded to 8 bytes).
 */
final class MemoryLayout {

  /** A {@link DataNode}: header, 3 references, 2 longs, 3 doubles, 3 ints, 2 longs of bookkeeping. */
  static final int DATA_NODE = 96;
  /** A {@link ModelNode}: header, 2 doubles, 1 double base, 1 reference. */
  static final int MODEL_NODE = 40;

  private MemoryLayout() {
  }

  static long longArray(int length) {
    return 16L + 8L * length;
  }

  static long referenceArray(int length) {
    return align(16L + 4L * length);
  }

  private static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }
}
