package io.omendb.pg.message;

/** Asks the server to send what it has buffered, without ending the extended-query cycle. */
public record Flush() implements FrontendMessage {}
