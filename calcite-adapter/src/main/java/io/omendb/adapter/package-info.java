/**
 * The SQL layer over the engine, after Calcite's InnoDB adapter: the schema and tables Calcite plans against,
 * the relational operators and rules that reach the store, DDL execution, the {@link io.omendb.adapter.Session}
 * API every front end shares, and the embedded JDBC driver.
 */
package io.omendb.adapter;
