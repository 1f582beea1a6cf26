/** Key-value storage over RocksDB: the only package that imports {@code org.rocksdb}. */
package io.omendb.engine.storage;
