package io.omendb.pg.message;

/**
 * The key a client must present in a {@link CancelRequest} to cancel queries on this connection.
 *
 * @param processId identifies the connection
 * @param secretKey a random secret that proves the canceller knows the key
 */
public record BackendKeyData(int processId, int secretKey) implements BackendMessage {}
