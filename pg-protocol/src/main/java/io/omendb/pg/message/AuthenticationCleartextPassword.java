package io.omendb.pg.message;

/** The server asks for the password in clear; OmenDB only does so over TLS and when a rule says so. */
public record AuthenticationCleartextPassword() implements BackendMessage {}
