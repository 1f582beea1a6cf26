package io.omendb.pg.message;

/** A Close succeeded. */
public record CloseComplete() implements BackendMessage {}
