/**
 * PostgreSQL types Calcite has no type of its own for ({@code json}, {@code jsonb}): their Calcite types and the
 * type names the parser puts into casts and column definitions.
 */
package io.omendb.adapter.types;
