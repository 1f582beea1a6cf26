/** The storage engine: opens a data directory and hands out its catalog and transactions. Never imports Calcite. */
package io.omendb.engine;
