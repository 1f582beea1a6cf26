package io.omendb.avatica;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.Service;

/**
 * A {@link Service} decorator that runs every connection as the user who authenticated when opening it: the
 * connection's {@code user} property is replaced by that user, the connection id is bound to it, and every later
 * request naming the connection (or one of its statements) must come from the same user. A request from anyone
 * else is answered as if the connection or statement did not exist, so ids cannot be probed.
 */
final class UserBoundService implements Service {
  private final Service delegate;
  private final RequestUser user;
  private final Map<String, String> connectionUsers = new ConcurrentHashMap<>();
  private final Map<Integer, String> statementUsers = new ConcurrentHashMap<>();

  UserBoundService(Service delegate, RequestUser user) {
    this.delegate = requireNonNull(delegate, "delegate");
    this.user = requireNonNull(user, "user");
  }

  private void checkConnection(String connectionId) {
    String owner = connectionUsers.get(connectionId);
    if (owner == null || !owner.equals(user.get())) {
      throw new NoSuchConnectionException(connectionId);
    }
  }

  private void checkStatement(String connectionId, int statementId) {
    checkConnection(connectionId);
    String owner = statementUsers.get(statementId);
    if (owner == null || !owner.equals(user.get())) {
      throw new TracelessAvaticaException("statement " + statementId + " does not exist",
          ErrorResponse.UNKNOWN_ERROR_CODE, "26000", AvaticaSeverity.ERROR);
    }
  }

  private void ownStatement(int statementId) {
    statementUsers.put(statementId, user.get());
  }

  @Override
  public OpenConnectionResponse apply(OpenConnectionRequest request) {
    String authenticated = user.get();
    String previous = connectionUsers.putIfAbsent(request.connectionId, authenticated);
    if (previous != null) {
      throw new TracelessAvaticaException("connection " + request.connectionId + " already exists",
          ErrorResponse.UNKNOWN_ERROR_CODE, "08002", AvaticaSeverity.ERROR);
    }
    Map<String, String> info = new HashMap<>(request.info == null ? Map.of() : request.info);
    info.remove("password");
    info.put("user", authenticated);
    try {
      return delegate.apply(new OpenConnectionRequest(request.connectionId, info));
    } catch (RuntimeException e) {
      connectionUsers.remove(request.connectionId, authenticated);
      throw e;
    }
  }

  @Override
  public CloseConnectionResponse apply(CloseConnectionRequest request) {
    checkConnection(request.connectionId);
    CloseConnectionResponse response = delegate.apply(request);
    connectionUsers.remove(request.connectionId);
    return response;
  }

  @Override
  public ResultSetResponse apply(CatalogsRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public ResultSetResponse apply(SchemasRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public ResultSetResponse apply(TablesRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public ResultSetResponse apply(TableTypesRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public ResultSetResponse apply(TypeInfoRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public ResultSetResponse apply(ColumnsRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public PrepareResponse apply(PrepareRequest request) {
    checkConnection(request.connectionId);
    PrepareResponse response = delegate.apply(request);
    ownStatement(response.statement.id);
    return response;
  }

  @Override
  public ExecuteResponse apply(ExecuteRequest request) {
    checkStatement(request.statementHandle.connectionId, request.statementHandle.id);
    return delegate.apply(request);
  }

  @Override
  public ExecuteResponse apply(PrepareAndExecuteRequest request) {
    checkStatement(request.connectionId, request.statementId);
    return delegate.apply(request);
  }

  @Override
  public SyncResultsResponse apply(SyncResultsRequest request) {
    checkStatement(request.connectionId, request.statementId);
    return delegate.apply(request);
  }

  @Override
  public FetchResponse apply(FetchRequest request) {
    checkStatement(request.connectionId, request.statementId);
    return delegate.apply(request);
  }

  @Override
  public CreateStatementResponse apply(CreateStatementRequest request) {
    checkConnection(request.connectionId);
    CreateStatementResponse response = delegate.apply(request);
    ownStatement(response.statementId);
    return response;
  }

  @Override
  public CloseStatementResponse apply(CloseStatementRequest request) {
    checkStatement(request.connectionId, request.statementId);
    CloseStatementResponse response = delegate.apply(request);
    statementUsers.remove(request.statementId);
    return response;
  }

  @Override
  public ConnectionSyncResponse apply(ConnectionSyncRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public DatabasePropertyResponse apply(DatabasePropertyRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public CommitResponse apply(CommitRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public RollbackResponse apply(RollbackRequest request) {
    checkConnection(request.connectionId);
    return delegate.apply(request);
  }

  @Override
  public ExecuteBatchResponse apply(PrepareAndExecuteBatchRequest request) {
    checkStatement(request.connectionId, request.statementId);
    return delegate.apply(request);
  }

  @Override
  public ExecuteBatchResponse apply(ExecuteBatchRequest request) {
    checkStatement(request.connectionId, request.statementId);
    return delegate.apply(request);
  }

  @Override
  public void setRpcMetadata(RpcMetadataResponse metadata) {
    delegate.setRpcMetadata(metadata);
  }
}
