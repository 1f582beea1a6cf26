/**
 * The Avatica front end: Apache Avatica's HTTP server (Jetty) speaking its JSON or protobuf wire format to the thin
 * JDBC driver ({@code jdbc:avatica:remote:url=...}), over Avatica's {@code JdbcMeta} on the embedded driver, so
 * every remote connection is one {@link io.omendb.adapter.Session} of the same open
 * {@link io.omendb.adapter.Database}.
 *
 * <p><b>The endpoint is unauthenticated.</b> Any client that reaches the port may connect and name any user in its
 * connection properties. Until authentication against OmenDB users lands (the security issue; the seam is
 * {@link io.omendb.avatica.AvaticaServerConfig#authMethod()}), {@link io.omendb.avatica.AvaticaServer#start()}
 * refuses to bind anything but a loopback address, and the HTTP transport carries passwords in clear text.
 *
 * <p>Errors reach the client with the PostgreSQL SQLSTATE of the underlying {@link java.sql.SQLException} (plain
 * Avatica reports {@code 00000} for every error) and without server stack traces (plain Avatica sends the whole
 * trace, cause chain included, in every error response): see {@code ErrorTranslatingService}.
 */
package io.omendb.avatica;
