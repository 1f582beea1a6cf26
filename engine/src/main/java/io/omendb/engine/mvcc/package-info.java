/** Transactions: snapshot reads merged with the transaction's own buffered writes, applied atomically at commit. */
package io.omendb.engine.mvcc;
