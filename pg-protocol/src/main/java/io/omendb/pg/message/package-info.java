/**
 * PostgreSQL v3 protocol messages as immutable records, one per message and named as in the PostgreSQL
 * documentation ("Message Formats"). Messages the client sends implement {@link io.omendb.pg.message.FrontendMessage},
 * messages the server sends implement {@link io.omendb.pg.message.BackendMessage}.
 *
 * <p>This package knows nothing about bytes on the wire (see {@code io.omendb.pg.codec}) nor about the database; it
 * depends on the JDK only. Adding a message (Parse, Bind, Describe, Execute, Sync, ...) means adding a record here,
 * naming it in the {@code permits} clause of its sealed interface, and teaching the codec its layout.
 */
package io.omendb.pg.message;
