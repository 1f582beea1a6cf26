package io.omendb.pg.message;

/** The end of the COPY data, in either direction. */
public record CopyDone() implements FrontendMessage, BackendMessage {}
