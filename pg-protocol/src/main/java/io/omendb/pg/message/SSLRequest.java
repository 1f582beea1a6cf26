package io.omendb.pg.message;

/** The client asks whether the server will switch the connection to TLS; the server answers with one byte. */
public record SSLRequest() implements FrontendMessage {}
