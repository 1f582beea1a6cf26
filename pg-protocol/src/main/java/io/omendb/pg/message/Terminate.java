package io.omendb.pg.message;

/** The client is closing the connection. */
public record Terminate() implements FrontendMessage {}
