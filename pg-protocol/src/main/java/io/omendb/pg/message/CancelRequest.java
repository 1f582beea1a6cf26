package io.omendb.pg.message;

/**
 * Sent on a new connection to cancel the query running on another one, identified by the key the server gave in
 * {@link BackendKeyData}.
 *
 * @param processId the target connection's process id
 * @param secretKey the target connection's secret key
 */
public record CancelRequest(int processId, int secretKey) implements FrontendMessage {}
