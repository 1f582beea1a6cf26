/**
 * The Avatica front end: Apache Avatica's HTTP server (Jetty) speaking its JSON or protobuf wire format to the thin
 * JDBC driver ({@code jdbc:avatica:remote:url=...}), over Avatica's {@code JdbcMeta} on the embedded driver, so
 * every remote connection is one {@link io.omendb.adapter.Session} of the same open
 * {@link io.omendb.adapter.Database}.
 *
 * <p>With {@link io.omendb.avatica.AuthMethod#TRUST} the endpoint is unauthenticated: any client that reaches the
 * port may name any user, so {@link io.omendb.avatica.AvaticaServer#start()} binds loopback addresses only. With
 * {@link io.omendb.avatica.AuthMethod#BASIC} every request carries an OmenDB user's password; over plain HTTP that
 * is clear text, so the server binds beyond loopback only when {@link io.omendb.avatica.AvaticaServerConfig#tls()}
 * is present, and then the port serves HTTPS only (a JDK {@link javax.net.ssl.SSLContext} handed in by the
 * composition root, read once at start).
 *
 * <p>Errors reach the client with the PostgreSQL SQLSTATE of the underlying {@link java.sql.SQLException} (plain
 * Avatica reports {@code 00000} for every error) and without server stack traces (plain Avatica sends the whole
 * trace, cause chain included, in every error response): see {@code ErrorTranslatingService}.
 */
package io.omendb.avatica;
