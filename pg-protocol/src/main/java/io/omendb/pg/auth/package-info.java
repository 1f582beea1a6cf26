/**
 * Client authentication for the PostgreSQL protocol: SCRAM-SHA-256 (and -PLUS with channel binding) as states that
 * cannot be driven out of order, pg_hba-style rules that choose a method per connection, and the throttle that
 * slows repeated failed logins. Knows nothing of sockets; the server package does the I/O.
 */
package io.omendb.pg.auth;
