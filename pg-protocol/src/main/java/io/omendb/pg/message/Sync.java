package io.omendb.pg.message;

/** Ends an extended-query cycle: commits an implicit transaction, ends error recovery, asks for ReadyForQuery. */
public record Sync() implements FrontendMessage {}
