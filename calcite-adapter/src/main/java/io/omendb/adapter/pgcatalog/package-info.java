/**
 * PostgreSQL's system catalogs, computed from the engine catalog on every query: the virtual {@code pg_catalog}
 * schema (relations with PostgreSQL 15's column sets and fixed OIDs) and the functions psql and pgjdbc call on it
 * ({@code format_type}, {@code pg_get_indexdef}, the {@code reg*} lookups, ...). See docs/pg-catalog.md.
 */
package io.omendb.adapter.pgcatalog;
