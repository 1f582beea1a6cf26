package io.omendb.pg.message;

/** Authentication succeeded; the server follows with ParameterStatus, BackendKeyData and ReadyForQuery. */
public record AuthenticationOk() implements BackendMessage {}
