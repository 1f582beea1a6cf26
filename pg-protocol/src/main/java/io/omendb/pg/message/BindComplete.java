package io.omendb.pg.message;

/** A Bind succeeded. */
public record BindComplete() implements BackendMessage {}
