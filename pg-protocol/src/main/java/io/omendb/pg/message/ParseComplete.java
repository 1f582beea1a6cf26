package io.omendb.pg.message;

/** A Parse succeeded. */
public record ParseComplete() implements BackendMessage {}
