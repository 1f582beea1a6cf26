/**
 * The PostgreSQL v3 protocol server: {@link io.omendb.pg.server.PgServer} accepts connections and runs each on its
 * own thread; a {@link io.omendb.pg.server.PgConnection} walks a
 * {@link io.omendb.pg.server.ConnectionStateMachine} through startup, authentication and the simple query protocol
 * over an {@code io.omendb.adapter.Session}.
 *
 * <p>This is the protocol edge: the only place where exceptions become SQLSTATE codes
 * ({@link io.omendb.pg.server.SqlState}) and error messages on the wire.
 */
package io.omendb.pg.server;
