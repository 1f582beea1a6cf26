package io.omendb.pg.message;

/** Sent instead of CommandComplete when the query string held no statement. */
public record EmptyQueryResponse() implements BackendMessage {}
