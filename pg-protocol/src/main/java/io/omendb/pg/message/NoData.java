package io.omendb.pg.message;

/** The described statement or portal returns no rows. */
public record NoData() implements BackendMessage {}
